/**
 * Word tokens of a sentence with offsets into the post text. Tokens keep inner joiners so that
 * names stay whole: "GPT-3", "AV-HuBERT", "wav2vec", "2.0", "RE.WORK", "WSDM'22", "W&B", "1.10+".
 * Words inside URLs are not tokens (URLs are handled by the repository and link code).
 */

export interface Token {
  text: string;
  start: number;
  end: number;
}

// "I/O" (Google I/O) is one word; other slashes separate names ("TensorFlow/PyTorch").
const TOKEN = /I\/O(?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:[-'’.&_·][\p{L}\p{N}]+)*\+*/gu;
/** URLs, bare domains, @handles and #hashtags: none of their words are names. */
export const URL_PATTERN =
  /(?<![\w@])[@#][A-Za-z0-9_]{2,}|(?:https?:\/\/|www\.)[^\s<>"«»()]+|\b(?:[a-z0-9-]+\.)+(?:com|org|io|ai|ru|net|co|dev|app|me|edu|gov|info|tech)(?:\/[^\s<>"«»()]*)?/gi;

export interface Span {
  start: number;
  end: number;
}

export function urlSpans(text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  if (!/[./]/.test(text)) return spans;
  URL_PATTERN.lastIndex = 0;
  for (let m = URL_PATTERN.exec(text); m; m = URL_PATTERN.exec(text)) {
    let end = m.index + m[0].length;
    while (end > m.index && /[.,;:!?]/.test(text[end - 1])) end -= 1;
    spans.push({ start: offset + m.index, end: offset + end });
  }
  return spans;
}

/** Tokens of `text`, which starts at `offset` in the post; tokens inside `skip` spans are dropped. */
export function tokenize(text: string, offset = 0, skip: Span[] = urlSpans(text, offset)): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const start = offset + m.index;
    const end = start + m[0].length;
    if (skip.length && skip.some((s) => start < s.end && end > s.start)) continue;
    // "Meta's" is Meta.
    const word = /.['’]s$/i.test(m[0]) ? m[0].slice(0, -2) : m[0];
    splitScriptChange(word, start, out);
  }
  return out;
}

const CYR = /[\u0400-\u04FF]/;
const LAT = /[A-Za-z]/;

/** "Python-библиотека" → "Python", "библиотека": a hyphen between scripts joins a name and a cue word. */
function splitScriptChange(word: string, start: number, out: Token[]): void {
  if (!word.includes('-') || !CYR.test(word) || !LAT.test(word)) {
    out.push({ text: word, start, end: start + word.length });
    return;
  }
  let pos = 0;
  let pieceStart = 0;
  const pieces = word.split('-');
  for (let i = 0; i < pieces.length; i++) {
    const next = pieces[i + 1];
    const here = pieces[i];
    pos += here.length;
    const change = next !== undefined && CYR.test(here) !== CYR.test(next);
    if (next === undefined || change) {
      out.push({ text: word.slice(pieceStart, pos), start: start + pieceStart, end: start + pos });
      pieceStart = pos + 1;
    }
    pos += 1;
  }
}
