import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import neo4jDriver from 'neo4j-driver';
import { createDriver } from '../../db/driver';
import { passwordFilePath, readEmbeddedPassword } from '../../db/embedded-auth';
import { startEmbeddedNeo4j, StoreLockedError, type EmbeddedNeo4j } from '../../db/embedded';
import { ensureLauncherBuilt } from '../../db/launcher-build';
import { readLauncherState, stateFilePath } from '../../db/launcher-state';
import { javaCommand } from '../../db/tools';

// JVM starts take 5-30 s on a busy machine; the project-level testTimeout in jest.config.js is not applied.
jest.setTimeout(180_000);

// Each test here starts its own JVM on its own temporary directory (the run's database is not used).
const small = { boltPort: 0, heap: '384m', pageCache: '32m' };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('db/launcher (embedded Neo4j)', () => {
  let dataDir: string;
  const running: EmbeddedNeo4j[] = [];

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-launcher-test-'));
  });
  afterAll(async () => {
    await Promise.all(running.map((neo4j) => neo4j.stop()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on a free port, accepts Bolt, writes and reads a node, and stops cleanly', async () => {
    const neo4j = await startEmbeddedNeo4j({ dataDir, ...small });
    running.push(neo4j);
    expect(neo4j.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(readLauncherState(dataDir)).toMatchObject({ pid: neo4j.pid, uri: neo4j.uri });

    const driver = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
    try {
      const info = await driver.getServerInfo();
      expect(info.agent).toMatch(/^Neo4j\/5\.26\./);
      await driver.executeQuery('CREATE (:LauncherProbe {name: $name, n: 42})', { name: 'first run' });
      const { records } = await driver.executeQuery(
        'MATCH (p:LauncherProbe) RETURN p.name AS name, p.n AS n',
      );
      expect(records.map((record) => [record.get('name'), record.get('n').toNumber()])).toEqual([
        ['first run', 42],
      ]);
    } finally {
      await driver.close();
    }

    await neo4j.stop();
    expect(isAlive(neo4j.pid)).toBe(false);
    expect(fs.existsSync(stateFilePath(dataDir))).toBe(false);
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'debug.log'), 'utf8')).toContain(
      'Bolt server has been shut down',
    );
  });

  it('refuses a second launcher on a directory in use with StoreLockedError', async () => {
    const neo4j = await startEmbeddedNeo4j({ dataDir, ...small });
    running.push(neo4j);
    await expect(startEmbeddedNeo4j({ dataDir, ...small })).rejects.toBeInstanceOf(StoreLockedError);
    // The running one is unaffected and keeps its state file.
    expect(readLauncherState(dataDir)?.pid).toBe(neo4j.pid);
    await neo4j.stop();
  });

  it('sees the earlier data when started again, and shuts down by itself when its stdin closes', async () => {
    // Started by hand, as a parent that then goes away would have: only the stdin pipe ties them.
    const child = spawn(
      javaCommand(),
      [
        '-Xmx384m',
        '-jar',
        (await ensureLauncherBuilt()).jar,
        '--bolt-port',
        '0',
        '--data-dir',
        dataDir,
        '--pagecache',
        '32m',
      ],
      { stdio: ['pipe', 'pipe', 'ignore'] },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const firstLine = await new Promise<string>((resolve) => {
      readline.createInterface({ input: child.stdout }).once('line', resolve);
    });
    expect(firstLine).toMatch(/^NEO4J_READY bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(fs.existsSync(stateFilePath(dataDir))).toBe(true);

    const driver = createDriver({
      uri: firstLine.split(' ')[1],
      user: 'neo4j',
      password: readEmbeddedPassword(dataDir),
    });
    try {
      const { records } = await driver.executeQuery('MATCH (p:LauncherProbe) RETURN p.name AS name');
      expect(records.map((record) => record.get('name'))).toEqual(['first run']);
    } finally {
      await driver.close();
    }

    child.stdin.end();
    expect(await exited).toBe(0);
    expect(fs.existsSync(stateFilePath(dataDir))).toBe(false);
  });

  it('asks Bolt for the password in <dataDir>/neo4j-password (0600); a lost file gets a new one', async () => {
    // Issue 11, item 9. The store exists from the tests above; its password file is removed, as in
    // a data directory from before authentication was on.
    const oldPassword = readEmbeddedPassword(dataDir);
    fs.rmSync(passwordFilePath(dataDir));
    const neo4j = await startEmbeddedNeo4j({ dataDir, ...small });
    running.push(neo4j);
    expect(fs.statSync(passwordFilePath(dataDir)).mode & 0o777).toBe(0o600);
    expect(neo4j.password).toBe(readEmbeddedPassword(dataDir));
    expect(neo4j.password).not.toBe(oldPassword);

    const reads = async (password: string | null): Promise<string> => {
      const driver = neo4jDriver.driver(
        neo4j.uri,
        password === null ? undefined : neo4jDriver.auth.basic('neo4j', password),
      );
      try {
        const { records } = await driver.executeQuery('MATCH (p:LauncherProbe) RETURN p.name AS name');
        return `read ${records.map((record) => record.get('name')).join()}`;
      } catch (error) {
        return String((error as { code?: string }).code);
      } finally {
        await driver.close();
      }
    };
    // The data is kept. Asked first: after three failed logins Neo4j refuses the user for 5 s.
    expect(await reads(neo4j.password)).toBe('read first run');
    const refused = 'Neo.ClientError.Security.Unauthorized';
    expect(await reads(null)).toBe(refused);
    expect(await reads('neo4j')).toBe(refused);
    expect(await reads(oldPassword)).toBe(refused);
    expect(await reads(`${neo4j.password}x`)).toBe(refused);
    await neo4j.stop();
  });
});
