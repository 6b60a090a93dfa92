import { InputError } from '../errors';

/**
 * Turning the text of a JSON export into a value, with the failures users actually meet named
 * and located: truncated files, `\xNN` escapes written by some exporters, nesting too deep to be an
 * export.
 */

/** Telegram exports nest 5–6 levels; far deeper nesting is not an export and could exhaust the stack. */
export const MAX_JSON_DEPTH = 64;

export function parseJsonExport(text: string, origin: string, file: string): unknown {
  assertDepth(text, origin, file);
  try {
    return JSON.parse(text);
  } catch (first) {
    const repaired = repairControlEscapes(text);
    if (repaired !== text) {
      try {
        return JSON.parse(repaired);
      } catch (second) {
        throw syntaxError(second, repaired, origin, file);
      }
    }
    throw syntaxError(first, text, origin, file);
  }
}

/**
 * Some exporters write control characters as `\x0b` (not JSON) or raw inside strings. Inside
 * strings, `\xNN` becomes `\u00NN` and raw control characters are escaped; a `\\x` (an escaped
 * backslash followed by x) is left alone. Runs only after a first parse failed.
 */
export function repairControlEscapes(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is repaired here
  if (!/\\x[0-9a-fA-F]{2}|[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) return text;
  const out: string[] = [];
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!inString) {
      if (c === 0x22) inString = true;
      continue;
    }
    if (c === 0x22) {
      inString = false;
    } else if (c === 0x5c) {
      const next = text[i + 1];
      if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 4))) {
        out.push(text.slice(from, i), '\\u00', text.slice(i + 2, i + 4));
        from = i + 4;
        i += 3;
      } else {
        i++; // skip the escaped character, whatever it is
      }
    } else if (c < 0x20) {
      out.push(text.slice(from, i), `\\u${c.toString(16).padStart(4, '0')}`);
      from = i + 1;
    }
  }
  if (from === 0) return text;
  out.push(text.slice(from));
  return out.join('');
}

/**
 * Bracket depth outside strings; refuses depth over MAX_JSON_DEPTH. A regex that skips whole
 * strings (unrolled, so an unterminated string cannot make it backtrack) is ~2x faster than a
 * character loop on a 60 MB export.
 */
const STRING_OR_BRACKET = /"[^"\\]*(?:\\[\s\S][^"\\]*)*"|[{}[\]]/g;

function assertDepth(text: string, origin: string, file: string): void {
  let depth = 0;
  STRING_OR_BRACKET.lastIndex = 0;
  for (let m = STRING_OR_BRACKET.exec(text); m; m = STRING_OR_BRACKET.exec(text)) {
    const token = m[0];
    if (token === '{' || token === '[') {
      if (++depth > MAX_JSON_DEPTH) {
        throw new InputError(
          origin,
          file,
          `JSON nested deeper than ${MAX_JSON_DEPTH} levels: not a Telegram export`,
          `line ${lineAt(text, m.index)}`,
        );
      }
    } else if (token === '}' || token === ']') {
      depth--;
    }
  }
}

function syntaxError(err: unknown, text: string, origin: string, file: string): InputError {
  const message = err instanceof Error ? err.message : String(err);
  const pos = /position (\d+)/.exec(message);
  if (
    /Unexpected end of JSON input|Unterminated string/i.test(message) ||
    (pos && Number(pos[1]) >= text.trimEnd().length)
  ) {
    const lastId = lastMessageIdBefore(text, text.length);
    return new InputError(
      origin,
      file,
      `truncated JSON: the file ends before the document is closed${lastId ? ` (last message started: ${lastId})` : ''}`,
      `line ${lineAt(text, text.length)}`,
    );
  }
  if (pos) {
    const at = Number(pos[1]);
    const lastId = lastMessageIdBefore(text, at);
    return new InputError(
      origin,
      file,
      `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/s, '')}${lastId ? ` (inside or after message ${lastId})` : ''}`,
      `line ${lineAt(text, at)}, column ${at - text.lastIndexOf('\n', at - 1)}`,
    );
  }
  return new InputError(origin, file, `invalid JSON: ${message}`);
}

function lastMessageIdBefore(text: string, at: number): string | null {
  const window = text.slice(Math.max(0, at - 200_000), at);
  const ids = [...window.matchAll(/"id"\s*:\s*(-?\d+)/g)];
  return ids.length ? ids[ids.length - 1][1] : null;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
