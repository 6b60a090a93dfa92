import type { MergedEntity } from '../entities';
import type { SentenceScope } from './rule';

/**
 * Anaphora: a sentence that opens with "Она", "Модель", "It", "The model" speaks of the post's
 * main entity (its subject), not of the names that follow. The opening words are data
 * (relation-cues.json, "anaphora").
 */

const OPENING = /^[\s"«(]*((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u;

/** Whether the sentence, up to `before`, is only an anaphor ("Она", "Новая модель", "The model"). */
export function opensWithAnaphor(scope: SentenceScope, before: number): boolean {
  const { ctx, sentence: s } = scope;
  const head = ctx.text.slice(s.start, Math.min(before, s.start + 40));
  const m = OPENING.exec(head);
  if (!m) return false;
  const words = m[1].toLowerCase().split(/\s+/);
  for (let n = words.length; n >= 1; n--) if (ctx.cues.anaphora.has(words.slice(0, n).join(' '))) return true;
  return false;
}

/** The post's subject when the sentence opens with an anaphor, else null. */
export function anaphoricSubject(scope: SentenceScope): MergedEntity | null {
  const { ctx, sentence: s } = scope;
  if (!ctx.subject || !opensWithAnaphor(scope, s.end)) return null;
  return ctx.subject;
}
