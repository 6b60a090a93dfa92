import type { MergedEntity } from '../entities';
import type { SentenceMention } from './context';
import { parseScore, type Score } from '../scores';
import { LOSES_TO_CUE, OUTPERFORM_CUE } from '../verb-cues';
import {
  clauseSubject,
  COORDINATION,
  isArtifact,
  isDataset,
  listAfter,
  listBefore,
  nearestBefore,
} from './mentions';
import { anaphoricSubject, opensWithAnaphor } from './anaphora';
import { cuesIn, firstCueIn, state, textBefore, type SentenceRule, type SentenceScope } from './rule';

/** How models compare: "X превосходит Y", and the benchmarks they are scored on. */

const EVAL_CUE =
  /набира|побед|won\b|wins\b|match|on par|comparable|rival|сопостав|сравним|на уровне|уступа|scores?\b|обход|опереж|beats?\b|surpass|\sна\s|тест|бенчмарк|таблиц\p{L}* лидеров|leaderboard|benchmark|accuracy|точност|score|результат|%|SOTA|state-of-the-art|достига|achiev|показ|эксперимент|evaluat|оцен|tested|протестир|превосход|outperform|обогна|лучш|better/iu;
/** A sentence that says something was scored, beyond naming a benchmark. */
const EVAL_ACTION =
  /набира|набрал|побед|мест|лидир|лидер|занял|возглав|rank|top|first place|leads?\b|won\b|wins\b|scores?\b|\d|достига|достиг|achiev|показ|evaluat|оцен|tested|протестир|результат|SOTA|state-of-the-art|accuracy|точност|обход|опереж|beats?\b|surpass|outperform|превосход|обогна|лучш|better|match|on par|сопостав|уступа/iu;
/** "обучена на X", "обучила модель Y на X", "trained Y on X": training data, not an evaluation. */
const TRAINED_ON =
  /(?:обуч\p{L}*|дообуч\p{L}*|trained|pre-?trained|fine-tuned)\s+(?:[\p{L}\d.-]+\s+){0,3}(?:на|on)\s+(?:[\p{L}\d-]+\s+){0,4}$/iu;

/**
 * Comparatives that name the loser after "чем"/"than" ("делает на 50% меньше ошибок, чем X",
 * "answers faster and more accurately than X"): the subject wins.
 */
const THAN_CUE =
  /(?<![\p{L}])(?:меньше ошибок|ниже ошибк\p{L}*|выше|сильнее|эффективнее|качественнее|fewer errors|lower error|higher|stronger|more accurate(?:ly)?|more efficient(?:ly)?)[^.;:!?]{0,40}?,?\s*(?:чем|than)(?![\p{L}])/giu;
