/**
 * Browser and client build for the end-to-end tests: Debian Chromium driven by playwright-core,
 * with a fresh profile per run, and client/dist rebuilt when a client source is newer than it.
 * launchBrowser is the project's one Chromium launcher: bench/ui.bench.ts uses it too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { ensureClientBuilt as ensureClientBuiltWithVite } from '../../../client/scripts/ensure-built';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const CLIENT_DIST = path.join(REPO_ROOT, 'client/dist');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'tests/e2e/screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What this machine's Chromium needs: no sandbox (root in a container), no GPU, no background traffic. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds client/dist unless it is newer than every client source (client/scripts/ensure-built.ts). */
export function ensureClientBuilt(): void {
  ensureClientBuiltWithVite({ repoRoot: REPO_ROOT });
}

/** Headless Chromium with an empty profile (removed by close()); 1440×900 unless told otherwise. */
export async function launchBrowser(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `tests/e2e: Chromium not found at ${CHROMIUM}; install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    acceptDownloads: true,
    args: CHROMIUM_FLAGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The handle client/src/main.ts puts on window for tests (only what the tests use). */
declare global {
  interface Window {
    explorer?: {
      cy: import('cytoscape').Core;
      canvas: { entityKeys(): string[] };
      ready: Promise<void>;
    };
  }
}
