import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_JSON_DEPTH, parseFile, parseText } from '../../../ingest/parse';
import { inputError } from './input-error';

describe('bad input is refused with what and where', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'parse-bad-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses an empty or whitespace-only file', () => {
    expect(inputError(() => parseText(Buffer.from(' \n\n'), 'empty.txt')).message).toBe(
      'ingest/read-input: empty.txt: the file is empty',
    );
  });

  it('refuses binary data and says on which line the NUL byte is', () => {
    const err = inputError(() => parseText(Buffer.from('{"a":\n1\u0000}'), 'image.json'));
    expect(err.message).toBe(
      'ingest/read-input: image.json: line 2: binary data (NUL byte), not a text export',
    );
  });

  it('refuses invalid UTF-8 naming the byte offset and line', () => {
    const bytes = Buffer.concat([
      Buffer.from('🔥 Title\nПривет '),
      Buffer.from([0xd0]),
      Buffer.from(' world\n'),
    ]);
    const err = inputError(() => parseText(bytes, 'cp1251.txt'));
    expect(err.where).toBe('line 2');
    expect(err.what).toBe(
      `invalid UTF-8 at byte ${Buffer.byteLength('🔥 Title\nПривет ')} (the file must be UTF-8 text)`,
    );
  });

  it('refuses an overlong UTF-8 encoding that a lenient decoder would accept', () => {
    expect(inputError(() => parseText(Buffer.from([0x7b, 0xc0, 0xaf, 0x7d]), 'x.json')).what).toBe(
      'invalid UTF-8 at byte 1 (the file must be UTF-8 text)',
    );
  });

  it('reports truncated JSON with the line where it ends and the last message started', () => {
    const json =
      '{\n "name": "c",\n "messages": [\n  {"id": 1, "type": "message", "text": "a"},\n  {"id": 2, "type": "mess';
    const err = inputError(() => parseText(json, 'cut.json'));
    expect(err.origin).toBe('ingest/telegram-json');
    expect(err.where).toBe('line 5');
    expect(err.what).toBe(
      'truncated JSON: the file ends before the document is closed (last message started: 2)',
    );
  });

  it('reports a syntax error with its line and column', () => {
    const err = inputError(() => parseText('{\n "messages": [\n  {"id": 1 "text": "a"}\n ]\n}', 'bad.json'));
    expect(err.where).toBe('line 3, column 12');
    expect(err.what).toMatch(/^invalid JSON: .*\(inside or after message 1\)$/);
  });

  it('refuses JSON of another shape', () => {
    expect(inputError(() => parseText('{"users": []}', 'users.json')).message).toBe(
      'ingest/telegram-json: users.json: not a Telegram Desktop export: no messages array (and no chats.list)',
    );
    expect(inputError(() => parseText('[1, 2]', 'list.json')).what).toMatch(/^not a Telegram Desktop export/);
  });

  it('refuses a message without an id, naming its position', () => {
    expect(
      inputError(() => parseText('{"messages": [{"id": 1, "text": "a"}, {"text": "b"}]}', 'noid.json'))
        .message,
    ).toBe('ingest/telegram-json: noid.json: message #2 in the array: message has no "id"');
  });

  it(`refuses JSON nested deeper than ${MAX_JSON_DEPTH} levels`, () => {
    const deep = `{"messages": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
    expect(inputError(() => parseText(deep, 'deep.json')).what).toBe(
      `JSON nested deeper than ${MAX_JSON_DEPTH} levels: not a Telegram export`,
    );
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = path.join(dir, 'big.json');
    writeFileSync(file, JSON.stringify({ messages: [{ id: 1, text: 'x'.repeat(2000) }] }));
    await expect(parseFile(file, { maxFileBytes: 1000 })).rejects.toThrow(
      /big\.json: file is 20\d\d bytes, over the limit of 1000 bytes/,
    );
    expect(() => parseText('x'.repeat(2000), 'mem.txt', { maxFileBytes: 1000 })).toThrow(
      /over the limit of 1000 bytes/,
    );
  });

  it('refuses a post of more than 1 MB of text, naming where it starts', () => {
    const text = ['Chan', '5 subscribers', 'Download Telegram', '🔥 Huge', 'word '.repeat(220_000)].join(
      '\n',
    );
    expect(inputError(() => parseText(text, 'huge.txt')).message).toMatch(
      /^ingest\/tme-text: huge\.txt: line 4: post text is 1100\d{3} characters, over the limit of 1048576 \(maxPostChars\)$/,
    );
  });

  it('reports a missing file as input error', async () => {
    await expect(parseFile(path.join(dir, 'missing.json'))).rejects.toThrow(
      /missing\.json: cannot read the file \(ENOENT\)/,
    );
  });

  it('refuses text that matches no format, pointing the CLI at --format (as a hint, not as what is wrong)', () => {
    const error = inputError(() => parseText('just a shopping list\nmilk\neggs\n', 'list.txt'));
    expect(error.message).toMatch(/force one with --format$/);
    expect(error.hint).toMatch(/force one with --format$/);
    expect(error.what).not.toContain('--format');
  });
});
