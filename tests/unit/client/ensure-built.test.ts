import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureClientBuilt, staleReason } from '../../../client/scripts/ensure-built';

/** A fake repository with a built client whose index.html is dated `builtAt` (seconds). */
function fakeRepo(builtAt: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ensure-built-'));
  const files = [
    'client/src/main.ts',
    'client/src/features/filters.ts',
    'client/index.html',
    'client/vite.config.ts',
    'package-lock.json',
  ];
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), '');
    fs.utimesSync(path.join(root, file), builtAt - 100, builtAt - 100);
  }
  fs.mkdirSync(path.join(root, 'client/dist'));
  fs.writeFileSync(path.join(root, 'client/dist/index.html'), '');
  fs.utimesSync(path.join(root, 'client/dist/index.html'), builtAt, builtAt);
  return root;
}

const touch = (root: string, file: string, at: number) => fs.utimesSync(path.join(root, file), at, at);

describe('client/scripts/ensure-built', () => {
  const builtAt = 1_700_000_000;
  const roots: string[] = [];
  const repo = () => {
    const root = fakeRepo(builtAt);
    roots.push(root);
    return root;
  };
  afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

  test('a build newer than every input is up to date', () => {
    expect(staleReason(repo())).toBeNull();
  });

  test('a missing client/dist/index.html needs a build', () => {
    const root = repo();
    fs.rmSync(path.join(root, 'client/dist/index.html'));
    expect(staleReason(root)).toBe('client/dist/index.html is missing');
  });

  test.each([
    'client/src/features/filters.ts',
    'client/index.html',
    'client/vite.config.ts',
    'package-lock.json',
  ])('a newer %s needs a build and is named as the reason', (file) => {
    const root = repo();
    touch(root, file, builtAt + 5);
    expect(staleReason(root)).toBe(`${file} is newer than client/dist/index.html`);
  });

  test('files outside the build inputs do not trigger a build', () => {
    const root = repo();
    fs.writeFileSync(path.join(root, 'client/README.md'), '');
    fs.mkdirSync(path.join(root, 'client/scripts'));
    fs.writeFileSync(path.join(root, 'client/scripts/other.ts'), '');
    expect(staleReason(root)).toBeNull();
  });

  test('when up to date it does not build and prints one line saying so', () => {
    const lines: string[] = [];
    const result = ensureClientBuilt({ repoRoot: repo(), log: (line) => lines.push(line) });
    expect(result.built).toBe(false);
    expect(lines).toEqual(['client: client/dist is newer than every client source, not rebuilding']);
  });

  test('a failed build throws naming the script and why it tried to build', () => {
    // The fake repository has no node_modules/.bin/vite, so the build itself fails.
    const root = repo();
    touch(root, 'client/src/main.ts', builtAt + 5);
    expect(() => ensureClientBuilt({ repoRoot: root, log: () => undefined })).toThrow(
      /client\/scripts\/ensure-built: vite build failed \(client\/src\/main\.ts is newer/,
    );
  });
});