/** "leads LMArena by 40 points over GPT-4.5", "опережает … на 3 пункта": a lead over the one named after "over". */
const LEADS_OVER = /(?<![\p{L}])(?:leads|led|leading)(?![\p{L}])[^.;:!?]{0,50}?\sover(?![\p{L}])/giu;
const BY_AFTER = /^\s+by\b/i;
/** "on MATH and scores 86% on HumanEval": a score after a conjunction belongs to the next clause. */
function untilConjunction(text: string): string {
  const m = /\s(?:and|и|а|but|но|while|whereas)\s/iu.exec(text);
  return m ? text.slice(0, m.index) : text;
}
/** Comparatives with "чем"/"than" (THAN_CUE) are structure, not a word list: their hint stays here. */
const THAN_HINT = /чем|than| over /;
/** "не уступает", "does not beat", "is not better than": a denied comparison states none (at most parity). */
const DENIED =
  /(?:^|[\s,])(?:не|ничем не|нисколько не|not|never|doesn['’]t|does not|didn['’]t|did not|isn['’]t|is not|no)\s+$/iu;
/** Parity: "X matches Y on MMLU", "X сопоставима с Y": no winner, but X is the one evaluated. */
const PARITY =
  /(?<![\p{L}])(?:match(?:es|ed)?|on par with|comparable to|rivals?|rivaled|competes with|сопоставим\p{L}* с|сравним\p{L}* с|на уровне|не уступа\p{L}*|конкурир\p{L}* с)(?![\p{L}])/giu;

/** "X превосходит A и B": X outperforms each of them, on the benchmark the sentence names. */
export const outperforms: SentenceRule = {
  when: (scope) =>
    OUTPERFORM_CUE.hint(scope.lower) || LOSES_TO_CUE.hint(scope.lower) || THAN_HINT.test(scope.lower),
  run(scope) {
    const cues = [
      // "outperformed by X" is a loss (losesTo), not a win.
      ...cuesIn(OUTPERFORM_CUE.re, scope.sentence)
        .filter((c) => !BY_AFTER.test(scope.ctx.text.slice(c.end, c.end + 4)))
        .map((c) => ({ ...c, subjectWins: true })),
      ...cuesIn(THAN_CUE, scope.sentence).map((c) => ({ ...c, subjectWins: true })),
      ...cuesIn(LEADS_OVER, scope.sentence).map((c) => ({ ...c, subjectWins: true })),
      ...cuesIn(LOSES_TO_CUE.re, scope.sentence).map((c) => ({ ...c, subjectWins: false })),
    ];
    for (const { at, end, subjectWins } of cues) {
      if (DENIED.test(textBefore(scope, at, 16))) continue;
      const subj = comparisonSubject(scope, at);
      if (!subj) continue;
      const all = listAfter(scope, end, isArtifact).filter((m) => m.entity !== subj);
      // "быстрее предыдущей версии и использует PyTorch": past a conjunction the comparison is over.
      const objs = all.length && COORDINATION.test(scope.ctx.text.slice(end, all[0].start)) ? [] : all;
      // The benchmark of this comparison: the first named after it, else the nearest before it.
      const benches = scope.mentions.filter((m) => m.entity.type === 'Dataset');
      const bench = benches.find((m) => m.start >= end) ?? [...benches].reverse().find((m) => m.end <= at);
      const details = bench ? { benchmark: bench.entity.name } : undefined;
      for (const o of objs)
        if (subjectWins) state(scope, subj, o.entity, 'OUTPERFORMS', 0.7, details);
        else state(scope, o.entity, subj, 'OUTPERFORMS', 0.65, details);
    }
  },
};

/**
 * Who is compared: the post's subject when the sentence opens with an anaphor ("Она работает на
 * 26% быстрее X", "It beats X"), else the nearest model before the cue, else the post's subject
 * ("Детектор … обгоняя X" is about the title's model).
 */
function comparisonSubject(scope: SentenceScope, at: number): MergedEntity | null {
  const { ctx, mentions: ms } = scope;
  const anaphor = anaphoricSubject(scope);
  if (anaphor && isArtifact(anaphor) && !ms.some((m) => m.end <= at && m.entity === anaphor)) {
    const first = ms.find((m) => isArtifact(m.entity));
    if (!first || first.start >= at || opensWithAnaphor(scope, first.start)) return anaphor;
  }
  const near = nearestBefore(ms, at, isArtifact);
  if (near) return near.entity;
  return ctx.subject && isArtifact(ctx.subject) ? ctx.subject : null;
}

const isModel = (e: MergedEntity) => e.type === 'Model' || e.type === 'Library';

/** Benchmarks a model is scored on; a dataset it is trained on is used instead ("обучена на датасете X"). */
export const evaluatedOn: SentenceRule = {
  when: (scope) => scope.types.has('Dataset'),
  run(scope) {
    const { ctx, sentence: s, mentions: ms } = scope;
    const datasets = ms.filter((m) => isDataset(m.entity));
    if (!datasets.length || !EVAL_CUE.test(s.text)) return;
    const beatsAt = firstCueIn(OUTPERFORM_CUE.re, s) ?? firstCueIn(PARITY, s);
    for (const d of datasets) {
      const lead = textBefore(scope, d.start, 60);
      const trained = TRAINED_ON.test(lead) && !COORDINATION.test(lead.slice(lead.search(TRAINED_ON)));
      let subjects: MergedEntity[] = [];
      if (beatsAt !== null && beatsAt < d.start) {
        // "X превосходит Y на MMLU": X is the one evaluated.
        const winner = clauseSubject(scope, beatsAt, isModel);
        if (winner) subjects = [winner.entity];
      } else {
        const before = listBefore(scope, d.start, isModel);
        const last = before[before.length - 1];
        if (last && !COORDINATION.test(ctx.text.slice(last.end, d.start)))
          subjects = before.map((m) => m.entity);
        // The post's subject only when the sentence says it was scored: "RuBench — новый бенчмарк"
        // in a digest names a benchmark, it evaluates nothing.
        else if (ctx.subject && isModel(ctx.subject) && EVAL_ACTION.test(s.text)) subjects = [ctx.subject];
      }
      for (const subj of subjects) {
        if (subj === d.entity) continue;
        const subjMention = ms.find((m) => m.entity === subj);
        // The score is the one next to this benchmark: not past another benchmark on either side.
        const prevBench = [...datasets].reverse().find((o) => o.end <= d.start);
        const nextBench = datasets.find((o) => o.start >= d.end);
        const from = Math.max(
          subjMention && subjMention.end <= d.start ? subjMention.end : s.start,
          prevBench?.end ?? s.start,
        );
        const score =
          parseScore(ctx.text.slice(from, Math.max(d.start, from + 1))) ??
          parseScore(untilConjunction(ctx.text.slice(d.end, nextBench?.start ?? s.end)));
        state(
          scope,
          subj,
          d.entity,
          trained ? 'USES' : 'EVALUATED_ON',
          subjMention ? 0.7 : 0.55,
          score && !trained ? scoreDetails(score) : undefined,
        );
      }
    }
  },
};

/** What a relation carries of a score: the number, and its metric when one is named. */
function scoreDetails(score: Score): { score: number; metric?: string } {
  return score.metric ? { score: score.score, metric: score.metric } : { score: score.score };
}

/**
 * Each model in `models` whose clause (up to the next model, or the sentence end) states a score is
 * evaluated on `bench`; `readScore` reads the clause (and may refuse it).
 */
function scoredModels(
  scope: SentenceScope,
  models: SentenceMention[],
  bench: MergedEntity,
  confidence: number,
  readScore: (clause: string) => Score | null,
): void {
  const { ctx, sentence: s } = scope;
  models.forEach((m, i) => {
    const score = readScore(ctx.text.slice(m.end, models[i + 1]?.start ?? s.end));
    if (score) state(scope, m.entity, bench, 'EVALUATED_ON', confidence, scoreDetails(score));
  });
}

/**
 * "SWE-bench Verified … GPT-4o resolves 33.2% of them": in a post about a benchmark, a model scored
 * in a sentence that names no other benchmark is scored on the post's one.
 */
export const scoredOnPostBenchmark: SentenceRule = {
  when: (scope) =>
    scope.ctx.subject?.type === 'Dataset' && !scope.types.has('Dataset') && /\d/.test(scope.lower),
  run(scope) {
    const models = scope.mentions.filter((m) => isModel(m.entity));
    scoredModels(scope, models, scope.ctx.subject!, 0.5, (text) => {
      const clause = untilConjunction(text);
      return EVAL_ACTION.test(clause) ? parseScore(clause) : null;
    });
  },
};

/** A sentence that opens with its benchmark: "На HumanEval …", "On GSM8K, …". */
const OPENS_ON = /^[\s\p{So}\p{P}]*(?:на|on)\s+(?:the\s+)?$/iu;

/**
 * "На HumanEval Codestral набирает 81,1%, а Llama 3 70B — 67%", "On GSM8K, X scores 91% and Y 88%":
 * each model after the benchmark that opens the sentence, with a score in its clause, is evaluated on it.
 */
export const scoresAfterBenchmark: SentenceRule = {
  when: (scope) => scope.types.has('Dataset') && /\d/.test(scope.lower),
  run(scope) {
    const { ctx, sentence: s, mentions: ms } = scope;
    const bench = ms.find((m) => isDataset(m.entity));
    if (!bench || !OPENS_ON.test(ctx.text.slice(s.start, bench.start))) return;
    const models = ms.filter((m) => m.start >= bench.end && isModel(m.entity));
    // "а Llama 3 70B — 67%": the dash stands for the scoring verb.
    scoredModels(scope, models, bench.entity, 0.65, (clause) =>
      parseScore(clause.replace(/^\s*[—–-]\s*/u, 'scores ')),
    );
  },
};
