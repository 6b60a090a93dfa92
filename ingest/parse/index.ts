import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors';
import type { ParsedExport, SourceFormat } from '../model';
import { detectFormat } from './detect';
import type { ParseOptions } from './options';
import { decodeText, readInputFile } from './read-input';
import { parseTelegramHtmlPage, mergeTelegramHtmlPages } from './telegram-html';
import { parseTelegramJson } from './telegram-json';
import { mergeTmeHtmlPages, parseTmeHtml, parseTmeHtmlPage } from './tme-html';
import { parseTmeText } from './tme-text';

/**
 * Public entry points of ingest/parse: export file(s) → ParsedExport. Pure apart from reading
 * the files named by parseFile / parseFiles.
 */

export type { ParseOptions } from './options';
export { DEFAULT_MAX_POST_CHARS } from './options';
export { DEFAULT_MAX_FILE_BYTES } from './read-input';
export { MAX_JSON_DEPTH } from './json-source';
export { detectFormat, SUPPORTED_FORMATS } from './detect';
export { postTitle } from './title';

type Parser = (text: string, source: string, opts: ParseOptions) => ParsedExport;

const PARSERS: Record<SourceFormat, Parser> = {
  'tme-text': parseTmeText,
  'telegram-json': parseTelegramJson,
  'telegram-html': (text, source, opts) =>
    mergeTelegramHtmlPages([parseTelegramHtmlPage(text, source, opts)], opts),
  'tme-html': parseTmeHtml,
};

/** Parses export content already in memory; `source` names it in messages. */
export function parseText(content: string | Buffer, source: string, opts: ParseOptions = {}): ParsedExport {
  const text = decodeText(content, source, opts);
  const format = opts.format ?? detectFormat(text, source);
  return PARSERS[format](text, source, opts);
}

/**
 * Reads and parses one export file. A directory is taken as a Telegram Desktop HTML export and its
 * messages*.html pages are merged (see parseFiles).
 */
export async function parseFile(path: string, opts: ParseOptions = {}): Promise<ParsedExport> {
  if (await isDirectory(path)) return parseFiles(await htmlPagesIn(path), opts);
  return parseText(await readInputFile(path, opts), path, opts);
}

/**
 * Parses several pages of one channel (messages.html, messages2.html, … or saved t.me/s pages)
 * into one export: posts in message id order, each id once. One path is the same as parseFile.
 */
export async function parseFiles(paths: string[], opts: ParseOptions = {}): Promise<ParsedExport> {
  if (paths.length === 0) throw new InputError('ingest/parse', '(no files)', 'no export files given');
  if (paths.length === 1) return parseFile(paths[0], opts);
  const pages: { format: SourceFormat; text: string; path: string }[] = [];
  for (const path of paths) {
    const text = decodeText(await readInputFile(path, opts), path, opts);
    pages.push({ format: opts.format ?? detectFormat(text, path), text, path });
  }
  const formats = new Set(pages.map((p) => p.format));
  if (formats.size > 1) {
    throw new InputError(
      'ingest/parse',
      paths.join(', '),
      `the files are of different formats (${[...formats].join(', ')}); give the pages of one export`,
    );
  }
  const [format] = formats;
  if (format === 'telegram-html')
    return mergeTelegramHtmlPages(
      pages.map((p) => parseTelegramHtmlPage(p.text, p.path, opts)),
      opts,
    );
  if (format === 'tme-html')
    return mergeTmeHtmlPages(pages.map((p) => parseTmeHtmlPage(p.text, p.path, opts)));
  throw new InputError(
    'ingest/parse',
    paths.join(', '),
    `several ${format} files cannot be merged; parse them one by one`,
  );
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false; // readInputFile reports the missing file
  }
}

/** messages.html, messages2.html, … in page order. */
async function htmlPagesIn(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => /^messages\d*\.html$/.test(n));
  if (names.length === 0)
    throw new InputError(
      'ingest/parse',
      dir,
      'a directory, but without messages*.html pages of a Telegram Desktop export',
    );
  const page = (n: string) => Number(/\d+/.exec(n)?.[0] ?? 1);
  return names.sort((a, b) => page(a) - page(b)).map((n) => join(dir, n));
}
