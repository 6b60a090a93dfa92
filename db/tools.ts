import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DatabaseSetupError, WAYS_TO_GET_A_DATABASE } from './errors';

const MIN_JAVA = 17;

/** `java` from JAVA_HOME when set (as Maven does), else from PATH. */
export function javaCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

export function mavenCommand(): string {
  return process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
}

/** Java major version, or null when `java` cannot be run. */
export function javaMajorVersion(java = javaCommand()): number | null {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 30_000 });
  if (result.error || result.status !== 0) return null;
  // `java -version` prints to stderr: openjdk version "17.0.15" ... (or "1.8.0_392" for Java 8).
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return null;
  const major = Number(match[1]);
  return major === 1 && match[2] ? Number(match[2]) : major;
}

export function isMavenAvailable(): boolean {
  const result = spawnSync(mavenCommand(), ['-v'], { encoding: 'utf8', timeout: 60_000 });
  return !result.error && result.status === 0;
}

/** Throws a DatabaseSetupError naming the missing tool and the three ways to get a database. */
export function assertJava(): void {
  const java = javaCommand();
  const major = javaMajorVersion(java);
  if (major === null) {
    throw new DatabaseSetupError(
      `db: cannot start the embedded Neo4j: \`${java}\` was not found or does not run.\n${WAYS_TO_GET_A_DATABASE}`,
    );
  }
  if (major < MIN_JAVA) {
    throw new DatabaseSetupError(
      `db: cannot start the embedded Neo4j: it needs Java ${MIN_JAVA}+, \`${java}\` is Java ${major}.\n${WAYS_TO_GET_A_DATABASE}`,
    );
  }
}

export function missingMavenError(): DatabaseSetupError {
  return new DatabaseSetupError(
    `db: cannot build the embedded Neo4j launcher (db/launcher): \`${mavenCommand()}\` was not found on PATH.\n${WAYS_TO_GET_A_DATABASE}`,
  );
}
