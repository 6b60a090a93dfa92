import { InputError } from '../../ingest/errors';

/**
 * Module prefixes of internal messages ("ingest/load: ", "api/imports: "): they tell a developer
 * where an error came from and mean nothing to someone importing a file.
 */
const ORIGIN_PREFIX = /^(?:[a-z][\w-]*\/[\w./-]+: )+/;

/**
 * Why an import failed, in words for the person who chose the file (the explorer names the file
 * itself): what is wrong and where, without the module that noticed it or command-line advice.
 * The CLI and the API's `error` keep the full message ("ingest/detect: x.txt: …; force one with
 * --format"); this is ImportStatus.reason.
 */
export function importFailureReason(error: unknown, file: string): string {
  if (error instanceof InputError) return error.where ? `${error.what}, at ${error.where}` : error.what;
  const message = error instanceof Error ? error.message : String(error);
  const plain = message.replace(ORIGIN_PREFIX, '');
  // "<file>: what" as the parsers write it: the file is already named beside the reason.
  return plain.startsWith(`${file}: `) ? plain.slice(file.length + 2) : plain;
}
