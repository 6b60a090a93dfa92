import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { generateChannel } from '../../bench/generate-channel';
import { clearGraph, counts, testDriver } from './support/db';

const ROOT = path.resolve(__dirname, '../..');

// testTimeout in a jest project entry is not applied (it is a global option): set it here.
jest.setTimeout(120_000);

let driver: Driver;
let dir: string;
let channelFile: string;

beforeAll(() => {
  driver = testDriver();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-cli-'));
  channelFile = path.join(dir, 'synthetic-12.result.json');
  fs.writeFileSync(channelFile, JSON.stringify(generateChannel({ posts: 12 })));
});
afterAll(async () => {
  await driver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await clearGraph(driver);
});

/** Runs `npm run ingest` as a user would (tsx), against the test database from NEO4J_URI. */
function ingestCli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('npx', ['tsx', 'ingest/cli/ingest.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DEBUG: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run ingest', () => {
  it('loads a file, prints a summary with relations by type and exits 0', async () => {
    const run = ingestCli([channelFile, '--batch-size', '50']);
    expect(run.stderr).toContain(`ingest: posts 12/12 (${channelFile})`);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Ingested:\n/);
    expect(run.stdout).toContain('  posts:     12\n');
    expect(run.stdout).toMatch(/ {4}RELEASED +\d+\n/);
    expect(run.stdout).toMatch(/ {2}seconds: +\d+\.\d\n/);
    const { records } = await driver.executeQuery('MATCH (p:Post) RETURN count(p) AS n');
    expect(records[0].get('n').toNumber()).toBe(12);
  });

  it('exits 1 on a bad file with a message naming it, no stack trace, and writes nothing', async () => {
    const bad = path.join(dir, 'not-an-export.json');
    fs.writeFileSync(bad, '{"name": "Half a file", "messages": [');
    const run = ingestCli([bad]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`ingest: ingest/telegram-json: ${bad}: `);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe('');
    expect(await counts(driver)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('exits 1 on an export without messages, naming the file, and writes nothing of the good file before it', async () => {
    const empty = path.join(dir, 'empty-chat.result.json');
    fs.writeFileSync(empty, JSON.stringify({ name: 'Empty', type: 'public_channel', id: 9, messages: [] }));
    const run = ingestCli([channelFile, empty]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `ingest: ingest/telegram-json: ${empty}: the export has no messages (a chat export with 0 messages?)`,
    );
    expect(run.stdout).toBe('');
    expect(await counts(driver)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('does not touch a database in a dry run', () => {
    // An unreachable database: a dry run must not even try it.
    const run = ingestCli([channelFile, '--dry-run'], { NEO4J_URI: 'bolt://127.0.0.1:9' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Dry run: nothing was written\. It would write:\n/);
    expect(run.stdout).toContain('  posts:     12\n');
  });

  it('exits 1 with the usage on a bad option', () => {
    const run = ingestCli([channelFile, '--batch-size', 'lots']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ingest: --batch-size must be an integer 1-100000, got "lots"');
    expect(run.stderr).toContain('usage: npm run ingest --');
  });
});
