import type { Sentence } from '../model';
import { isCodeLine } from './text-utils';
import type { Span } from './tokens';

/** Where things are in a post: sentence of an offset, overlapping spans, code lines to skip. */

export function sentenceIndexAt(sentences: Sentence[], offset: number): number {
  for (let i = 0; i < sentences.length; i++) if (offset < sentences[i].end) return i;
  return Math.max(0, sentences.length - 1);
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Lines of code (commands, snippets): no names are looked for inside. */
export function codeLineSpans(text: string): Span[] {
  const spans: Span[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    if (isCodeLine(line)) spans.push({ start: pos, end: pos + line.length });
    pos += line.length + 1;
  }
  return spans;
}
