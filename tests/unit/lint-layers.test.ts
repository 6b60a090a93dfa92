/**
 * The layer rule of eslint.config.mjs (vocabulary ← db ← ingest ← server ← client): eslint is run on
 * small files with backwards imports and must refuse them, so the rule cannot silently vanish or
 * stop matching; the imports the layers do use must still pass. Each case is linted (ESLint's
 * lintText) as if it were the file at `file`, so nothing is written to the source tree.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

interface Message {
  ruleId: string | null;
  message: string;
}

interface Case {
  file: string;
  code: string;
}

/**
 * One eslint process (its Node API, in a child so it loads eslint.config.mjs as ESM) lints every
 * case as if its code were the file at `file`; returns each case's messages, in order.
 */
function lintAll(cases: Case[]): Promise<Message[][]> {
  const script = `
    import { ESLint } from 'eslint';
    const cases = JSON.parse(process.env.LINT_CASES);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const { file, code } of cases) {
      const [result] = await eslint.lintText(code, { filePath: file });
      out.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
    }
    process.stdout.write(JSON.stringify(out));`;
  const env = {
    ...process.env,
    LINT_CASES: JSON.stringify(cases.map((c) => ({ ...c, file: path.join(ROOT, c.file) }))),
  };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`eslint failed: ${stderr || error.message}`));
        resolve(JSON.parse(stdout) as Message[][]);
      },
    );
  });
}

const restricted = (messages: Message[]) =>
  messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);

const BACKWARDS: [string, string, string, RegExp][] = [
  [
    'ingest imports server',
    'ingest/cli/probe.ts',
    "import { loadConfig } from '../../server/config';",
    /ingest\//,
  ],
  ['ingest imports the client', 'ingest/probe.ts', "export * from '../client/src/main';", /ingest\//],
  ['db imports ingest', 'db/probe.ts', "import type { Extraction } from '../ingest/model';", /db\//],
  ['db imports server', 'db/cli/probe.ts', "import { startServer } from '../../server/app';", /db\//],
  [
    'vocabulary imports ingest',
    'vocabulary/probe.ts',
    "import type { RawPost } from '../ingest/model';",
    /vocabulary\//,
  ],
  [
    'the client imports a server module other than the contract',
    'client/src/features/probe.ts',
    "import { loadConfig } from '../../../server/config';",
    /client\//,
  ],
  [
    'the client imports ingest',
    'client/src/probe.ts',
    "import type { Extraction } from '../../ingest/model';",
    /client\//,
  ],
  [
    'the client imports db',
    'client/src/canvas/probe.ts',
    "import { toPlain } from '../../../db/to-plain';",
    /client\//,
  ],
  [
    'server imports a test helper',
    'server/probe.ts',
    "import { sampleSubgraph } from '../tests/support/sample-subgraph';",
    /server\//,
  ],
];

const ALLOWED: [string, string, string][] = [
  [
    'the client imports the contract types and the vocabulary',
    'client/src/features/probe.ts',
    "import type { NodeData } from '../../../server/api/contract';\nimport { ENTITY_TYPES } from '../../../vocabulary/types';\nexport const n: NodeData | null = null;\nexport const t = ENTITY_TYPES;",
  ],
  [
    'ingest imports db and the vocabulary',
    'ingest/cli/probe.ts',
    "import { loadDatabaseConfig } from '../../db/config';\nimport { entityKey } from '../../vocabulary/keys';\nexport const f = [loadDatabaseConfig, entityKey];",
  ],
  [
    'server imports ingest, db and the vocabulary',
    'server/services/probe.ts',
    "import { ingestFiles } from '../../ingest/pipeline';\nimport { createDriver } from '../../db/driver';\nimport { RELATION_TYPES } from '../../vocabulary/types';\nexport const f = [ingestFiles, createDriver, RELATION_TYPES];",
  ],
];

describe('eslint layer rule', () => {
  let results: Message[][];

  beforeAll(async () => {
    results = await lintAll(
      [...BACKWARDS, ...ALLOWED].map(([, file, code]) => ({ file, code: `${code}\n` })),
    );
  });

  it.each(BACKWARDS.map((c, i) => [...c, i] as const))('fails when %s', (_what, _file, _code, layer, i) => {
    const messages = restricted(results[i]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(layer);
  });

  it.each(ALLOWED.map((c, i) => [...c, BACKWARDS.length + i] as const))(
    'passes when %s',
    (_what, _file, _code, i) => {
      expect(results[i]).toEqual([]);
    },
  );
});
