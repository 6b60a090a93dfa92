import { lemmasOf } from '../morphology';
import { isOrganisation, nearestBefore, subjectPersonOf } from './mentions';
import type { SentenceMention } from './context';
import { state, textBefore, type SentenceRule, type SentenceScope } from './rule';

/** Where people work: "Имя Фамилия, руководитель … в Ситимобил", "NVIDIA CEO Jensen Huang". */

const ROLE =
  /руководител|разработчик|инженер|коллег|colleague|исследовател|сотрудник|директор|основател|сооснователь|глава|\bCEO\b|\bCTO\b|\bCPO\b|\bhead\b|\blead\b|тимлид|лид\b|аналитик|data scientist|учен|профессор|professor|researcher|engineer|scientist|founder|director|manager|менеджер|архитектор|эксперт|специалист|студент|аспирант|преподавател|\bVP\b|president|президент|chief|partner|партнер|партнёр/iu;
/** "технического директора Яндекса", "сооснователь OpenAI", "инженер в Яндексе": a role word right before the organisation. */
const ROLE_BEFORE_ORG =
  /(?:руководител|разработчик|инженер|исследовател|сотрудник|директор|основател|сооснователь|глава|CEO|CTO|аналитик|учен|профессор|эксперт|специалист|президент)\p{L}*\s+(?:по\s+\p{L}+(?:\s+\p{L}+)?\s+)?(?:(?:в|во|из|at|of|in)\s+)?(?:(?:стартап|компани|лаборатори|startup|company|lab)\p{L}*\s+)?$/iu;
/** "X основал стартап Y", "X co-founded Y": the founder works at what they founded. */
const FOUNDED_BEFORE_ORG =
  /(?:^|\s)(?:основал\p{L}*|сооснова\p{L}*|founded|co-founded|cofounded|started|launched)\s+(?:(?:свой|свою|собственн\p{L}*|нов\p{L}*|a|his|her|their|own|new)\s+)*(?:(?:стартап\p{L}*|компани\p{L}*|лаборатори\p{L}*|startup|company|lab),?\s+)?$/iu;
/** "Demis Hassabis, who leads Google DeepMind", "X, возглавляющий Y". */
const LEADS_BEFORE_ORG =
  /^\s*,?\s*(?:(?:who|now|currently|also)\s+)*(?:leads|heads|runs|co-?founded|founded|возглавляющ\p{L}*|возглавляет|возглавлявш\p{L}*)\s+$/iu;
/** "Neel Nanda, who leads mechanistic interpretability at Google DeepMind": a job in a relative clause. */
const WHO_WORKS_AT =
  /^\s*(?:,\s*who\s+)?(?:(?:now|currently|also|still)\s+)?(?:leads|heads|runs|works|worked|led|headed|manages|managed|oversees|directs)\s+(?:[\p{L}-]+\s+){0,4}(?:at|in|for)\s+(?:the\s+)?$/iu;
