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

/**
 * Where `sentence` (an evidence sentence, as stored) stands in `text`: an exact match, else one
 * that differs only in white space (line breaks the sentence splitter joined), else null.
 */
export function findSentence(text: string, sentence: string): { start: number; end: number } | null {
  const wanted = sentence.trim();
  if (!wanted) return null;
  const exact = text.indexOf(wanted);
  if (exact >= 0) return { start: exact, end: exact + wanted.length };
  const words = wanted.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const match = new RegExp(words.join('\\s+'), 'u').exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

/** A part of a text and whether it lies inside a span (the evidence sentence). */
export interface SpanPart extends TextPart {
  inSpan: boolean;
}

/**
 * Cuts highlighted parts again at [start, end), so the span (the evidence sentence) can be drawn
 * around its parts while the mentions inside it stay marked. The parts joined give back the text.
 */
export function cutAtSpan(parts: TextPart[], start: number, end: number): SpanPart[] {
  const out: SpanPart[] = [];
  let offset = 0;
  for (const part of parts) {
    const from = offset;
    const to = offset + part.text.length;
    offset = to;
    const cuts = [from, Math.min(Math.max(start, from), to), Math.min(Math.max(end, from), to), to];
    for (let i = 0; i < 3; i++) {
      if (cuts[i + 1] <= cuts[i]) continue;
      out.push({
        ...part,
        text: part.text.slice(cuts[i] - from, cuts[i + 1] - from),
        inSpan: cuts[i] >= start && cuts[i + 1] <= end,
      });
    }
  }
  return out;
}
