import fs from 'node:fs';
import path from 'node:path';

/**
 * The launcher writes <dataDir>/launcher-state.json once Bolt is up and removes it on shutdown
 * (db/launcher Neo4jLauncher.STATE_FILE). Another process on the same data directory reads it to
 * reuse that database instead of failing on Neo4j's store lock.
 */
export const STATE_FILE_NAME = 'launcher-state.json';

export interface LauncherState {
  pid: number;
  uri: string;
  startedAt: string;
}

export function stateFilePath(dataDir: string): string {
  return path.join(path.resolve(dataDir), STATE_FILE_NAME);
}

/** The state file's content, or null when there is none or it is not a launcher state. */
export function readLauncherState(dataDir: string): LauncherState | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(stateFilePath(dataDir), 'utf8'));
  } catch {
    return null;
  }
  const state = parsed as Partial<LauncherState>;
  if (!Number.isSafeInteger(state.pid) || typeof state.uri !== 'string' || !state.uri.startsWith('bolt://')) {
    return null;
  }
  return { pid: state.pid!, uri: state.uri, startedAt: String(state.startedAt ?? '') };
}

export function removeLauncherState(dataDir: string): void {
  fs.rmSync(stateFilePath(dataDir), { force: true });
}

/**
 * True when pid is a running neo4j launcher. A bare "is alive" check is not enough: after a crash
 * the pid may belong to an unrelated process by now. On Linux the command line tells; elsewhere
 * the Bolt connection check that follows has to.
 */
export function isLauncherProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but owned by another user, still a candidate.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('neo4j-launcher');
  } catch {
    return process.platform !== 'linux';
  }
}
