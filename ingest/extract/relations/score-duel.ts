import { findMetric, lowerIsBetter } from '../scores';
import { SCORE_AGAINST_CUE } from '../verb-cues';
import { clauseSubject, isArtifact, isDataset } from './mentions';
import { cuesIn, state, type SentenceRule, type SentenceScope } from './rule';

/**
 * Two scores set side by side: "X scores 79.8% on AIME against 79.2% for Y", "X набирает 88% против
 * 84% у Y". The higher score wins (the lower one for error rates such as WER), on the benchmark
 * named between them; equal scores state no winner.
 */

/** The last score before the cue, in the clause: a number with a percent sign or a decimal point. */
const LEFT_SCORE = /(\d+(?:[.,]\d+)?)\s*(?:%|процент\p{L}*)?(?=[^\d%]*$)/u;
/** Right after the cue: the other score, a "for/у" and at most a maker's name before the other model. */
const RIGHT_SCORE =
  /^\s*(?:the\s+)?(\d+(?:[.,]\d+)?)\s*(%|процент\p{L}*)?\s*(?:for|from|by|of|at|у|для|от)\s+/iu;
/** The clause before the cue ends at a sentence-inner stop; its score stands within this reach. */
const LEFT_REACH = 60;

const number = (s: string) => Number(s.replace(',', '.'));

export const scoreDuel: SentenceRule = {
  when: (scope) => scope.mentions.filter((m) => isArtifact(m.entity)).length >= 2 && /\d/.test(scope.lower),
  run(scope) {
    const { ctx, mentions: ms } = scope;
    for (const { at, end } of cuesIn(SCORE_AGAINST_CUE.re, scope.sentence)) {
      const right = RIGHT_SCORE.exec(ctx.text.slice(end, end + 40));
      if (!right) continue;
      const rightEnd = end + right[0].length;
      const other = ms.find((m) => m.start >= rightEnd && m.start - rightEnd <= 25 && isArtifact(m.entity));
      if (!other || /[.;]/.test(ctx.text.slice(rightEnd, other.start))) continue;
      const leftText = ctx.text.slice(Math.max(scope.sentence.start, at - LEFT_REACH), at);
      const left = LEFT_SCORE.exec(leftText);
      if (!left) continue;
      const leftAt = at - leftText.length + left.index;
      const subject = clauseSubject(scope, leftAt, isArtifact);
      if (!subject || subject.entity === other.entity) continue;
      const a = number(left[1]);
      const b = number(right[1]);
      if (!Number.isFinite(a) || !Number.isFinite(b) || a === b) continue;
      const metric = findMetric(ctx.text.slice(scope.sentence.start, rightEnd));
      const subjectWins = lowerIsBetter(metric) ? a < b : a > b;
      const bench = benchmarkOf(scope, leftAt, other.end);
      const details = bench ? { benchmark: bench } : undefined;
      if (subjectWins) state(scope, subject.entity, other.entity, 'OUTPERFORMS', 0.65, details);
      else state(scope, other.entity, subject.entity, 'OUTPERFORMS', 0.6, details);
    }
  },
};

/** The benchmark of the duel: the last one named before the cue's right side ends, in the sentence. */
function benchmarkOf(scope: SentenceScope, from: number, to: number): string | undefined {
  const inside = scope.mentions.filter((m) => isDataset(m.entity) && m.end <= to);
  const near = inside.filter((m) => m.start >= from - 40);
  return (near[near.length - 1] ?? inside[inside.length - 1])?.entity.name;
}
