/**
 * Builds client/dist with Vite only when it is missing or older than a client source, so that
 * `npm start` and the end-to-end tests do not rebuild on every run. Usable as a CLI
 * (`tsx client/scripts/ensure-built.ts`) or through ensureClientBuilt().
 *
 * CommonJS (see client/scripts/package.json) so the CommonJS tests can import it and __dirname works.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const DEFAULT_REPO_ROOT = path.resolve(__dirname, '../..');

/** A change to any of these makes the built client stale, relative to the repository root. */
export const CLIENT_BUILD_INPUTS = [
  'client/src',
  'client/public',
  'client/index.html',
  'client/vite.config.ts',
  'package-lock.json',
] as const;

export interface EnsureBuiltResult {
  built: boolean;
  /** Why it built, or why it did not: said in the printed line. */
  reason: string;
}

export interface EnsureBuiltOptions {
  repoRoot?: string;
  /** Receives the one line saying whether it built; defaults to console.log. */
  log?: (line: string) => void;
}

/** Newest modification time under `target` (a file or a directory), with the file that has it. */
export function newestInput(target: string): { mtimeMs: number; file: string } | null {
  if (!fs.existsSync(target)) return null;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return { mtimeMs: stat.mtimeMs, file: target };
  let newest: { mtimeMs: number; file: string } | null = null;
  for (const entry of fs.readdirSync(target)) {
    const found = newestInput(path.join(target, entry));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/** Why client/dist must be rebuilt, or null when it is newer than every build input. */
export function staleReason(repoRoot: string): string | null {
  const index = path.join(repoRoot, 'client/dist/index.html');
  if (!fs.existsSync(index)) return 'client/dist/index.html is missing';
  const builtAt = fs.statSync(index).mtimeMs;
  for (const input of CLIENT_BUILD_INPUTS) {
    const newest = newestInput(path.join(repoRoot, input));
    if (newest && newest.mtimeMs > builtAt)
      return `${path.relative(repoRoot, newest.file)} is newer than client/dist/index.html`;
  }
  return null;
}

/** Runs `vite build` when client/dist is stale; prints one line either way. */
export function ensureClientBuilt(options: EnsureBuiltOptions = {}): EnsureBuiltResult {
  const repoRoot = options.repoRoot ?? DEFAULT_REPO_ROOT;
  const log = options.log ?? ((line: string) => console.log(line));
  const reason = staleReason(repoRoot);
  if (reason === null) {
    const result = { built: false, reason: 'client/dist is newer than every client source' };
    log(`client: ${result.reason}, not rebuilding`);
    return result;
  }
  const started = Date.now();
  const vite = path.join(repoRoot, 'node_modules/.bin/vite');
  try {
    execFileSync(vite, ['build', '--config', 'client/vite.config.ts'], { cwd: repoRoot, stdio: 'pipe' });
  } catch (err) {
    const output = err as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(
      `client/scripts/ensure-built: vite build failed (${reason}): ${output.message}\n${output.stdout ?? ''}${output.stderr ?? ''}`,
      { cause: err },
    );
  }
  log(`client: built client/dist in ${((Date.now() - started) / 1000).toFixed(1)} s (${reason})`);
  return { built: true, reason };
}

if (require.main === module) {
  try {
    ensureClientBuilt();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