const AT_ORG =
  /^\s*(?:\(|,\s*)?\s*(?:из|from|at|of|@)\s+(?:(?:команд\p{L}*|групп\p{L}*|лаборатори\p{L}*|отдел\p{L}*|the team at|the team of|the)\s+)?$/iu;
/** "Игорь Седов (Яндекс)": an organisation alone in brackets after a person is where they work. */
const IN_BRACKETS = /^\s*\(\s*$/u;
const CLOSE_BRACKET = /^\s*\)/u;
const JOINED = /(?:joined|joins|перешел в|перешёл в|перешла в|присоединил\p{L}* к)\s+$/iu;
const ROLE_AT = /(?:в|во|из|at|from|of|@|,)\s+$/iu;
/** "Former Google researcher X": a past role, stated with a lower confidence. */
const PAST = /(?:former|ex-|бывш\p{L}*)\s*$/iu;
const SENTENCE_BREAK = /[.;]/;
const APPOSITION = /^\s*,\s*$/;
const POSSESSIVE_ROLE = new RegExp(`^['’]s\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:${ROLE.source})`, 'iu');
const POSSESSIVE = /^['’]s\s/;
const FEW_WORDS = /^\s+(?:[\p{L}-]+\s+){1,3}$/u;
const PERSON_LIST_GAP = /^\s*(?:[—–:]\s*)?(?:(?:,|и|and)?\s*)*$/iu;

/** "the Safe Superintelligence co-founder", "the company's CEO": a definite role with no person named. */
const DEFINITE_BEFORE = /(?:^|[\s,])(?:the|his|her)\s+(?:former\s+)?$/iu;
const ROLE_AFTER =
  /^\s+(?:co-?founder|founder|CEO|CTO|chief\s+[\p{L}]+(?:\s+officer)?|president|head of [\p{L}]+)(?![\p{L}])/iu;

/**
 * "At NeurIPS, Ilya Sutskever spoke. … the Safe Superintelligence co-founder argued …": a definite
 * role at an organisation in a sentence that names no person is the previous sentence's subject's.
 */
export const definiteRole: SentenceRule = {
  when: (scope) =>
    scope.types.has('Organization') && !scope.types.has('Person') && scope.sentence.lang === 'en',
  run(scope) {
    const { ctx, mentions: ms } = scope;
    const si = ctx.sentences.indexOf(scope.sentence);
    for (const org of ms) {
      if (!isOrganisation(org.entity)) continue;
      if (!DEFINITE_BEFORE.test(textBefore(scope, org.start, 20))) continue;
      if (!ROLE_AFTER.test(ctx.text.slice(org.end, org.end + 30))) continue;
      const person = subjectPersonOf(ctx, si - 1);
      if (person) state(scope, person, org.entity, 'WORKS_AT', 0.55);
    }
  },
};

/** A person and an organisation in one sentence, either way round. */
export const worksAt: SentenceRule = {
  when: (scope) => scope.types.has('Organization') && scope.types.has('Person'),
  run(scope) {
    personThenOrganisation(scope);
    organisationThenPerson(scope);
    movesBetweenOrganisations(scope);
  },
};

const WORD_RE = /[\p{L}\d]+(?:-[\p{L}\d]+)*/gu;
const LIST_JOIN = /^\s*(?:,|и|and|&|,\s*(?:а также|and|и))\s*$/iu;

/** The words of a stretch of text, lower case. */
function wordsOf(text: string): string[] {
  return (text.match(WORD_RE) ?? []).map((w) => w.toLowerCase());
}

/**
 * "X возвращается в OpenAI", "X ушёл из Google", "X покинул OpenAI", "X joins Anthropic", "Y left
 * OpenAI", "после пяти лет в Tesla", "formerly of Tesla and OpenAI": a work verb (by lemma in
 * Russian, relation-cues.json) or a tenure word between a person and an organisation, with at most a
 * preposition after it. Former employers count: the graph records where a person has worked.
 */
function movesBetweenOrganisations(scope: SentenceScope): void {
  const { ctx, mentions: ms } = scope;
  const cues = ctx.cues.worksAt;
  const isCue = (w: string) =>
    cues.enVerbs.has(w) ||
    cues.tenure.has(w) ||
    cues.formerly.has(w) ||
    [...lemmasOf(w)].some((l) => cues.ruVerbs.has(l));
  ms.forEach((p, i) => {
    if (p.entity.type !== 'Person') return;
    let prev: SentenceMention = p;
    let prevCued = false;
    for (const m of ms.slice(i + 1)) {
      if (m.start < prev.end) continue;
      if (m.entity.type === 'Person' || m.start - p.end > 160) break;
      const gap = ctx.text.slice(prev.end, m.start);
      if (SENTENCE_BREAK.test(gap)) break;
      if (m.entity.type !== 'Organization') {
        prev = m;
        prevCued = false;
        continue;
      }
      // "… в Meta и Google": an organisation listed after a stated one shares its cue.
      const listed: boolean = prevCued && LIST_JOIN.test(gap);
      const words = wordsOf(gap);
      const last = words.at(-1);
      const cueAt = words.findIndex(isCue);
      const cued: boolean =
        listed ||
        (cueAt >= 0 &&
          words.length - cueAt <= 3 &&
          (cueAt === words.length - 1 || (last !== undefined && cues.prepositions.has(last))));
      if (cued) state(scope, p.entity, m.entity, 'WORKS_AT', listed ? 0.6 : 0.65);
      prev = m;
      prevCued = cued;
    }
  });
}

/** "Имя Фамилия, руководитель … в Ситимобил", "X из Яндекса", "Jane Doe, researcher at Google". */
function personThenOrganisation(scope: SentenceScope): void {
  const { ctx, sentence: s, mentions: ms } = scope;
  ms.forEach((p, i) => {
    if (p.entity.type !== 'Person') return;
    const nextPerson = ms.slice(i + 1).find((m) => m.entity.type === 'Person');
    const limit = Math.min(nextPerson ? nextPerson.start : s.end, p.end + 140);
    const orgs = ms.filter((m) => m.start >= p.end && m.end <= limit && m.entity.type === 'Organization');
    // "X покинул OpenAI и основал Eureka Labs": a later organisation counts when X founded or leads it.
    for (const later of orgs.slice(1)) {
      const upToLater = ctx.text.slice(p.end, later.start);
      if (FOUNDED_BEFORE_ORG.test(upToLater) && !SENTENCE_BREAK.test(upToLater))
        state(scope, p.entity, later.entity, 'WORKS_AT', 0.65);
    }
    const org = orgs[0];
    if (!org) return;
    const between = ctx.text.slice(p.end, org.start);
    const direct =
      AT_ORG.test(between) ||
      (IN_BRACKETS.test(between) && CLOSE_BRACKET.test(ctx.text.slice(org.end, org.end + 3))) ||
      JOINED.test(between) ||
      LEADS_BEFORE_ORG.test(between) ||
      WHO_WORKS_AT.test(between) ||
      FOUNDED_BEFORE_ORG.test(between);
    const viaRole =
      (ROLE.test(between) && (ROLE_AT.test(between) || ROLE_BEFORE_ORG.test(between))) ||
      // "Yann LeCun, Meta's chief AI scientist": an apposition naming the organisation's role.
      (APPOSITION.test(between) && POSSESSIVE_ROLE.test(ctx.text.slice(org.end, org.end + 60))) ||
      // "Sam Altman, OpenAI chief executive,": the organisation then a role word in the apposition.
      (APPOSITION.test(between) && roleInApposition(ctx.text.slice(org.end, org.end + 40)));
    if (!direct && !viaRole) return;
    // "Чиен-Яо Ванг и Хон-Юань Марк Ляо из Academia Sinica": persons listed before "из" share it.
    for (const person of [...personsListedBefore(scope, i), p])
      state(scope, person.entity, org.entity, 'WORKS_AT', direct ? 0.65 : 0.75);
  });
}

/** " chief executive," after the organisation: at most four words up to the comma, one of them a role. */
function roleInApposition(after: string): boolean {
  const m = /^\s+((?:[\p{L}-]+\s*){1,4})(?:,|\)|$)/u.exec(after);
  return m !== null && ROLE.test(m[1]);
}

const PERSON_JOIN = /^\s*(?:,|и|and|&)\s*$/iu;

/** The persons listed right before the person at index `i` ("A, B и C"), nearest last. */
function personsListedBefore(scope: SentenceScope, i: number): SentenceMention[] {
  const { ctx, mentions: ms } = scope;
  const out: SentenceMention[] = [];
  let next = ms[i];
  for (let j = i - 1; j >= 0; j--) {
    const m = ms[j];
    if (m.entity.type !== 'Person' || !PERSON_JOIN.test(ctx.text.slice(m.end, next.start))) break;
    out.unshift(m);
    next = m;
  }
  return out;
}

/**
 * An organisation's role, then the person: "Meta's chief AI scientist Yann LeCun", "NVIDIA CEO Jensen
 * Huang", "глава Apple Тим Кук", "сотрудники Google DeepMind — Демис Хассабис и Джон Джампер".
 */
function organisationThenPerson(scope: SentenceScope): void {
  const { ctx, mentions: ms } = scope;
  for (const p of ms) {
    if (p.entity.type !== 'Person') continue;
    const org = nearestBefore(ms, p.start, isOrganisation);
    if (!org || p.start - org.end > 60) continue;
    const between = ctx.text.slice(org.end, p.start);
    const possessive = POSSESSIVE.test(between) && ROLE.test(between) && !SENTENCE_BREAK.test(between);
    // "NVIDIA CEO Jensen Huang": only role words between (capitalised ones too: CEO, CTO).
    const roleBetween = FEW_WORDS.test(between) && ROLE.test(between);
    const past = PAST.test(textBefore(scope, org.start, 20));
    // "Microsoft hired X", "Sakana AI, the startup founded by X and Y,": the organisation took them on.
    const hired =
      HIRED_BETWEEN.test(between) || (FOUNDED_BY_BETWEEN.test(between) && !SENTENCE_BREAK.test(between));
    if (hired) {
      for (const q of [p, ...personsListedAfter(scope, p)])
        state(scope, q.entity, org.entity, 'WORKS_AT', 0.65);
      continue;
    }
    const roleBefore =
      ROLE_BEFORE_ORG.test(textBefore(scope, org.start, 40)) && personListAfter(scope, org, p);
    // "Former Google researcher X": a past role is still where X has worked.
    if (possessive || roleBetween || roleBefore)
      state(scope, p.entity, org.entity, 'WORKS_AT', past ? 0.6 : 0.7);
  }
}

const HIRED_BETWEEN =
  /^\s+(?:has\s+)?(?:hired|hires|appointed|appoints|named|poached|recruited|наняла?|назначила?|пригласила?)\s+(?:(?:former|ex-|бывш\p{L}*)\s*)?(?:[\p{L}-]+\s+){0,3}$/iu;
const FOUNDED_BY_BETWEEN =
  /^\s*,\s*(?:[\p{L}-]+\s+){0,5}(?:founded|co-founded|cofounded|started|led|run|headed)\s+by\s+$/iu;

/** The persons listed right after `p` ("X and Y", "X, Y и Z"). */
function personsListedAfter(scope: SentenceScope, p: SentenceMention): SentenceMention[] {
  const { ctx, mentions: ms } = scope;
  const out: SentenceMention[] = [];
  let prev = p;
  for (const m of ms) {
    if (m.start < prev.end) continue;
    if (m.entity.type !== 'Person' || !PERSON_JOIN.test(ctx.text.slice(prev.end, m.start))) break;
    out.push(m);
    prev = m;
  }
  return out;
}

/** Only persons stand between the organisation and `p`: "Apple Тим Кук", "DeepMind — A и B", "Lab: A, B and C". */
function personListAfter(scope: SentenceScope, org: SentenceMention, p: SentenceMention): boolean {
  const { text } = scope.ctx;
  let gap = '';
  let pos = org.end;
  for (const m of scope.mentions) {
    if (m.start < org.end || m.start >= p.start) continue;
    // "Meta FAIR": the organisation named twice over.
    if (m.entity === org.entity && /^\s*$/.test(text.slice(pos, m.start))) {
      pos = m.end;
      continue;
    }
    if (m.entity.type !== 'Person') return false;
    gap += text.slice(pos, m.start) + ' ';
    pos = m.end;
  }
  gap += text.slice(pos, p.start);
  return PERSON_LIST_GAP.test(gap);
}
