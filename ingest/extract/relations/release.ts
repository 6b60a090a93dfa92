import { parses } from '../morphology';
import { POSSESSIVE_OF_THING } from '../cues';
import { isAgentNoun } from '../relation-cues';
import { isAuthoring, RELEASE_CUE } from '../verb-cues';
import {
  isEvent,
  isOrganisation,
  isPerson,
  isThing,
  listAfter,
  nearestBefore,
  skipPurpose,
} from './mentions';
import type { SentenceMention } from './context';
import { anaphoricSubject } from './anaphora';
import { makersBefore } from './makers';
import { cuesIn, state, textBefore, type SentenceRule, type SentenceScope } from './rule';

/** Who made what: "X от Y", "Y's X", "Y представила X". Events an organisation makes are ORGANIZED. */

const FROM_CUE =
  /(?<![\p{L}])(?:от|from|by)\s+(?:the\s+)?(?:(?:учен|учён|исследовател|команд|разработчик|специалист|инженер|researchers?|team|engineers?)\p{L}*\s+(?:из\s+|at\s+|of\s+)?|(?:[\p{L}-]+\s+){0,2}(?:стартап|компани|лаборатори|startup|company|lab|firm)\p{L}*\s+)?$/iu;
/** "отличается от Google", "far away from X": "от/from" that says nothing about who made it. */
const NOT_MADE_BY =
  /(?:отлич\p{L}*|далек\p{L}*|независим\p{L}*|зависит|away|apart|different|outperformed|beaten|surpassed|bested|overtaken|topped|edged out)\s+$/iu;
const ABOUT =
  /(?:стать|пост|курс|видео|обзор|туториал|гайд|лекци|разбор|article|post|blog|tutorial|guide|course|video|review|talk)\p{L}*\s+(?:\p{L}+\s+)?(?:про|о|об|по|about|on)\s+$/iu;
const SUBSIDIARY =
  /(?:дочерн\p{L}*|подразделени\p{L}*)\s+(?:компани\p{L}*\s+)?$|(?:subsidiary|division|unit) of\s+$/iu;
