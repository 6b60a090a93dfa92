import { acquisitions } from './acquisitions';
import { evaluatedOn, outperforms, scoredOnPostBenchmark, scoresAfterBenchmark } from './comparison';
import type { RelationContext } from './context';
import { organizes, presentedAt, speaksAt } from './events';
import { definiteRole, worksAt } from './people';
import {
  andItsThing,
  fromOrganisation,
  passiveRelease,
  possessiveRelease,
  releaseVerbs,
  titleAndApposition,
} from './release';
import { sentenceScope, type SentenceRule } from './rule';
import { scoreDuel } from './score-duel';
import { unitOf } from './units';
import { uses } from './usage';

/**
 * Sentence-level relation patterns in Russian and English. Each rule finds a cue (a verb, "от X",
 * a comparison) and takes its ends from the entity mentions around it; when the subject is only a
 * pronoun or a generic noun ("Модель сочетает BERT…") the post's subject stands in, with a lower
 * confidence. Every relation keeps the sentence that states it.
 */

export type { RelationContext, SentenceMention } from './context';
export type { RelationType } from '../../model';

/**
 * In this order: when two rules state the same relation with the same confidence the first one's
 * evidence is kept, and the order relations are found in is the order they are written out.
 */
const SENTENCE_RULES: readonly SentenceRule[] = [
  fromOrganisation,
  possessiveRelease,
  andItsThing,
  releaseVerbs,
  passiveRelease,
  titleAndApposition,
  outperforms,
  scoreDuel,
  evaluatedOn,
  scoredOnPostBenchmark,
  scoresAfterBenchmark,
  uses,
  organizes,
  worksAt,
  definiteRole,
  presentedAt,
  unitOf,
  acquisitions,
];

export function sentenceRelations(ctx: RelationContext): void {
  for (let si = 0; si < ctx.sentences.length; si++) {
    if (ctx.mentions[si].length === 0) continue;
    const scope = sentenceScope(ctx, si);
    for (const rule of SENTENCE_RULES) if (rule.when(scope)) rule.run(scope);
  }
  speaksAt(ctx);
}
