import { InputError } from '../errors';
import type { SourceFormat } from '../model';
import type { ReadOptions } from './read-input';

export interface ParseOptions extends ReadOptions {
  /** Skip detection and parse as this format. */
  format?: SourceFormat;
  /** A post longer than this many characters is an error (default 1 MB of text). */
  maxPostChars?: number;
  /** Channel @username when the caller knows it and the export does not tell. */
  username?: string;
  /** Full-account JSON export with several channels: the name or id of the one to read. */
  chat?: string;
}

export const DEFAULT_MAX_POST_CHARS = 1024 * 1024;

/**
 * A single post with more than a megabyte of text is not a channel post but a broken or hostile
 * export; it is reported as an error (not skipped) so that nothing is lost silently.
 */
export function assertPostSize(
  text: string,
  origin: string,
  file: string,
  where: string,
  opts: ParseOptions,
): void {
  const limit = opts.maxPostChars ?? DEFAULT_MAX_POST_CHARS;
  if (text.length > limit) {
    throw new InputError(
      origin,
      file,
      `post text is ${text.length} characters, over the limit of ${limit} (maxPostChars)`,
      where,
    );
  }
}
