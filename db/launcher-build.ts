import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSetupError } from './errors';
import { assertJava, isMavenAvailable, mavenCommand, missingMavenError } from './tools';

/** The Maven module (db/launcher) and where its builds go. */
export const LAUNCHER_DIR = path.resolve(__dirname, 'launcher');
const TARGET_DIR = path.join(LAUNCHER_DIR, 'target');
const BUILD_PREFIX = 'build-';
const JAR_NAME = 'neo4j-launcher.jar';
/** Written last into a build directory: without it the build is incomplete. */
const COMPLETE_MARKER = '.complete';
const LOCK_DIR = path.join(TARGET_DIR, '.build-lock');
const STALE_LOCK_MS = 10 * 60_000;

export interface BuildResult {
  jar: string;
  /** False when an up-to-date build was already there. */
  built: boolean;
  durationMs: number;
}

type Log = (message: string) => void;

/**
 * Builds db/launcher with Maven unless a build of the same sources (pom.xml + src/**) exists.
 * Each source version builds into its own target/build-<hash> directory and older ones are then
 * deleted: a rebuild never rewrites the jars under a launcher that is running (deleting them is
 * safe on Linux and macOS; the running JVM keeps its open files). Several processes may ask at
 * once (a test run and a dev server): a lock directory makes the others wait for the one that builds.
 */
export async function ensureLauncherBuilt(log: Log = () => {}): Promise<BuildResult> {
  const started = Date.now();
  assertJava();
  const buildDir = buildDirFor(launcherSourceHash());
  const result = (built: boolean): BuildResult => ({
    jar: path.join(built || isComplete(buildDir) ? buildDir : newestCompleteBuild()!, JAR_NAME),
    built,
    durationMs: Date.now() - started,
  });
  if (isComplete(buildDir)) return result(false);

  if (!isMavenAvailable()) {
    if (newestCompleteBuild()) {
      log('db: db/launcher sources changed but Maven is missing; using the launcher built before');
      return result(false);
    }
    throw missingMavenError();
  }

  let builtHere = false;
  await withBuildLock(async () => {
    if (isComplete(buildDir)) return; // another process built it while we waited
    log(
      `db: building the embedded Neo4j launcher (mvn -q -B package in db/launcher; the first build downloads ~125 MB)`,
    );
    const scratch = `${buildDir}.tmp-${process.pid}`;
    fs.rmSync(scratch, { recursive: true, force: true });
    try {
      await runMaven(['-q', '-B', 'package', `-Dlauncher.buildDirectory=${scratch}`]);
    } catch (error) {
      fs.rmSync(scratch, { recursive: true, force: true });
      throw error;
    }
    fs.writeFileSync(path.join(scratch, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
    fs.rmSync(buildDir, { recursive: true, force: true });
    fs.renameSync(scratch, buildDir);
    removeOtherBuilds(buildDir);
    builtHere = true;
  });
  return result(builtHere);
}

/** sha256 over pom.xml and every file under src/, by relative path and content. */
export function launcherSourceHash(): string {
  const hash = createHash('sha256');
  const sources = listFiles(path.join(LAUNCHER_DIR, 'src')).map((file) => path.relative(LAUNCHER_DIR, file));
  for (const file of ['pom.xml', ...sources].sort()) {
    hash.update(file.split(path.sep).join('/')).update('\0');
    hash.update(fs.readFileSync(path.join(LAUNCHER_DIR, file))).update('\0');
  }
  return hash.digest('hex');
}

function buildDirFor(hash: string): string {
  return path.join(TARGET_DIR, `${BUILD_PREFIX}${hash.slice(0, 16)}`);
}

function isComplete(buildDir: string): boolean {
  return fs.existsSync(path.join(buildDir, COMPLETE_MARKER)) && fs.existsSync(path.join(buildDir, JAR_NAME));
}

function completeBuilds(): string[] {
  if (!fs.existsSync(TARGET_DIR)) return [];
  return fs
    .readdirSync(TARGET_DIR)
    .filter((name) => name.startsWith(BUILD_PREFIX) && !name.includes('.tmp-'))
    .map((name) => path.join(TARGET_DIR, name))
    .filter(isComplete);
}

function newestCompleteBuild(): string | null {
  const builds = completeBuilds().sort(
    (a, b) =>
      fs.statSync(path.join(b, COMPLETE_MARKER)).mtimeMs - fs.statSync(path.join(a, COMPLETE_MARKER)).mtimeMs,
  );
  return builds[0] ?? null;
}

function removeOtherBuilds(keep: string): void {
  for (const name of fs.readdirSync(TARGET_DIR)) {
    const full = path.join(TARGET_DIR, name);
    if (name.startsWith(BUILD_PREFIX) && full !== keep) fs.rmSync(full, { recursive: true, force: true });
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
    child.on('error', (error) => reject(new DatabaseSetupError(`db: cannot run Maven: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) return resolve();
      reject(
        new DatabaseSetupError(
          `db: building db/launcher failed (mvn ${args.join(' ')} exited with ${code}):\n${output.trim()}`,
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
