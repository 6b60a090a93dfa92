import { InputError } from '../errors';
import type { ParsedExport, SourceFormat } from '../model';
import { detectFormat } from './detect';
import type { ParseOptions } from './options';
import { decodeText, readInputFile } from './read-input';
import { parseTelegramJson } from './telegram-json';
import { parseTmeText } from './tme-text';

/**
 * Public entry points of ingest/parse: export file → ParsedExport. Pure apart from reading the
 * files named by parseFile / parseFiles.
 */

export type { ParseOptions } from './options';
export { DEFAULT_MAX_POST_CHARS } from './options';
export { DEFAULT_MAX_FILE_BYTES } from './read-input';
export { detectFormat, SUPPORTED_FORMATS } from './detect';
export { postTitle } from './title';

const PARSERS: Partial<
  Record<SourceFormat, (text: string, source: string, opts: ParseOptions) => ParsedExport>
> = {
  'tme-text': parseTmeText,
  'telegram-json': parseTelegramJson,
};

/** Parses export content already in memory; `source` names it in messages. */
export function parseText(content: string | Buffer, source: string, opts: ParseOptions = {}): ParsedExport {
  const text = decodeText(content, source, opts);
  const format = opts.format ?? detectFormat(text, source);
  const parse = PARSERS[format];
  if (!parse) throw new InputError('ingest/parse', source, `format ${format} is not supported yet`);
  return parse(text, source, opts);
}

/** Reads and parses one export file. */
export async function parseFile(path: string, opts: ParseOptions = {}): Promise<ParsedExport> {
  return parseText(await readInputFile(path, opts), path, opts);
}
