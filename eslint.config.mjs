import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * The layers, from the bottom: vocabulary/ (entity and relation types, keys) ← db/ (database control)
 * ← ingest/ (parse → extract → load) ← server/ (HTTP API) ← client/ (browser). A layer imports only
 * the ones below it; the client only the vocabulary and the API contract types
 * (server/api/contract.ts). bench/ and tests/ may import anything, nothing imports them.
 * Imports are relative, so each pattern matches a path that climbs (../) into a top-level folder.
 * tests/unit/lint-layers.test.ts runs eslint on backwards imports so these rules cannot vanish.
 */
const up = '^(\\.\\./)+';
const layerRule = (layer, below, forbidden) => ({
  files: [`${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((folder) => ({
          regex: `${up}${folder}(/|$)`,
          message: `${layer}/ imports only ${below} (layers: vocabulary ← db ← ingest ← server ← client; README "Layout").`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'client/dist/**',
      '.data/**',
      'bench/results/**',
      'tests/e2e/screenshots/**',
      'db/launcher/target/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  layerRule('vocabulary', 'itself', ['db', 'ingest', 'server', 'client', 'bench', 'tests']),
  layerRule('db', 'vocabulary/', ['ingest', 'server', 'client', 'bench', 'tests']),
  layerRule('ingest', 'vocabulary/ and db/', ['server', 'client', 'bench', 'tests']),
  layerRule('server', 'vocabulary/, db/ and ingest/', ['client', 'bench', 'tests']),
  {
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `${up}(db|ingest|bench|tests)(/|$)|${up}server(?!/api/contract$)(/|$)`,
              message:
                'client/ imports only vocabulary/ and the API contract types (server/api/contract.ts); README "Layout".',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: {
      globals: {
        module: 'writable',
        require: 'readonly',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
);
