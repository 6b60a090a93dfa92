/**
 * Issue 11 on the product as a user runs it: `npm start` with its embedded database (no NEO4J_URI),
 * on a private data directory.
 * - item 9: Bolt asks for a password (none, a wrong one and the old default are refused); the
 *   password file is mode 0600; the server and an ingest CLI attaching to that database work;
 * - item 5: kill -9 of the database process: the server restarts it, /api/health says
 *   "restarting" meanwhile, and the API serves again without a server restart;
 * - item 12: SIGTERM to npm's process stops the server and the database; a bad NEO4J_DATA_DIR
 *   stops the start with one line naming it, no stack trace.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import neo4j, { type AuthToken } from 'neo4j-driver';
import { generateChannel } from '../../bench/generate-channel';
import type { HealthResponse } from '../../server/api/contract';
import { passwordFilePath, readEmbeddedPassword } from '../../db/embedded-auth';
import { readLauncherState } from '../../db/launcher-state';

const ROOT = path.resolve(__dirname, '../..');

// npm start may build the client first (once), then starts a JVM; a restart is another JVM start.
jest.setTimeout(600_000);

let dataDir: string;
let server: ChildProcess;
let url: string;
const output: string[] = [];

/** The environment of a user with no database configured: the run's NEO4J_URI must not leak in. */
function embeddedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DEBUG: '' };
  for (const name of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'EXPLORER_TOKEN']) delete env[name];
  return {
    ...env,
    NEO4J_DATA_DIR: dataDir,
    NEO4J_BOLT_PORT: '0',
    NEO4J_HEAP: '384m',
    NEO4J_PAGECACHE: '32m',
    HOST: '127.0.0.1',
    ...extra,
  };
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs / 1000} s\n${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function health(): Promise<{ status: number; body: HealthResponse }> {
  const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
  return { status: res.status, body: (await res.json()) as HealthResponse };
}

async function canRead(auth: AuthToken | undefined): Promise<boolean> {
  const driver = neo4j.driver(readLauncherState(dataDir)!.uri, auth);
  try {
    await driver.executeQuery('MATCH (n) RETURN count(n) AS n');
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'Neo.ClientError.Security.Unauthorized') return false;
    throw error;
  } finally {
    await driver.close();
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-server-embedded-'));
  const port = await freePort();
  server = spawn('npm', ['start'], { cwd: ROOT, env: embeddedEnv({ PORT: String(port) }) });
  server.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  url = await new Promise<string>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`npm start exited with ${code}\n${output.join('')}`)));
    readline.createInterface({ input: server.stdout! }).on('line', (line) => {
      output.push(`${line}\n`);
      const match = /^server: explorer at (http:\S+?)\/?$/.exec(line);
      if (match) resolve(match[1]);
    });
  });
});

afterAll(async () => {
  // Whatever failed: no server or JVM may outlive the test.
  const launcher = readLauncherState(dataDir);
  if (server && server.exitCode === null) {
    server.kill('SIGKILL');
  }
  if (launcher && alive(launcher.pid)) process.kill(launcher.pid, 'SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded database asks for a password (item 9)', () => {
  it('keeps the password in a file only its owner can read', () => {
    const mode = fs.statSync(passwordFilePath(dataDir)).mode & 0o777;
    expect(mode.toString(8)).toBe('600');
    expect(readEmbeddedPassword(dataDir)).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('refuses Bolt without credentials, with a wrong password and with the default one', async () => {
    expect(await canRead(undefined)).toBe(false);
    expect(await canRead(neo4j.auth.basic('neo4j', 'wrong-password'))).toBe(false);
    expect(await canRead(neo4j.auth.basic('neo4j', 'neo4j'))).toBe(false);
    expect(await canRead(neo4j.auth.basic('neo4j', readEmbeddedPassword(dataDir)))).toBe(true);
  });

  it('serves the API, and an ingest CLI attaches to the running database with the same password', async () => {
    expect((await health()).status).toBe(200);
    const channel = path.join(dataDir, 'attach-5.result.json');
    fs.writeFileSync(channel, JSON.stringify(generateChannel({ posts: 5 })));
    const run = spawnSync('npx', ['tsx', 'ingest/cli/ingest.ts', channel], {
      cwd: ROOT,
      env: embeddedEnv(),
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(run.stderr).not.toMatch(/Unauthorized|authentication failure/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('  posts:     5\n');
    // It used the server's database, not one of its own: the server still runs it.
    expect((await health()).status).toBe(200);
  });
});

describe('a database that dies is restarted (item 5)', () => {
  it('answers "restarting" after kill -9 of the launcher and serves again by itself', async () => {
    const before = (await health()).body.database;
    const first = readLauncherState(dataDir)!;
    process.kill(first.pid, 'SIGKILL');
    const killedAt = Date.now();

    const seen: { status: number; body: HealthResponse }[] = [];
    // Bound generously: a JVM start with store recovery took 9–24 s here, and 111 s on a machine
    // running four other test suites; the verdict must not depend on the machine's load.
    const back = await waitFor('health 200 after kill -9', 420_000, async () => {
      const answer = await health();
      seen.push(answer);
      return answer.status === 200 ? answer.body : null;
    });
    const seconds = (Date.now() - killedAt) / 1000;
    const said = output.filter((line) => /restart|is back/.test(line)).join('');
    console.log(
      `server-embedded: the API answered again ${seconds.toFixed(1)} s after kill -9 (issue: ≤ 15 s); the server said:\n${said}`,
    );
    // A JVM start takes seconds: the state in between is always observable.
    const restarting = seen.filter((answer) => answer.body.status === 'restarting');
    expect(restarting.length).toBeGreaterThan(0);
    for (const { status, body } of restarting) {
      expect(status).toBe(503);
      expect(body.database.restart?.attempt).toBeGreaterThanOrEqual(1);
      expect(body.database.message).toMatch(
        /^database restarting \(attempt \d+\): the database was killed by SIGKILL/,
      );
    }
    expect(back.database.nodes).toBe(before.nodes);

    const second = readLauncherState(dataDir)!;
    expect(second.pid).not.toBe(first.pid);
    expect(alive(second.pid)).toBe(true);
    const search = await fetch(`${url}/api/search?q=a`);
    expect(search.status).toBe(200);
    // Still behind the same password.
    expect(await canRead(undefined)).toBe(false);
  });
});

describe('a bad NEO4J_DATA_DIR (item 12)', () => {
  it.each([
    ['a file', () => passwordFilePath(dataDir)],
    ['a directory under /proc', () => '/proc/mlgraph-no-such-dir/neo4j'],
  ])('as %s stops the server with one line naming it', (_what, dir) => {
    const bad = dir();
    const run = spawnSync('npx', ['tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...embeddedEnv(), NEO4J_DATA_DIR: bad, PORT: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`NEO4J_DATA_DIR "${bad}" is not a directory this process can write`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('SIGTERM to npm start (item 12)', () => {
  it('stops the server and the database', async () => {
    const launcher = readLauncherState(dataDir)!;
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    await waitFor('the launcher to exit', 60_000, async () => (alive(launcher.pid) ? null : true));
    await waitFor('the HTTP port to close', 10_000, async () => {
      try {
        await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) });
        return null;
      } catch {
        return true;
      }
    });
    expect(readLauncherState(dataDir)).toBeNull();
  });
});
