/**
 * Issue 11, item 12: a bad NEO4J_DATA_DIR gives one clear line naming the variable, before any
 * Java or Maven runs (it gave a raw stack trace, or hung under /proc).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSetupError } from '../../../db/errors';
import { startEmbeddedNeo4j } from '../../../db/embedded';

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-data-dir-'));
});
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

it.each([
  [
    'a path under a file',
    () => {
      const file = path.join(scratch, 'a-file');
      fs.writeFileSync(file, 'x');
      return path.join(file, 'neo4j');
    },
  ],
  [
    'a file',
    () => {
      const file = path.join(scratch, 'another-file');
      fs.writeFileSync(file, 'x');
      return file;
    },
  ],
  ['a directory under /proc', () => '/proc/mlgraph-no-such-dir/neo4j'],
])('refuses %s with a DatabaseSetupError naming NEO4J_DATA_DIR', async (_what, dir) => {
  const dataDir = dir();
  const started = startEmbeddedNeo4j({ dataDir, boltPort: 0 });
  await expect(started).rejects.toBeInstanceOf(DatabaseSetupError);
  await expect(started).rejects.toThrow(
    `NEO4J_DATA_DIR "${dataDir}" is not a directory this process can write`,
  );
});
