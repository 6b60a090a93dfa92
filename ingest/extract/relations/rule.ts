import type { EntityType, ExtractedRelation, RelationType, Sentence } from '../../model';
import type { MergedEntity } from '../entities';
import type { RelationContext, SentenceMention } from './context';

/**
 * The shape every sentence-level rule shares: a cheap gate on the sentence, then a pass over its
 * mentions that states relations with the sentence as evidence.
 */

/** One sentence as a rule sees it. */
export interface SentenceScope {
  ctx: RelationContext;
  sentence: Sentence;
  /** The sentence's mentions, sorted by start. */
  mentions: SentenceMention[];
  /** The sentence lower-cased, for the keyword gates. */
  lower: string;
  /** The entity types mentioned in the sentence. */
  types: ReadonlySet<EntityType>;
}

export interface SentenceRule {
  /**
   * Whether the rule can fire at all: cheap keyword and type tests, because the rules' own
   * Unicode-aware regexes are many times slower and most sentences have no cue.
   */
  when(scope: SentenceScope): boolean;
  run(scope: SentenceScope): void;
}

export function sentenceScope(ctx: RelationContext, si: number): SentenceScope {
  const sentence = ctx.sentences[si];
  const mentions = ctx.mentions[si];
  return {
    ctx,
    sentence,
    mentions,
    lower: sentence.text.toLowerCase(),
    types: new Set(mentions.map((m) => m.entity.type)),
  };
}

/** What a relation may carry besides its ends, type, evidence and confidence. */
type RelationDetails = Partial<Pick<ExtractedRelation, 'score' | 'metric' | 'benchmark'>>;

/** Records a relation the sentence states; the sentence is its evidence. */
export function state(
  scope: SentenceScope,
  from: MergedEntity,
  to: MergedEntity,
  type: RelationType,
  confidence: number,
  details?: RelationDetails,
): void {
  scope.ctx.add({ from, to, type, evidence: scope.sentence.text, confidence, ...details });
}

/** Where a cue (a global regex) matches in the sentence, as offsets into the post text. */
export function cuesIn(cue: RegExp, sentence: Sentence): { at: number; end: number }[] {
  const found: { at: number; end: number }[] = [];
  cue.lastIndex = 0;
  for (let m = cue.exec(sentence.text); m; m = cue.exec(sentence.text)) {
    const at = sentence.start + m.index;
    found.push({ at, end: at + m[0].length });
  }
  return found;
}

/** Where a cue (a global regex) first matches in the sentence, as an offset into the post text. */
export function firstCueIn(cue: RegExp, sentence: Sentence): number | null {
  cue.lastIndex = 0;
  const m = cue.exec(sentence.text);
  return m ? sentence.start + m.index : null;
}

/** Up to `chars` characters of the sentence right before `pos`. */
export function textBefore(scope: SentenceScope, pos: number, chars: number): string {
  return scope.ctx.text.slice(Math.max(scope.sentence.start, pos - chars), pos);
}
