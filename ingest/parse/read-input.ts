import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors';

/**
 * Turning bytes into text, with every way a file can fail to be text reported by name and place.
 * Kept apart from the parsers so that each of them receives a checked string.
 */

const ORIGIN = 'ingest/read-input';

/** Files larger than this are refused unless the caller raises the limit (an export of a big channel is ~50 MB). */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface ReadOptions {
  /** Refuse files larger than this many bytes (default 64 MB). */
  maxFileBytes?: number;
}

/** Reads a file, refusing one over the size limit before loading it. */
export async function readInputFile(path: string, opts: ReadOptions = {}): Promise<Buffer> {
  const limit = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputError(ORIGIN, path, 'not a regular file');
    size = info.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(
      ORIGIN,
      path,
      `cannot read the file (${(err as NodeJS.ErrnoException).code ?? err})`,
    );
  }
  assertWithinSize(size, limit, path);
  return readFile(path);
}

export function assertWithinSize(size: number, limit: number, file: string): void {
  if (size > limit) {
    throw new InputError(
      ORIGIN,
      file,
      `file is ${formatBytes(size)}, over the limit of ${formatBytes(limit)} (raise it with maxFileBytes / --max-file-size)`,
    );
  }
}

/**
 * Decodes UTF-8 strictly. Refuses empty input, binary data (NUL bytes) and invalid UTF-8, naming
 * the byte offset and line of the first bad byte. A leading byte-order mark is dropped.
 */
export function decodeText(content: string | Buffer, file: string, opts: ReadOptions = {}): string {
  const limit = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (typeof content === 'string') {
    assertWithinSize(Buffer.byteLength(content, 'utf8'), limit, file);
    const nul = content.indexOf('\u0000');
    if (nul >= 0) throw binaryError(file, lineOfCharOffset(content, nul));
    return assertNotBlank(content.replace(/^\uFEFF/, ''), file);
  }
  assertWithinSize(content.length, limit, file);
  const nul = content.indexOf(0);
  if (nul >= 0) throw binaryError(file, lineOfByteOffset(content, nul));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    const offset = firstInvalidUtf8Offset(content);
    throw new InputError(
      ORIGIN,
      file,
      `invalid UTF-8 at byte ${offset} (the file must be UTF-8 text)`,
      `line ${lineOfByteOffset(content, offset)}`,
    );
  }
  return assertNotBlank(text, file);
}

function assertNotBlank(text: string, file: string): string {
  if (text.trim() === '') throw new InputError(ORIGIN, file, 'the file is empty');
  return text;
}

function binaryError(file: string, line: number): InputError {
  return new InputError(ORIGIN, file, 'binary data (NUL byte), not a text export', `line ${line}`);
}

function lineOfByteOffset(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = buf.indexOf(10); i >= 0 && i < offset; i = buf.indexOf(10, i + 1)) line++;
  return line;
}

function lineOfCharOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8Offset(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return buf.length;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${n} bytes`;
}
