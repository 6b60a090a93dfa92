import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Root is client/ whatever the working directory, so `vite build --config client/vite.config.ts`
// from the repository root builds to client/dist, which the API server serves.
const clientRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: clientRoot,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Cytoscape and the Cypher grammar (antlr4) are large by nature; warn only above 2 MB.
    chunkSizeWarningLimit: 2048,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
