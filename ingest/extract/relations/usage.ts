import { USE_CUE } from '../verb-cues';
import {
  clauseSubject,
  COORDINATION,
  isArtifact,
  isOrganisation,
  isThing,
  listAfter,
  nearestBefore,
} from './mentions';
import { cuesIn, state, textBefore, type SentenceRule, type SentenceScope } from './rule';

/** What a thing is built on or works with: "X использует Y", "a plugin for Y". */

/** "X – библиотека с моделями A, B и C": a name with a list of tools. */
const WITH_LIST = /(?<![\p{L}])(?:с|со)\s+(?:моделями|библиотеками|поддержкой|интеграцией|алгоритмами)\s+/giu;
const TOOL_FOR =
  /(?<![\p{L}])(?:инструмент|плагин|расширени|надстройк|обертк|обёртк|библиотек|tool|plugin|extension|add-on|wrapper)\p{L}*\s+(?:для|for)\s+$/iu;
/** The stems of WITH_LIST and TOOL_FOR, tested on the lower-cased sentence before the slow regexes run. */
const WITH_OR_TOOL_HINT =
  /в основе|at the core|at the heart|under the hood|с модел|с библиотек|с поддержк|с интеграц|с алгоритм|со |инструмент|плагин|расширени|надстройк|обертк|обёртк|библиотек|tool|plugin|extension|add-on|wrapper/;
/** The object must follow its verb closely ("использует … метки … близких к OOD" is not about OOD). */
const MAX_OBJECT_GAP = 60;

export const uses: SentenceRule = {
  when: (scope) => USE_CUE.hint(scope.lower) || WITH_OR_TOOL_HINT.test(scope.lower),
  run(scope) {
    useVerbs(scope);
    usedByOrganisations(scope);
    toolFor(scope);
    atTheCore(scope);
  },
};

const TRAINING_CUE = /^(?:обуч|trained|fine-?tuned|finetuned|distilled|дообучен)/iu;

/** "не использует", "does not use", "без CUDA", "without a GPU": a negated use is no relation. */
const NEGATED_BEFORE =
  /(?:^|\s)(?:не|ни|not|never|no longer|doesn['’]t|don['’]t|didn['’]t|isn['’]t|cannot|can['’]t)\s+$/iu;
const NEGATED_BETWEEN = /(?<![\p{L}])(?:без|не|not|without|no)(?![\p{L}])/iu;

/**
 * "Библиотека X используется в … CERN", "X is used by Y and Z": the organisations named after a
 * passive use verb use the thing before it.
 */
const USED_BY =
  /(?<![\p{L}])(?:используется|используются|применяется|применяются|is used|are used|is deployed|are deployed)(?![\p{L}])/giu;

const NOT_A_USER = /(?<![\p{L}])(?:от|from|by)\s+$|библиотек|модел|фреймворк|librar|framework|model/iu;

const IN_HOST = /(?:^|\s)(?:в|во|in)\s+$/iu;

/** How far the first thing may stand after a passive verb to be its (inverted) subject. */
const INVERTED_GAP = 25;

function usedByOrganisations(scope: SentenceScope): void {
  const { ctx, mentions: ms } = scope;
  for (const { at, end } of cuesIn(USED_BY, scope.sentence)) {
    if (NEGATED_BEFORE.test(textBefore(scope, at, 12))) continue;
    // "Для обучения используются библиотеки X и Y": the things follow the verb; the post's subject uses them.
    const following = listAfter(scope, end, isThing);
    if (following.length && following[0].start - end <= INVERTED_GAP) {
      // "В Vanta-3 используется токенизатор X": the thing the use is "in" is the user.
      const host = nearestBefore(ms, at, isThing);
      const inHost = host && IN_HOST.test(textBefore(scope, host.start, 6)) ? host : null;
      const user = inHost?.entity ?? (ctx.subject && isThing(ctx.subject) ? ctx.subject : null);
      if (user)
        for (const f of following)
          if (f.entity !== user) state(scope, user, f.entity, 'USES', inHost ? 0.6 : 0.5);
      continue;
    }
    const thing = clauseSubject(scope, at, isThing);
    if (!thing) continue;
    for (const org of ms.filter((m) => m.start >= end && isOrganisation(m.entity))) {
      const gap = ctx.text.slice(end, org.start);
      if (NEGATED_BETWEEN.test(gap)) break;
      // "используются библиотеки X от Hugging Face": a maker of what follows, not a user.
      if (NOT_A_USER.test(gap)) break;
      state(scope, org.entity, thing.entity, 'USES', thing.explicit ? 0.6 : 0.5);
    }
  }
}

function useVerbs(scope: SentenceScope): void {
  const cues = [...cuesIn(USE_CUE.re, scope.sentence), ...cuesIn(WITH_LIST, scope.sentence)];
  for (const { at, end } of cues) {
    if (NEGATED_BEFORE.test(textBefore(scope, at, 16))) continue;
    // "HOD … от Google AI использует …": the thing, not its maker, uses things.
    // Only things are trained or tuned on something; an organisation may use a thing otherwise.
    const training = TRAINING_CUE.test(scope.ctx.text.slice(at, end));
    const thing = clauseSubject(scope, at, isArtifact);
    // "Apple is using Google Gemini": an organisation named before the verb beats the post's subject.
    const org = training || thing?.explicit ? null : clauseSubject(scope, at, isOrganisation);
    const subject = org?.explicit ? org : (thing ?? org);
    if (!subject) continue;
    const subj = subject.entity;
    const objs = listAfter(scope, end, isThing).filter((m) => m.entity !== subj);
    if (!objs.length || objs[0].start - end > MAX_OBJECT_GAP) continue;
    const gap = scope.ctx.text.slice(end, objs[0].start);
    // "trained on 9 trillion tokens and scores 81 on MMLU": past a conjunction the object is another verb's.
    if (NEGATED_BETWEEN.test(gap) || COORDINATION.test(gap)) continue;
    for (const o of objs) state(scope, subj, o.entity, 'USES', subject.explicit ? 0.65 : 0.5);
  }
}

/** "Tutel: новый инструмент для Fairseq", "a plugin for PyTorch": the tool works with the other thing. */
function toolFor(scope: SentenceScope): void {
  const ms = scope.mentions;
  for (const target of ms) {
    if (!isThing(target.entity)) continue;
    if (!TOOL_FOR.test(textBefore(scope, target.start, 40))) continue;
    const tool = nearestBefore(ms, target.start - 1, isArtifact);
    if (tool && tool.entity !== target.entity) state(scope, tool.entity, target.entity, 'USES', 0.6);
  }
}

/** "В основе Qwen2-VL лежит энкодер ViT", "At the core of X is Y": X is built on what follows. */
const AT_THE_CORE = /(?<![\p{L}])(?:в основе|at the (?:core|heart) of)\s+$/iu;
const CORE_VERB =
  /^\s*(?:,\s*)?(?:лежит|лежат|находится|находятся|стоит|стоят|is|are|lies|lie|sits)(?![\p{L}])/iu;

function atTheCore(scope: SentenceScope): void {
  const { ctx, mentions: ms } = scope;
  ms.forEach((host, i) => {
    if (!isThing(host.entity) || !AT_THE_CORE.test(textBefore(scope, host.start, 30))) return;
    if (!CORE_VERB.test(ctx.text.slice(host.end, host.end + 20))) return;
    const next = ms[i + 1];
    if (!next) return;
    for (const o of listAfter(scope, host.end, isThing))
      if (o.entity !== host.entity) state(scope, host.entity, o.entity, 'USES', 0.6);
  });
}