const FROM_HINT = /от |from |by /;
const POSSESSIVE_HINT = /['’]s /;
/** "от Google DeepMind и Isomorphic Labs": organisations joined by a comma or a conjunction. */
const JOINED_ORGS = /^\s*(?:,|и|and|&)\s*$/iu;
/** "Mistral AI's first code model Codestral": a possessive, then at most three lower-case words. */
const POSSESSIVE = /^['’]s\s+(?:[\p{Ll}\d-]+\s+){0,3}$/u;
/** A clause whose subject is "компания", "the company", "the startup" (with at most an adverb before the verb). */
const ORG_ANAPHOR =
  /(?:^|[\s,.;])(?:компания|стартап|лаборатория|the company|the startup|the lab|the firm)\s+(?:\p{L}+\s+)?$/iu;
/** ", the Tokyo startup founded by A and B, ": an aside between the organisation and its verb. */
const ASIDE_TO_VERB = /^\s*,[^,.;]{3,100},\s*(?:(?:has|have|also|then|now|just|officially)\s+)*$/u;
const APPOSITION_BEFORE = /^\s*(?:[:,—–-]|is)\s*$/u;
const COMMA_ONLY = /^\s*,\s*$/;
const ONE_COMMA = /^\s*,[^,]*$/;

/** "releases X, trained on Y": what a thing is trained or tuned on is no release of the maker. */
const TRAINING_DATA =
  /(?:trained|pre-?trained|fine-?tuned|обучен\p{L}*|дообучен\p{L}*)\s+(?:on|from|на|из)\s+(?:[\p{L}\d-]+\s+){0,3}$/iu;
/** "six distilled models based on Qwen and Llama", "на основе Llama 3": what a release is built from. */
const BASE_OF =
  /(?:based on|built on|built on top of|on top of|derived from|distilled from|на основе|на базе|поверх)\s+(?:[\p{L}\d.-]+\s+){0,3}$/iu;
/** "DeepSeek released it under the MIT license", "Google выложила её": the object is the post's subject. */
const PRONOUN_OBJECT = /^\s+(?:it|её|ее|его)(?![\p{L}])/iu;

/** "published in Nature", "представила на конференции X": a preposition after the verb names a venue, not what was made. */
const VENUE = /^\s+(?:in|at|on|during|в|во|на)\s+(?:[\p{L}-]+\s+){0,2}$/iu;
/** "выложил в открытый доступ X", "опубликовала на GitHub X": where it was put, not a venue. */
const OPEN_ACCESS =
  /^\s+(?:в|на|in|on)\s+(?:открыт\p{L}*\s+доступ|опенсорс|open[- ]source|github|hugging\s*face)/iu;
const ANNOUNCED_AFTER = /^\s*[:—–-]\s*$/u;
/** What may open a "New from X: Y" line: nothing, emoji, or a word for "new". */
const NEW_FROM =
  /^[\s\p{So}\p{Sk}\p{P}]*(?:(?:new|latest|fresh|новинка|новое|новая|новый|свежее|свежий)\s+)?$/iu;
const TRAINED_ON_PLAIN = /(?:^|\s)(?:на|on)\s+$/iu;

const hasOrganisation = (scope: SentenceScope) => scope.types.has('Organization');

/** "X от Y" / "X from Y" / "X by Y": Y released X (organised, for events). */
export const fromOrganisation: SentenceRule = {
  when: (scope) => hasOrganisation(scope) && FROM_HINT.test(scope.lower),
  run(scope) {
    const { ctx, mentions: ms } = scope;
    // "от Google DeepMind и Isomorphic Labs": an organisation joined to one after the cue shares its cue.
    const cued = new Map<SentenceMention, number>();
    let prevOrg: SentenceMention | null = null;
    for (const org of ms) {
      if (org.entity.type !== 'Organization') continue;
      const joinedTo = prevOrg && cued.has(prevOrg) ? prevOrg : null;
      prevOrg = org;
      if (joinedTo && JOINED_ORGS.test(ctx.text.slice(joinedTo.end, org.start))) {
        cued.set(org, cued.get(joinedTo)!);
        releasedBefore(scope, org, cued.get(joinedTo)!);
        continue;
      }
      const before = textBefore(scope, org.start, 60);
      const m = FROM_CUE.exec(before);
      if (!m || NOT_MADE_BY.test(before.slice(0, m.index))) continue;
      const cueAt = org.start - before.length + m.index;
      cued.set(org, cueAt);
      releasedBefore(scope, org, cueAt);
    }
  },
};

/** The thing right before an "от/from/by" cue at `cueAt` was made by `org`. */
function releasedBefore(scope: SentenceScope, org: SentenceMention, cueAt: number): void {
  const thing = [...scope.mentions]
    .reverse()
    .find(
      (x) =>
        x.end <= cueAt &&
        cueAt - x.end < 90 &&
        (isThing(x.entity) || x.entity.type === 'Event') &&
        !skipPurpose(scope, x) &&
        x.entity !== org.entity,
    );
  // "New from Quillfeather Labs: Kestrel-3", "Новинка от Zorbex — Vanta-3": the thing after a colon or dash.
  const opensLine = NEW_FROM.test(scope.ctx.text.slice(scope.sentence.start, cueAt));
  const announced =
    thing || !opensLine
      ? null
      : scope.mentions.find(
          (x) =>
            x.start >= org.end &&
            isThing(x.entity) &&
            ANNOUNCED_AFTER.test(scope.ctx.text.slice(org.end, x.start)),
        );
  if (announced) {
    state(scope, org.entity, announced.entity, 'RELEASED', 0.7);
    return;
  }
  if (!thing) {
    // "It is maintained by Zorbex Labs", "Её разработала команда …": the post's subject.
    const subject = anaphoricSubject(scope);
    if (subject && isThing(subject) && subject !== org.entity && !opensLine)
      state(scope, org.entity, subject, 'RELEASED', 0.55);
    return;
  }
  // "Статья про X от Hugging Face": the organisation wrote about X, it did not make it.
  if (ABOUT.test(textBefore(scope, thing.start, 40))) return;
  state(scope, org.entity, thing.entity, thing.entity.type === 'Event' ? 'ORGANIZED' : 'RELEASED', 0.8);
}

/** "Alibaba's Qwen2-72B", "Mistral AI's first code model Codestral": the organisation's own thing. */
export const possessiveRelease: SentenceRule = {
  when: (scope) => hasOrganisation(scope) && POSSESSIVE_HINT.test(scope.lower),
  run(scope) {
    const ms = scope.mentions;
    ms.forEach((org, i) => {
      if (org.entity.type !== 'Organization') return;
      const thing = ms.slice(i + 1).find((m) => m.start >= org.end);
      if (thing && isThing(thing.entity) && POSSESSIVE.test(scope.ctx.text.slice(org.end, thing.start))) {
        state(scope, org.entity, thing.entity, 'RELEASED', 0.6);
        return;
      }
      // "Zorbex-2: Quillfeather’s new speech model", "Vanta, Acme’s library": the thing in apposition before.
      const before = i > 0 ? ms[i - 1] : null;
      if (
        before &&
        isThing(before.entity) &&
        APPOSITION_BEFORE.test(scope.ctx.text.slice(before.end, org.start)) &&
        POSSESSIVE_OF_THING.test(scope.ctx.text.slice(org.end, org.end + 60))
      )
        state(scope, org.entity, before.entity, 'RELEASED', 0.6);
    });
  },
};

/** " and its first model, ", " и её новую модель ": the thing that follows belongs to the organisation before. */
const AND_ITS =
  /^\s+(?:and|и|with)\s+(?:its|their|её|ее|его|их|свою|свой)\s+(?:[\p{L}-]+\s+){0,3}?(?:[\p{L}-]+)?\s*,?\s*$/iu;

/** "launched Black Forest Labs and its first model, FLUX.1": the organisation released its own thing. */
export const andItsThing: SentenceRule = {
  when: (scope) => hasOrganisation(scope) && / its | their | её | ее | его | их | сво/.test(scope.lower),
  run(scope) {
    const ms = scope.mentions;
    ms.forEach((org, i) => {
      if (!isOrganisation(org.entity)) return;
      const thing = ms[i + 1];
      if (thing && isThing(thing.entity) && AND_ITS.test(scope.ctx.text.slice(org.end, thing.start)))
        state(scope, org.entity, thing.entity, 'RELEASED', 0.6);
    });
  },
};

/**
 * The title "Zorbex Labs: Vanta-3" names the maker and the thing; "Vanta-3 — новая модель Zorbex
 * Labs" (an apposition with a thing noun and the maker in the genitive) too.
 */
export const titleAndApposition: SentenceRule = {
  when: (scope) => hasOrganisation(scope) && scope.mentions.length >= 2,
  run(scope) {
    const { ctx, mentions: ms } = scope;
    const first = scope.sentence === ctx.sentences[0];
    ms.forEach((m, i) => {
      const next = ms[i + 1];
      if (!next) return;
      const gap = ctx.text.slice(m.end, next.start);
      if (
        first &&
        ms.length === 2 &&
        isOrganisation(m.entity) &&
        isThing(next.entity) &&
        TITLE_GAP.test(gap)
      ) {
        state(scope, m.entity, next.entity, 'RELEASED', 0.6);
        return;
      }
      if (isThing(m.entity) && isOrganisation(next.entity) && THING_OF_MAKER.test(gap))
        state(scope, next.entity, m.entity, 'RELEASED', 0.6);
    });
  },
};

const TITLE_GAP = /^\s*[:—–]\s*$/u;
/** " — новая модель ", " — open-source библиотека ": a dash, at most two modifiers, a thing noun (the maker follows in the genitive). */
const THING_OF_MAKER =
  /^\s*[—–-]\s*(?:это\s+)?(?:[\p{L}-]+\s+){0,2}(?:модел\p{L}*|библиотек\p{L}*|фреймворк\p{L}*|датасет\p{L}*|бенчмарк\p{L}*|нейросет\p{L}*)\s+$/iu;

/** "Jane Doe, former director of AI at Tesla, released X": the organisation is in an aside about the person. */
function inPersonAside(scope: SentenceScope, org: SentenceMention, verbAt: number): boolean {
  const { text } = scope.ctx;
  if (!COMMA_ONLY.test(text.slice(org.end, verbAt))) return false;
  return scope.mentions.some(
    (m) => m.entity.type === 'Person' && m.end <= org.start && ONE_COMMA.test(text.slice(m.end, org.start)),
  );
}

/**
 * "Y представила X", "Y released A and B": the organisation before the verb made what follows it;
 * "Karpathy released nanoGPT", "A и B … выпустили X": so did people, when a person stands nearer the
 * verb than any organisation.
 */
export const releaseVerbs: SentenceRule = {
  when: (scope) =>
    (hasOrganisation(scope) || scope.types.has('Person') || scope.ctx.organisation !== null) &&
    RELEASE_CUE.hint(scope.lower),
  run(scope) {
    const { ctx, mentions: ms } = scope;
    for (const { at, end: after } of cuesIn(RELEASE_CUE.re, scope.sentence)) {
      const orgBefore = nearestBefore(ms, at, isOrganisation);
      const person = nearestBefore(ms, at, isPerson);
      // "xAI Илона Маска опубликовала": a person in the genitive after the organisation is its owner.
      const ownedBy = orgBefore && person && /^\s+$/.test(ctx.text.slice(orgBefore.end, person.start));
      // "Albert Gu (Carnegie Mellon) proposes X": the organisation in brackets is where the person works.
      const bracketed =
        orgBefore &&
        person &&
        person.end <= orgBefore.start &&
        /^\s*\(\s*$/.test(ctx.text.slice(person.end, orgBefore.start)) &&
        /^\s*\)\s*$/.test(ctx.text.slice(orgBefore.end, at));
      // "Sakana AI, the startup founded by A and B, released X": the people are in an aside about it.
      const aside = orgBefore && ASIDE_TO_VERB.test(ctx.text.slice(orgBefore.end, at));
      if (person && !ownedBy && !aside && (!orgBefore || person.start > orgBefore.end || bracketed)) {
        // People make what they write or train; a CEO who presents or unveils a product did not,
        // but co-authors who present something together made it.
        const people = makersBefore(scope, at, isPerson);
        if (isAuthoring(ctx.text.slice(at, after)) || people.length > 1)
          releasedByPeople(scope, people.length ? people : [person], after);
        continue;
      }
      // "Модель Vanta-3 представила компания Zorbex Labs", "Её разработала команда X": Russian puts
      // the maker after the verb (at most an agent noun between), the thing before it.
      if (!orgBefore && scope.sentence.lang === 'ru' && invertedRelease(scope, at, after)) continue;
      // "Также компания представила X", "The company also released X": the post's organisation.
      // It stands where the anaphor does, at the verb.
      const org: SentenceMention | null =
        orgBefore ??
        (ctx.organisation && ORG_ANAPHOR.test(textBefore(scope, at, 40))
          ? { entity: ctx.organisation, start: at, end: at }
          : null) ??
        releaseAnaphor(scope, at);
      if (!org) continue;
      if (inPersonAside(scope, org, at)) continue;
      // "дочерняя компания Google" names the subsidiary, not Google.
      if (SUBSIDIARY.test(textBefore(scope, org.start, 40))) continue;
      const objs = listAfter(scope, after, (e) => isThing(e) || isEvent(e)).filter(
        (m) =>
          !skipPurpose(scope, m) &&
          !TRAINING_DATA.test(textBefore(scope, m.start, 40)) &&
          !BASE_OF.test(textBefore(scope, m.start, 40)) &&
          !(VENUE.test(ctx.text.slice(after, m.start)) && !OPEN_ACCESS.test(ctx.text.slice(after, m.start))),
      );
      gappedReleases(scope, after);
      // "Google, Meta и Microsoft выпустили …", "X совместно с Y выпустили": every co-maker made it.
      const listed = makersBefore(scope, at, isOrganisation);
      const makers = listed.length ? listed : [org];
      if (PRONOUN_OBJECT.test(ctx.text.slice(after, after + 6)) && ctx.subject && isThing(ctx.subject)) {
        for (const maker of makers)
          if (maker.entity !== ctx.subject) state(scope, maker.entity, ctx.subject, 'RELEASED', 0.55);
        continue;
      }
      if (objs.length) {
        // "OpenAI и Microsoft представили GPT-4o и Phi-3": as many makers as things, read in order.
        const respectively = makers.length > 1 && makers.length === objs.length;
        objs.forEach((o, n) => {
          for (const maker of respectively ? [makers[n]] : makers)
            if (o.entity !== maker.entity)
              state(
                scope,
                maker.entity,
                o.entity,
                o.entity.type === 'Event' ? 'ORGANIZED' : 'RELEASED',
                orgBefore ? 0.75 : 0.55,
              );
        });
      } else if (
        ctx.subject &&
        ctx.subject !== org.entity &&
        ms[0]?.entity === org.entity &&
        !ms.some((m) => m.start >= after)
      ) {
        state(scope, org.entity, ctx.subject, 'RELEASED', 0.55);
      }
    }
  },
};

/** "The same release introduced …", "В этом релизе появилась …": the release the post is about made it. */
const RELEASE_NOUN =
  /^[\s"«(]*(?:(?:the|this|that|its|their)\s+(?:same\s+|new\s+|latest\s+)?(?:release|update|version|launch|announcement)|(?:в\s+)?(?:этом|том же|новом|этот|тот же|новый)\s+(?:релиз\p{L}*|обновлени\p{L}*|верси\p{L}*))\s+(?:also\s+|также\s+)?$/iu;

/** The maker of the post's subject, standing at the verb, when the clause opens with a release noun. */
function releaseAnaphor(scope: SentenceScope, at: number): SentenceMention | null {
  const { ctx } = scope;
  if (!ctx.subject || !RELEASE_NOUN.test(ctx.text.slice(scope.sentence.start, at))) return null;
  const maker = ctx.makersOf(ctx.subject).find(isOrganisation);
  return maker ? { entity: maker, start: at, end: at } : null;
}

const GAPPED_BEFORE = /,\s*(?:а|и|and)\s+$/iu;
const GAPPED_DASH = /^\s*[—–]\s*$/u;

/** "МТС выпустила A, а Сбер — B": a later clause with the verb left out states the same release. */
function gappedReleases(scope: SentenceScope, after: number): void {
  const { ctx, mentions: ms } = scope;
  for (const org of ms) {
    if (org.start < after || !isOrganisation(org.entity)) continue;
    if (!GAPPED_BEFORE.test(textBefore(scope, org.start, 8))) continue;
    const thing = ms.find((m) => m.start >= org.end && isThing(m.entity));
    if (thing && GAPPED_DASH.test(ctx.text.slice(org.end, thing.start)))
      state(scope, org.entity, thing.entity, 'RELEASED', 0.6);
  }
}

const OBJECT_ANAPHOR =
  /^[\s"«(]*(?:её|ее|его|их|эту\s+\p{L}+|этот\s+\p{L}+|это\s+\p{L}+|модель|библиотеку|нейросеть)\s+$/iu;

/** The inverted order of invertedRelease; true when it stated the release. */
function invertedRelease(scope: SentenceScope, at: number, after: number): boolean {
  const { ctx, mentions: ms } = scope;
  const maker = ms.find((m) => m.start >= after && isOrganisation(m.entity));
  if (!maker) return false;
  const between = ctx.text.slice(after, maker.start).trim();
  const agentOnly =
    between === '' || (/^[\p{L}-]+$/u.test(between) && isAgentNoun(between, ctx.cues.released));
  if (!agentOnly) return false;
  const near = nearestBefore(ms, at, isThing);
  const thing =
    near?.entity ?? (OBJECT_ANAPHOR.test(ctx.text.slice(scope.sentence.start, at)) ? ctx.subject : null);
  if (!thing || thing === maker.entity) return false;
  state(scope, maker.entity, thing, 'RELEASED', near ? 0.7 : 0.55);
  return true;
}

/** People made what follows the verb: the person nearest it and those named with them. */
function releasedByPeople(scope: SentenceScope, makers: SentenceMention[], after: number): void {
  const things = listAfter(scope, after, isThing).filter((m) => !skipPurpose(scope, m));
  for (const t of things) for (const m of makers) state(scope, m.entity, t.entity, 'RELEASED', 0.65);
}

/**
 * "Вместе с моделью опубликован датасет SA-1B": a passive release with no maker named, the thing
 * right after the verb: whoever released the post's subject released it too.
 */
function releasedAlongside(scope: SentenceScope, end: number): void {
  const { ctx } = scope;
  const next = listAfter(scope, end, isThing)[0];
  if (!next || next.start - end > 25 || !ctx.subject || next.entity === ctx.subject) return;
  // "обучена с нуля только на COCO": what it was trained on, not a second release.
  if (TRAINED_ON_PLAIN.test(textBefore(scope, next.start, 12))) return;
  for (const maker of ctx.makersOf(ctx.subject))
    if (maker !== next.entity) state(scope, maker, next.entity, 'RELEASED', 0.5);
}

const WORD = /[\p{L}\d]+(?:-[\p{L}\d]+)*/gu;
const AGENT_GAP = /^[\s\p{L}-]*$/u;
/** Not WORD: String.match resets a global regex's lastIndex, which the word loop relies on. */
const GAP_WORD = /[\p{L}\d]+(?:-[\p{L}\d]+)*/gu;

/**
 * Russian release stated without a subject before the verb: the passive ("Gemma 2 была представлена
 * компанией Google", "выпущена командой X") and the relative clause ("CatBoost — библиотека, которую
 * разрабатывает Яндекс"). The verb is found by lemma (relation-cues.json), the maker is the
 * organisation right after it (only agent nouns such as "компанией", "командой" between), the thing
 * the nearest one before it, else the post's subject.
 */
export const passiveRelease: SentenceRule = {
  when: (scope) => scope.sentence.lang === 'ru' && scope.mentions.length > 0,
  run(scope) {
    const { ctx, sentence: s, mentions: ms } = scope;
    const cues = ctx.cues.released;
    let prevWord = '';
    WORD.lastIndex = 0;
    for (let w = WORD.exec(s.text); w; prevWord = w[0].toLowerCase(), w = WORD.exec(s.text)) {
      const readings = parses(w[0]);
      const passive = readings.some(
        (p) => (p.pos === 'PRTS' || p.pos === 'PRTF') && p.tags.has('pssv') && cues.ruVerbs.has(p.lemma),
      );
      const relative =
        !passive &&
        prevWord.startsWith('котор') &&
        readings.some((p) => p.pos === 'VERB' && cues.ruVerbs.has(p.lemma));
      if (!passive && !relative) continue;
      const at = s.start + w.index;
      const end = at + w[0].length;
      const org = ms.find((m) => m.start >= end && isOrganisation(m.entity));
      if (!org) {
        // Only a predicative participle states the release ("опубликован датасет"); an attributive
        // one describes the name ("предложенная модель X").
        if (readings.some((p) => p.pos === 'PRTS' && cues.ruVerbs.has(p.lemma)))
          releasedAlongside(scope, end);
        continue;
      }
      const gap = ctx.text.slice(end, org.start);
      const gapWords = gap.match(GAP_WORD) ?? [];
      // "Разработанная в Google DeepMind модель Gemma 2": an attributive participle, the maker after
      // "в", the thing it describes after the maker.
      const attributive = readings.some((p) => p.pos === 'PRTF' && cues.ruVerbs.has(p.lemma));
      const inOrg = attributive && /^\s+(?:в|во)\s+$/iu.test(gap);
      if (!inOrg && (!AGENT_GAP.test(gap) || !gapWords.every((g) => isAgentNoun(g, cues)))) continue;
      const described = attributive
        ? ms.find((m) => m.start >= org.end && m.start - org.end <= 40 && isThing(m.entity))
        : undefined;
      if (inOrg && !described) continue;
      const near = described ?? nearestBefore(ms, at, (e) => isThing(e));
      const thing = near?.entity ?? ctx.subject;
      if (!thing) continue;
      for (const maker of [org, ...listAfter(scope, org.end, isOrganisation).filter((m) => m !== org)])
        if (maker.entity !== thing) state(scope, maker.entity, thing, 'RELEASED', near ? 0.7 : 0.55);
    }
  },
};
