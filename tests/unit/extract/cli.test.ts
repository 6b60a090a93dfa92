import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** `npm run extract` end to end: JSON on stdout for good input, a located message and exit 1 for bad. */
const ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(ROOT, 'ingest/cli/extract.ts');

function run(args: string[]) {
  return spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 60_000 });
}

describe('extract CLI', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'extract-cli-'));

  /** Writes a one-channel Telegram JSON export into the test folder; returns its path. */
  function writeChannel(name: string, title: string, messages: object[]): string {
    const file = path.join(dir, name);
    writeFileSync(file, JSON.stringify({ name: title, type: 'public_channel', id: 123, messages }));
    return file;
  }

  it('prints the extraction of a Telegram JSON export', () => {
    const file = writeChannel('result.json', 'CLI Channel', [
      {
        id: 7,
        type: 'message',
        date: '2024-03-01T10:00:00',
        text: 'Релиз\nКомпания Яндекс представила языковую модель Falcon-Z.',
      },
    ]);
    const res = run([file, '--format', 'telegram-json']);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.posts).toHaveLength(1);
    expect(out.posts[0].relations.map((r: { from: string; to: string }) => `${r.from}>${r.to}`)).toContain(
      'Яндекс>Falcon-Z',
    );
  }, 60_000);

  it('names the file on stderr and exits 1 on broken input', () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{ "messages": [ ');
    const res = run([file, '--format', 'telegram-json']);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('broken.json');
  }, 60_000);

  it('exits 1 and prints nothing on stdout for an export without posts', () => {
    const file = writeChannel('pins-only.json', 'Pins', [
      { id: 1, type: 'service', action: 'pin_message', date: '2024-03-01T10:00:00' },
    ]);
    const res = run([file]);
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain(
      `ingest/telegram-json: ${file}: its only message has no text: 1 service message`,
    );
  }, 60_000);

  it('rejects an unknown format with the list of known ones', () => {
    const res = run(['x.txt', '--format', 'pdf']);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/unknown format "pdf".*tme-text/);
  }, 60_000);
});
