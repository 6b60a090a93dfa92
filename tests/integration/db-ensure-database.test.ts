import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config';
import { readEmbeddedPassword } from '../../db/embedded-auth';
import { ensureDatabase, type Database } from '../../db/ensure-database';
import { DatabaseSetupError } from '../../db/errors';
import { readLauncherState, stateFilePath } from '../../db/launcher-state';
import { testDatabaseEnv } from './support/db';

// JVM starts take 5-30 s on a busy machine; the project-level testTimeout in jest.config.js is not applied.
jest.setTimeout(180_000);

/** Configuration for an embedded database in dataDir, as the server would load it from env. */
function embeddedConfig(dataDir: string) {
  return loadConfig({
    NEO4J_DATA_DIR: dataDir,
    NEO4J_BOLT_PORT: '0',
    NEO4J_HEAP: '384m',
    NEO4J_PAGECACHE: '32m',
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('ensureDatabase', () => {
  describe('embedded (no NEO4J_URI)', () => {
    let dataDir: string;
    let owner: Database | null = null;
    let second: Database | null = null;

    beforeAll(() => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-ensure-test-'));
    });
    afterAll(async () => {
      await second?.stop();
      await owner?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('removes a stale state file (its process is gone) and starts its own database', async () => {
      const finished = spawnSync(process.execPath, ['-e', '0']);
      fs.writeFileSync(
        stateFilePath(dataDir),
        JSON.stringify({ pid: finished.pid, uri: 'bolt://127.0.0.1:1', startedAt: '2026-01-01T00:00:00Z' }),
      );

      owner = await ensureDatabase(embeddedConfig(dataDir));
      expect(owner).toMatchObject({ embedded: true, owned: true, user: 'neo4j' });
      expect(owner.password).toBe(readEmbeddedPassword(dataDir));
      const state = readLauncherState(dataDir);
      expect(state?.uri).toBe(owner.uri);
      expect(state?.pid).not.toBe(finished.pid);
      await owner.driver.executeQuery("CREATE (:EnsureProbe {by: 'owner'})");
    });

    it('reuses the database another process runs on the same directory, without owning it', async () => {
      second = await ensureDatabase(embeddedConfig(dataDir));
      expect(second).toMatchObject({ uri: owner!.uri, embedded: true, owned: false });
      const { records } = await second.driver.executeQuery('MATCH (p:EnsureProbe) RETURN p.by AS by');
      expect(records.map((record) => record.get('by'))).toEqual(['owner']);
    });

    it('leaves the database running when a reusing caller stops', async () => {
      await second!.stop();
      second = null;
      const { records } = await owner!.driver.executeQuery('RETURN 1 AS one');
      expect(records[0].get('one').toNumber()).toBe(1);
    });

    it('stops the database when its owner stops', async () => {
      const pid = readLauncherState(dataDir)!.pid;
      await owner!.stop();
      owner = null;
      expect(isAlive(pid)).toBe(false);
      expect(fs.existsSync(stateFilePath(dataDir))).toBe(false);
    });
  });

  describe('two processes starting at once on a new directory', () => {
    const started: Database[] = [];
    let fresh: string;
    afterAll(async () => {
      // The one that reused first, then the owner.
      for (const database of [...started].sort((a, b) => Number(a.owned) - Number(b.owned))) {
        await database.stop();
      }
      fs.rmSync(fresh, { recursive: true, force: true });
    });

    it('share one database and one password (generated once, before either holds the store)', async () => {
      fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-ensure-race-'));
      started.push(
        ...(await Promise.all([
          ensureDatabase(embeddedConfig(fresh)),
          ensureDatabase(embeddedConfig(fresh)),
        ])),
      );
      expect(started.map((database) => database.owned).sort()).toEqual([false, true]);
      expect(started[0].uri).toBe(started[1].uri);
      expect(started[0].password).toBe(started[1].password);
      expect(started[0].password).toBe(readEmbeddedPassword(fresh));
      for (const database of started) {
        const { records } = await database.driver.executeQuery('RETURN 1 AS one');
        expect(records[0].get('one').toNumber()).toBe(1);
      }
    });
  });

  describe('external (NEO4J_URI set)', () => {
    it('connects to the given URI and never treats it as embedded', async () => {
      const env = testDatabaseEnv();
      const database = await ensureDatabase(
        loadConfig({ NEO4J_URI: env.uri, NEO4J_USER: env.user, NEO4J_PASSWORD: env.password }),
      );
      try {
        expect(database).toMatchObject({ uri: env.uri, embedded: false, owned: false });
        const { records } = await database.driver.executeQuery('RETURN 2 AS two');
        expect(records[0].get('two').toNumber()).toBe(2);
      } finally {
        await database.stop();
      }
    });

    it('fails with the address and the three ways to get a database when nothing answers', async () => {
      const attempt = ensureDatabase(loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:1' }));
      await expect(attempt).rejects.toBeInstanceOf(DatabaseSetupError);
      await expect(attempt).rejects.toThrow(/cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1 \(NEO4J_URI\)/);
      await expect(attempt).rejects.toThrow(/docker compose up/);
    });
  });
});
