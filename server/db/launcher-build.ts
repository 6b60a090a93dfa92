import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSetupError } from './errors';
import { assertJava, isMavenAvailable, mavenCommand, missingMavenError } from './tools';

/** Where the Maven module lives and what its build leaves behind. */
export const LAUNCHER_DIR = path.resolve(__dirname, '..', '..', 'db', 'launcher');
const TARGET_DIR = path.join(LAUNCHER_DIR, 'target');
export const LAUNCHER_JAR = path.join(TARGET_DIR, 'neo4j-launcher.jar');
const LIB_DIR = path.join(TARGET_DIR, 'lib');
/** Hash of the sources the jar was built from; a different hash means "rebuild". */
const HASH_FILE = path.join(TARGET_DIR, 'sources.sha256');
const LOCK_DIR = path.join(TARGET_DIR, '.build-lock');
const STALE_LOCK_MS = 10 * 60_000;

export interface BuildResult {
  jar: string;
  /** False when an up-to-date jar was already there. */
  built: boolean;
  durationMs: number;
}

type Log = (message: string) => void;

/**
 * Builds db/launcher with Maven unless the jar was already built from the same sources
 * (pom.xml + src/**). Several processes may ask at once (test run + dev server): a lock directory
 * makes the others wait for the one that builds.
 */
export async function ensureLauncherBuilt(log: Log = () => {}): Promise<BuildResult> {
  const started = Date.now();
  assertJava();
  const hash = launcherSourceHash();
  if (isUpToDate(hash)) return { jar: LAUNCHER_JAR, built: false, durationMs: Date.now() - started };

  if (!isMavenAvailable()) {
    if (fs.existsSync(LAUNCHER_JAR) && fs.existsSync(LIB_DIR)) {
      log('server/db: db/launcher sources changed but Maven is missing; using the jar built before');
      return { jar: LAUNCHER_JAR, built: false, durationMs: Date.now() - started };
    }
    throw missingMavenError();
  }

  await withBuildLock(async () => {
    if (isUpToDate(launcherSourceHash())) return; // another process built it while we waited
    log(
      'server/db: building the embedded Neo4j launcher (mvn -q -B package in db/launcher; first time downloads ~125 MB)',
    );
    fs.rmSync(HASH_FILE, { force: true });
    await runMaven(['-q', '-B', 'package']);
    fs.writeFileSync(HASH_FILE, `${hash}\n`);
  });
  return { jar: LAUNCHER_JAR, built: true, durationMs: Date.now() - started };
}

/** sha256 over pom.xml and every file under src/, by relative path and content. */
export function launcherSourceHash(): string {
  const hash = createHash('sha256');
  const files = [
    'pom.xml',
    ...listFiles(path.join(LAUNCHER_DIR, 'src')).map((file) => path.relative(LAUNCHER_DIR, file)),
  ];
  for (const file of files.sort()) {
    hash.update(file.split(path.sep).join('/')).update('\0');
    hash.update(fs.readFileSync(path.join(LAUNCHER_DIR, file))).update('\0');
  }
  return hash.digest('hex');
}

function isUpToDate(hash: string): boolean {
  try {
    return (
      fs.readFileSync(HASH_FILE, 'utf8').trim() === hash &&
      fs.existsSync(LAUNCHER_JAR) &&
      fs.existsSync(LIB_DIR)
    );
  } catch {
    return false;
  }
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

function runMaven(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(mavenCommand(), args, { cwd: LAUNCHER_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) =>
      reject(new DatabaseSetupError(`server/db: cannot run Maven: ${error.message}`)),
    );
    child.on('close', (code) => {
      if (code === 0) return resolve();
      reject(
        new DatabaseSetupError(
          `server/db: building db/launcher failed (mvn ${args.join(' ')} exited with ${code}):\n${output.trim()}`,
        ),
      );
    });
  });
}

async function withBuildLock(work: () => Promise<void>): Promise<void> {
  fs.mkdirSync(TARGET_DIR, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const lock = fs.statSync(LOCK_DIR, { throwIfNoEntry: false });
      if (!lock) continue; // released between our mkdir and stat
      if (Date.now() - lock.mtimeMs > STALE_LOCK_MS) fs.rmSync(LOCK_DIR, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    await work();
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}
