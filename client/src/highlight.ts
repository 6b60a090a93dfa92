/**
 * Where to highlight in a text, as plain data: the text cut into parts, each marked or not. The
 * DOM helpers (dom.ts) turn each part into a text node or a <mark> holding a text node, so data
 * never becomes markup. Kept free of the DOM so the rules can be tested in Node.
 */

export interface TextPart {
  text: string;
  /** True for a matched term or mention (drawn as <mark>). */
  marked: boolean;
  /** Tooltip for a marked part (mention name and type). */
  title?: string;
}

/** Terms shorter than this would mark stray letters all over a post. */
const MIN_TERM_LENGTH = 2;

/**
 * Cuts `text` around every case-insensitive occurrence of a term, longest terms first so
 * "Llama 3" wins over "Llama". The parts joined give back `text` exactly.
 */
export function splitByTerms(text: string, terms: string[]): TextPart[] {
  const usable = [...new Set(terms.filter((t) => t.trim().length >= MIN_TERM_LENGTH))].sort(
    (a, b) => b.length - a.length,
  );
  if (usable.length === 0) return text ? [{ text, marked: false }] : [];
  const escaped = usable.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(${escaped.join('|')})`, 'giu');
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start), marked: false });
    parts.push({ text: match[0], marked: true });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), marked: false });
  return parts;
}

/**
 * Cuts `text` at character ranges [start, end) (mention offsets from the API). Ranges outside the
 * text or empty are ignored; of overlapping ranges the one starting first is kept.
 */
export function splitByRanges(
  text: string,
  ranges: { start: number; end: number; title?: string }[],
): TextPart[] {
  const sorted = ranges
    .filter((r) => r.start >= 0 && r.end <= text.length && r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const parts: TextPart[] = [];
  let last = 0;
  for (const range of sorted) {
    if (range.start < last) continue;
    if (range.start > last) parts.push({ text: text.slice(last, range.start), marked: false });
    parts.push({ text: text.slice(range.start, range.end), marked: true, title: range.title });
    last = range.end;
  }
  if (last < text.length) parts.push({ text: text.slice(last), marked: false });
  return parts;
}
