import { wordCue } from '../cues';
import type { EntityType } from '../../model';
import type { MergedEntity } from '../entities';
import type { RelationContext, SentenceMention } from './context';
import type { SentenceScope } from './rule';

/** Which mentions can stand at either end of a relation, and where they stand in a sentence. */

export type EntityTest = (e: MergedEntity) => boolean;

const THING: ReadonlySet<EntityType> = new Set(['Model', 'Library', 'Dataset', 'Product']);
const ARTIFACT: ReadonlySet<EntityType> = new Set(['Model', 'Library', 'Product']);
export const isThing: EntityTest = (e) => THING.has(e.type);
export const isArtifact: EntityTest = (e) => ARTIFACT.has(e.type);
export const isOrganisation: EntityTest = (e) => e.type === 'Organization';
export const isPerson: EntityTest = (e) => e.type === 'Person';
export const isEvent: EntityTest = (e) => e.type === 'Event';
export const isDataset: EntityTest = (e) => e.type === 'Dataset';

/** Mentions that start at `pos` or later. */
export function mentionsAfter(ms: SentenceMention[], pos: number, ok: EntityTest): SentenceMention[] {
  return ms.filter((m) => m.start >= pos && ok(m.entity));
}

/** The last mention that ends at `pos` or earlier. */
export function nearestBefore(ms: SentenceMention[], pos: number, ok: EntityTest): SentenceMention | null {
  let best: SentenceMention | null = null;
  for (const m of ms) if (m.end <= pos && ok(m.entity)) best = m;
  return best;
}

export const COORDINATION = /\s(?:и|and|а также|as well as|but|но)\s|,\s*(?:а|and|и)\s/iu;

/**
 * Who does what a verb at `pos` says: the nearest thing before it, unless a conjunction stands
 * between (then that thing was the object of an earlier verb: "X is built on A and supports B"),
 * in which case the first thing of the sentence, else the post's subject.
 */
export function clauseSubject(
  scope: SentenceScope,
  pos: number,
  ok: EntityTest,
): { entity: MergedEntity; explicit: boolean } | null {
  const { ctx, mentions: ms } = scope;
  const near = nearestBefore(ms, pos, ok);
  if (near && !COORDINATION.test(ctx.text.slice(near.end, pos)))
    return { entity: near.entity, explicit: true };
  const first = ms.find((m) => m.end <= pos && ok(m.entity));
  if (first && first !== near) return { entity: first.entity, explicit: true };
  return ctx.subject && ok(ctx.subject) ? { entity: ctx.subject, explicit: false } : null;
}

const LIST_GAP =
  /^\s*(?:,|и|and|or|или|&|\(|,\s*а также|as well as)?\s*(?:\d+(?:[.,]\d+)?\s*[BMKbmk]?\s*)?$/iu;
/** "превосходит A со 175 млрд параметров … и 280B B": a conjunction after a short modifier still continues the list. */
const LONG_LIST_GAP = /^[^.;:!?]{0,70}(?:,|\sи|\sand|\sor|\sили)\s+(?:\d+(?:[.,]\d+)?\s*[BMKbmk]?\s+)?$/iu;

/** "X, a tool that converts PDF, Word …": past a relative pronoun the list is the clause's own. */
const RELATIVE_CLAUSE = /(?<![\p{L}])(?:that|which|who|котор\p{L}*|где|where)(?![\p{L}])/iu;
const MAKER_GAP = /^\s*(?:от|from|by)\s+$/iu;
const CUED_LIST_GAP = /^\s*(?:,|и|and|or|или)\s+(?:the\s+)?([\p{L}-]+)\s+$/iu;

/** "токенизатор X и библиотека Y": a conjunction and a type word still continue the list. */
function cuedListGap(gap: string): boolean {
  const m = CUED_LIST_GAP.exec(gap);
  return m !== null && wordCue(m[1].toLowerCase()) !== null;
}

/** The first mention after `pos` and those listed with it ("A, B и C"). */
export function listAfter(scope: SentenceScope, pos: number, ok: EntityTest): SentenceMention[] {
  const after = mentionsAfter(scope.mentions, pos, () => true);
  const out: SentenceMention[] = [];
  let prevEnd = -1;
  for (const m of after) {
    if (prevEnd >= 0) {
      const gap = scope.ctx.text.slice(prevEnd, m.start);
      if (m.start < prevEnd) continue;
      // "библиотеки A от Hugging Face и B от Microsoft": an item's maker does not end the list.
      if (out.length && m.entity.type === 'Organization' && MAKER_GAP.test(gap)) {
        prevEnd = m.end;
        continue;
      }
      if (
        gap.length > 0 &&
        !LIST_GAP.test(gap) &&
        !(LONG_LIST_GAP.test(gap) && !RELATIVE_CLAUSE.test(gap)) &&
        !cuedListGap(gap)
      )
        break;
    }
    if (ok(m.entity)) out.push(m);
    else if (out.length === 0 && m.entity.type !== 'Organization') continue;
    prevEnd = m.end;
  }
  return out;
}

const SHORT_LIST_GAP = /^\s*(?:,|и|and|or|или|&)\s*$/iu;

/** The nearest mention before `pos` and those listed with it ("GPT-4 and Claude 3 on HELM"). */
export function listBefore(scope: SentenceScope, pos: number, ok: EntityTest): SentenceMention[] {
  const before = scope.mentions.filter((m) => m.end <= pos);
  const out: SentenceMention[] = [];
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i];
    if (!ok(m.entity)) {
      if (out.length) break;
      continue;
    }
    if (out.length && !SHORT_LIST_GAP.test(scope.ctx.text.slice(m.end, out[out.length - 1].start))) break;
    out.push(m);
  }
  return out.reverse();
}

const FOR = /(?:для|for)\s+$/iu;
/** "инструмент для X", "a model for X": X is what the thing is for, not part of the relation. */
export const skipPurpose = (scope: SentenceScope, m: SentenceMention): boolean =>
  FOR.test(scope.ctx.text.slice(Math.max(0, m.start - 5), m.start));

/** The first person named in sentence `si` (its grammatical subject, most often), if any. */
export function subjectPersonOf(ctx: RelationContext, si: number): MergedEntity | null {
  if (si < 0) return null;
  return ctx.mentions[si].find((m) => m.entity.type === 'Person')?.entity ?? null;
}
