import type { EntityType, ExtractedRelation, RelationType, Sentence } from '../model';
import type { MergedEntity } from './entities';
import { parseScore } from './scores';

/**
 * Sentence-level relation patterns in Russian and English. Each rule finds a cue (a verb, "от X",
 * a comparison) and takes its ends from the entity mentions around it; when the subject is only a
 * pronoun or a generic noun ("Модель сочетает BERT…") the post's subject stands in, with a lower
 * confidence. Every relation keeps the sentence that states it.
 */

export interface SentenceMention {
  entity: MergedEntity;
  start: number;
  end: number;
}

export interface RelationContext {
  text: string;
  sentences: Sentence[];
  /** Mentions per sentence, sorted by start. */
  mentions: SentenceMention[][];
  /** What the post is about: the first model/library/dataset/product of the title, else the most mentioned one. */
  subject: MergedEntity | null;
  add(
    rel: Omit<ExtractedRelation, 'from' | 'to' | 'fromKey' | 'toKey'> & {
      from: MergedEntity;
      to: MergedEntity;
    },
  ): void;
}

const THING: ReadonlySet<EntityType> = new Set(['Model', 'Library', 'Dataset', 'Product']);
const ARTIFACT: ReadonlySet<EntityType> = new Set(['Model', 'Library', 'Product']);
const isThing = (e: MergedEntity) => THING.has(e.type);
const isArtifact = (e: MergedEntity) => ARTIFACT.has(e.type);
const MAX_OBJECT_GAP = 60;

const L = '\\p{L}*';
const RELEASE_VERBS = new RegExp(
  `(?<![\\p{L}])(?:представил${L}|выпустил${L}|выпуска${L}|опубликовал${L}|открыл${L}|анонсировал${L}|релизнул${L}|выложил${L}|показал${L}|разработал${L}|разрабатыва${L}|создал${L}|запустил${L}|презентовал${L}|зарелизил${L}|выкатил${L}|предложил${L}|released?|releases|introduced?|introduces|unveil(?:ed|s)?|announced?|announces|open-sourced|open sources|launched?|launches|published|presented|presents|developed|develops|built|created|debuted|rolled out|propose[sd]?|shipped)(?![\\p{L}])`,
  'giu',
);
const OUTPERFORM_VERBS = new RegExp(
  `(?<![\\p{L}])(?:превосход${L}|превзош${L}|превзойд${L}|обгон${L}|обогна${L}|обошл${L}|обходит|опережа${L}|опереди${L}|побил${L}|outperform${L}|beats?|beating|surpass${L}|exceed${L}|better than|faster than|more (?:accurate|capable|efficient) than|ahead of|лучше|быстрее|точнее)(?![\\p{L}])`,
  'giu',
);
const USE_VERBS = new RegExp(
  `(?<![\\p{L}])(?:использу${L}|использова${L}|используя|применя${L}|основан${L}|построен${L}|на основе|сочета${L}|комбинир${L}|опира${L}|поддерживае${L}|поддерживат${L}|поддержк${L}|задейству${L}|интегрир${L}|оптимизирован${L}|ансамбл${L}|с помощью|написан${L} на|реализован${L} на|uses|using|written in|implemented in|used|based on|built on|builds on|leverag${L}|powered by|supports|combines|relies on|integrates|on top of|ensemble of)(?![\\p{L}])`,
  'giu',
);
const EVAL_CUE =
  /набира|scores?\b|обход|опереж|beats?\b|surpass|\sна\s|тест|бенчмарк|таблиц\p{L}* лидеров|leaderboard|benchmark|accuracy|точност|score|результат|%|SOTA|state-of-the-art|достига|achiev|показ|эксперимент|evaluat|оцен|tested|протестир|превосход|outperform|обогна|лучш|better/iu;
const ORGANIZE_VERBS = new RegExp(
  `(?<![\\p{L}])(?:организу${L}|организова${L}|проводит|провод${L}|провел${L}|провёл${L}|проведет|проведёт|organiz${L}|hosts|hosted|hosting|runs)(?![\\p{L}])`,
  'giu',
);
const ROLE =
  /руководител|разработчик|инженер|коллег|colleague|исследовател|сотрудник|директор|основател|сооснователь|глава|\bCEO\b|\bCTO\b|\bCPO\b|\bhead\b|\blead\b|тимлид|лид\b|аналитик|data scientist|учен|профессор|professor|researcher|engineer|scientist|founder|director|manager|менеджер|архитектор|эксперт|специалист|студент|аспирант|преподавател|\bVP\b|president|президент|chief|partner|партнер|партнёр/iu;
/** "технического директора Яндекса", "сооснователь OpenAI": a role word right before the organisation. */
const ROLE_BEFORE_ORG =
  /(?:руководител|разработчик|инженер|исследовател|сотрудник|директор|основател|сооснователь|глава|CEO|CTO|аналитик|учен|профессор|эксперт|специалист|президент)\p{L}*\s+$/iu;
const SPEAKER_CUE =
  /спикер|доклад|выступ|расскаж|покаж|модератор|speaker|talk|keynote|will speak|presents|«[^»]+»|"[^"]+"/iu;
/** "At GTC, CEO Jensen Huang introduced …", "на WWDC … Тим Кук представил …": presenting on stage, when the event is in the same sentence. */
const PRESENTER_CUE =
  /представил\p{L}*|показал\p{L}*|анонсировал\p{L}*|introduced|unveiled|presented|announced|showed/iu;
/** "X основал стартап Y", "X co-founded Y": the founder works at what they founded. */
const FOUNDED_BEFORE_ORG =
  /(?:^|\s)(?:основал\p{L}*|сооснова\p{L}*|founded|co-founded|cofounded|started)\s+(?:(?:свой|свою|собственн\p{L}*|нов\p{L}*|a|his|her|their|own|new)\s+)*(?:(?:стартап\p{L}*|компани\p{L}*|лаборатори\p{L}*|startup|company|lab),?\s+)?$/iu;
/** "Demis Hassabis, who leads Google DeepMind", "X, возглавляющий Y". */
const LEADS_BEFORE_ORG =
  /^\s*,?\s*(?:(?:who|now|currently|also)\s+)*(?:leads|heads|runs|co-?founded|founded|возглавляющ\p{L}*|возглавляет|возглавлявш\p{L}*)\s+$/iu;

function sentenceOf(ctx: RelationContext, i: number): string {
  return ctx.sentences[i].text;
}

/** Mentions after `pos` up to the end of the sentence, cut at the next sentence-level verb cue. */
function mentionsAfter(
  ms: SentenceMention[],
  pos: number,
  ok: (e: MergedEntity) => boolean,
): SentenceMention[] {
  return ms.filter((m) => m.start >= pos && ok(m.entity));
}

function nearestBefore(
  ms: SentenceMention[],
  pos: number,
  ok: (e: MergedEntity) => boolean,
): SentenceMention | null {
  let best: SentenceMention | null = null;
  for (const m of ms) if (m.end <= pos && ok(m.entity)) best = m;
  return best;
}

const COORDINATION = /\s(?:и|and|а также|as well as|but|но)\s|,\s*(?:а|and|и)\s/iu;

/**
 * Who does what a verb at `pos` says: the nearest thing before it, unless a conjunction stands
 * between (then that thing was the object of an earlier verb: "X is built on A and supports B"),
 * in which case the first thing of the sentence, else the post's subject.
 */
function clauseSubject(
  ctx: RelationContext,
  ms: SentenceMention[],
  pos: number,
  ok: (e: MergedEntity) => boolean,
): { entity: MergedEntity; explicit: boolean } | null {
  const near = nearestBefore(ms, pos, ok);
  if (near && !COORDINATION.test(ctx.text.slice(near.end, pos)))
    return { entity: near.entity, explicit: true };
  const first = ms.find((m) => m.end <= pos && ok(m.entity));
  if (first && first !== near) return { entity: first.entity, explicit: true };
  return ctx.subject && ok(ctx.subject) ? { entity: ctx.subject, explicit: false } : null;
}

/** The first mention after `pos` and those listed with it ("A, B и C"). */
function listAfter(
  ctx: RelationContext,
  ms: SentenceMention[],
  pos: number,
  ok: (e: MergedEntity) => boolean,
): SentenceMention[] {
  const after = mentionsAfter(ms, pos, () => true);
  const out: SentenceMention[] = [];
  let prevEnd = -1;
  for (const m of after) {
    if (prevEnd >= 0) {
      const gap = ctx.text.slice(prevEnd, m.start);
      if (m.start < prevEnd) continue;
      const listGap =
        /^\s*(?:,|и|and|or|или|&|\(|,\s*а также|as well as)?\s*(?:\d+(?:[.,]\d+)?\s*[BMKbmk]?\s*)?$/iu;
      // "превосходит A со 175 млрд параметров … и 280B B": a conjunction after a short modifier still continues the list.
      const longListGap =
        /^[^.;:!?]{0,70}(?:,|\sи|\sand|\sor|\sили)\s+(?:\d+(?:[.,]\d+)?\s*[BMKbmk]?\s+)?$/iu;
      if (gap.length > 0 && !listGap.test(gap) && !longListGap.test(gap)) break;
    }
    if (ok(m.entity)) out.push(m);
    else if (out.length === 0 && m.entity.type !== 'Organization') continue;
    prevEnd = m.end;
  }
  return out;
}

const ABOUT =
  /(?:стать|пост|курс|видео|обзор|туториал|гайд|лекци|разбор|article|post|blog|tutorial|guide|course|video|review|talk)\p{L}*\s+(?:\p{L}+\s+)?(?:про|о|об|по|about|on)\s+$/iu;
const skipPurpose = (ctx: RelationContext, m: SentenceMention) =>
  /(?:для|for)\s+$/iu.test(ctx.text.slice(Math.max(0, m.start - 5), m.start));

/** "X от Y" / "X from Y" / "X by Y" / "Y's X": Y released X (organised, for events). */
function fromOrganisation(ctx: RelationContext, si: number): void {
  const ms = ctx.mentions[si];
  // "от Google DeepMind и Isomorphic Labs": an organisation joined to one after the cue shares its cue.
  const cued = new Map<SentenceMention, number>();
  let prevOrg: SentenceMention | null = null;
  for (const org of ms) {
    if (org.entity.type !== 'Organization') continue;
    const joinedTo = prevOrg && cued.has(prevOrg) ? prevOrg : null;
    prevOrg = org;
    if (joinedTo && /^\s*(?:,|и|and|&)\s*$/iu.test(ctx.text.slice(joinedTo.end, org.start))) {
      cued.set(org, cued.get(joinedTo)!);
      releasedBefore(ctx, si, org, cued.get(joinedTo)!);
      continue;
    }
    const before = ctx.text.slice(Math.max(ctx.sentences[si].start, org.start - 60), org.start);
    const m =
      /(?<![\p{L}])(?:от|from|by)\s+(?:(?:учен|учён|исследовател|команд|разработчик|специалист|инженер|researchers?|team|engineers?)\p{L}*\s+(?:из\s+|at\s+|of\s+)?)?$/iu.exec(
        before,
      );
    if (
      !m ||
      /(?:отлич\p{L}*|далек\p{L}*|независим\p{L}*|зависит|away|apart|different)\s+$/iu.test(
        before.slice(0, m.index),
      )
    )
      continue;
    const cueAt = org.start - before.length + m.index;
    cued.set(org, cueAt);
    releasedBefore(ctx, si, org, cueAt);
  }
}

/** The thing right before an "от/from/by" cue at `cueAt` was made by `org`. */
function releasedBefore(ctx: RelationContext, si: number, org: SentenceMention, cueAt: number): void {
  const ms = ctx.mentions[si];
  {
    const thing = [...ms]
      .reverse()
      .find(
        (x) =>
          x.end <= cueAt &&
          cueAt - x.end < 90 &&
          (isThing(x.entity) || x.entity.type === 'Event') &&
          !skipPurpose(ctx, x) &&
          x.entity !== org.entity,
      );
    if (!thing) return;
    // "Статья про X от Hugging Face": the organisation wrote about X, it did not make it.
    if (ABOUT.test(ctx.text.slice(Math.max(ctx.sentences[si].start, thing.start - 40), thing.start))) return;
    ctx.add({
      from: org.entity,
      to: thing.entity,
      type: thing.entity.type === 'Event' ? 'ORGANIZED' : 'RELEASED',
      evidence: sentenceOf(ctx, si),
      confidence: 0.8,
    });
  }
}

/** "Alibaba's Qwen2-72B", "Mistral AI's first code model Codestral": the organisation's own thing. */
function possessiveRelease(ctx: RelationContext, si: number): void {
  const ms = ctx.mentions[si];
  ms.forEach((org, i) => {
    if (org.entity.type !== 'Organization') return;
    const thing = ms.slice(i + 1).find((m) => m.start >= org.end);
    if (!thing || !isThing(thing.entity)) return;
    if (!/^['’]s\s+(?:[\p{Ll}\d-]+\s+){0,3}$/u.test(ctx.text.slice(org.end, thing.start))) return;
    ctx.add({
      from: org.entity,
      to: thing.entity,
      type: 'RELEASED',
      evidence: sentenceOf(ctx, si),
      confidence: 0.6,
    });
  });
}

function inPersonAside(
  ctx: RelationContext,
  ms: SentenceMention[],
  org: SentenceMention,
  verbAt: number,
): boolean {
  if (!/^\s*,\s*$/.test(ctx.text.slice(org.end, verbAt))) return false;
  return ms.some(
    (m) =>
      m.entity.type === 'Person' &&
      m.end <= org.start &&
      /^\s*,[^,]*$/.test(ctx.text.slice(m.end, org.start)),
  );
}

function releaseVerbs(ctx: RelationContext, si: number): void {
  const s = ctx.sentences[si];
  const ms = ctx.mentions[si];
  RELEASE_VERBS.lastIndex = 0;
  for (let v = RELEASE_VERBS.exec(s.text); v; v = RELEASE_VERBS.exec(s.text)) {
    const at = s.start + v.index;
    const org = nearestBefore(ms, at, (e) => e.type === 'Organization');
    if (!org) continue;
    // "Jane Doe, former director of AI at Tesla, released X": the organisation is in an aside about the person.
    if (inPersonAside(ctx, ms, org, at)) continue;
    // "дочерняя компания Google" names the subsidiary, not Google.
    if (
      /(?:дочерн\p{L}*|подразделени\p{L}*)\s+(?:компани\p{L}*\s+)?$|(?:subsidiary|division|unit) of\s+$/iu.test(
        ctx.text.slice(Math.max(s.start, org.start - 40), org.start),
      )
    )
      continue;
    const after = v.index + v[0].length + s.start;
    const objs = listAfter(ctx, ms, after, (e) => isThing(e) || e.type === 'Event').filter(
      (m) => !skipPurpose(ctx, m),
    );
    if (objs.length) {
      for (const o of objs)
        if (o.entity !== org.entity)
          ctx.add({
            from: org.entity,
            to: o.entity,
            type: o.entity.type === 'Event' ? 'ORGANIZED' : 'RELEASED',
            evidence: s.text,
            confidence: 0.75,
          });
    } else if (
      ctx.subject &&
      ctx.subject !== org.entity &&
      ms[0]?.entity === org.entity &&
      !ms.some((m) => m.start >= after)
    ) {
      ctx.add({ from: org.entity, to: ctx.subject, type: 'RELEASED', evidence: s.text, confidence: 0.55 });
    }
  }
}

function outperforms(ctx: RelationContext, si: number): void {
  const s = ctx.sentences[si];
  const ms = ctx.mentions[si];
  OUTPERFORM_VERBS.lastIndex = 0;
  for (let v = OUTPERFORM_VERBS.exec(s.text); v; v = OUTPERFORM_VERBS.exec(s.text)) {
    const at = s.start + v.index;
    const subj =
      nearestBefore(ms, at, isArtifact)?.entity ??
      (ctx.subject && isArtifact(ctx.subject) ? ctx.subject : null);
    if (!subj) continue;
    const objs = listAfter(ctx, ms, at + v[0].length, isArtifact).filter((m) => m.entity !== subj);
    const bench = ms.find((m) => m.entity.type === 'Dataset');
    for (const o of objs)
      ctx.add({
        from: subj,
        to: o.entity,
        type: 'OUTPERFORMS',
        evidence: s.text,
        confidence: 0.7,
        ...(bench ? { benchmark: bench.entity.name } : {}),
      });
  }
}

const TRAINED_ON =
  /(?:обуч\p{L}*|дообуч\p{L}*|trained|pre-?trained|fine-tuned)\s+(?:на|on)\s+(?:[\p{L}\d-]+\s+){0,4}$/iu;

/** Benchmarks a model is scored on; a dataset it is trained on is used instead ("обучена на датасете X"). */
function evaluatedOn(ctx: RelationContext, si: number): void {
  const s = ctx.sentences[si];
  const ms = ctx.mentions[si];
  const datasets = ms.filter((m) => m.entity.type === 'Dataset');
  if (!datasets.length || !EVAL_CUE.test(s.text)) return;
  const isModel = (e: MergedEntity) => e.type === 'Model' || e.type === 'Library';
  OUTPERFORM_VERBS.lastIndex = 0;
  const beats = OUTPERFORM_VERBS.exec(s.text);
  const beatsAt = beats ? s.start + beats.index : -1;
  for (const d of datasets) {
    const trained = TRAINED_ON.test(ctx.text.slice(Math.max(s.start, d.start - 60), d.start));
    let subjects: MergedEntity[] = [];
    if (beats && beatsAt < d.start) {
      // "X превосходит Y на MMLU": X is the one evaluated.
      const winner = clauseSubject(ctx, ms, beatsAt, isModel);
      if (winner) subjects = [winner.entity];
    } else {
      const before = listBefore(ctx, ms, d.start, isModel);
      const last = before[before.length - 1];
      if (last && !COORDINATION.test(ctx.text.slice(last.end, d.start)))
        subjects = before.map((m) => m.entity);
      else if (ctx.subject && isModel(ctx.subject)) subjects = [ctx.subject];
    }
    for (const subj of subjects) {
      if (subj === d.entity) continue;
      const subjMention = ms.find((m) => m.entity === subj);
      const from = subjMention && subjMention.end <= d.start ? subjMention.end : s.start;
      const score =
        parseScore(ctx.text.slice(from, Math.max(d.start, from + 1))) ??
        parseScore(ctx.text.slice(d.end, s.end));
      ctx.add({
        from: subj,
        to: d.entity,
        type: trained ? 'USES' : 'EVALUATED_ON',
        evidence: s.text,
        confidence: subjMention ? 0.7 : 0.55,
        ...(score && !trained
          ? { score: score.score, ...(score.metric ? { metric: score.metric } : {}) }
          : {}),
      });
    }
  }
}

/** The nearest mention before `pos` and those listed with it ("GPT-4 and Claude 3 on HELM"). */
function listBefore(
  ctx: RelationContext,
  ms: SentenceMention[],
  pos: number,
  ok: (e: MergedEntity) => boolean,
): SentenceMention[] {
  const before = ms.filter((m) => m.end <= pos);
  const out: SentenceMention[] = [];
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i];
    if (!ok(m.entity)) {
      if (out.length) break;
      continue;
    }
    if (
      out.length &&
      !/^\s*(?:,|и|and|or|или|&)\s*$/iu.test(ctx.text.slice(m.end, out[out.length - 1].start))
    )
      break;
    out.push(m);
  }
  return out.reverse();
}

function uses(ctx: RelationContext, si: number): void {
  const s = ctx.sentences[si];
  const ms = ctx.mentions[si];
  const found: { at: number; len: number }[] = [];
  USE_VERBS.lastIndex = 0;
  for (let v = USE_VERBS.exec(s.text); v; v = USE_VERBS.exec(s.text))
    found.push({ at: s.start + v.index, len: v[0].length });
  // "X – библиотека с моделями A, B и C": a name with a list of tools.
  const withList =
    /(?<![\p{L}])(?:с|со)\s+(?:моделями|библиотеками|поддержкой|интеграцией|алгоритмами)\s+/giu;
  for (let v = withList.exec(s.text); v; v = withList.exec(s.text))
    found.push({ at: s.start + v.index, len: v[0].length });
  for (const { at, len } of found) {
    // "HOD … от Google AI использует …": the thing, not its maker, uses things.
    const subject =
      clauseSubject(ctx, ms, at, isArtifact) ?? clauseSubject(ctx, ms, at, (e) => e.type === 'Organization');
    if (!subject) continue;
    const subj = subject.entity;
    const objs = listAfter(ctx, ms, at + len, (e) => isThing(e)).filter((m) => m.entity !== subj);
    // The object must follow its verb closely ("использует … метки … близких к OOD" is not about OOD).
    if (!objs.length || objs[0].start - (at + len) > MAX_OBJECT_GAP) continue;
    for (const o of objs)
      ctx.add({
        from: subj,
        to: o.entity,
        type: 'USES',
        evidence: s.text,
        confidence: subject.explicit ? 0.65 : 0.5,
      });
  }
  toolFor(ctx, si);
}

/** "Tutel: новый инструмент для Fairseq", "a plugin for PyTorch": the tool works with the other thing. */
function toolFor(ctx: RelationContext, si: number): void {
  const s = ctx.sentences[si];
  const ms = ctx.mentions[si];
  const re =
    /(?<![\p{L}])(?:инструмент|плагин|расширени|надстройк|обертк|обёртк|библиотек|tool|plugin|extension|add-on|wrapper)\p{L}*\s+(?:для|for)\s+$/iu;
  for (const target of ms) {
    if (!isThing(target.entity)) continue;
    const before = ctx.text.slice(Math.max(s.start, target.start - 40), target.start);
    if (!re.test(before)) continue;
    const tool = nearestBefore(ms, target.start - 1, isArtifact);
    if (tool && tool.entity !== target.entity)
      ctx.add({ from: tool.entity, to: target.entity, type: 'USES', evidence: s.text, confidence: 0.6 });
  }
}

function organizes(ctx: RelationContext, si: number): void {
  const s = ctx.sentences[si];
  const ms = ctx.mentions[si];
  ORGANIZE_VERBS.lastIndex = 0;
  for (let v = ORGANIZE_VERBS.exec(s.text); v; v = ORGANIZE_VERBS.exec(s.text)) {
    const at = s.start + v.index;
    const org = nearestBefore(ms, at, (e) => e.type === 'Organization');
    const ev = mentionsAfter(ms, at, (e) => e.type === 'Event')[0];
    if (org && ev)
      ctx.add({ from: org.entity, to: ev.entity, type: 'ORGANIZED', evidence: s.text, confidence: 0.7 });
  }
}

/** "Имя Фамилия, руководитель … в Ситимобил", "X из Яндекса", "Jane Doe, researcher at Google". */
function worksAt(ctx: RelationContext, si: number): void {
  const s = ctx.sentences[si];
  const ms = ctx.mentions[si];
  ms.forEach((p, i) => {
    if (p.entity.type !== 'Person') return;
    const nextPerson = ms.slice(i + 1).find((m) => m.entity.type === 'Person');
    const limit = Math.min(nextPerson ? nextPerson.start : s.end, p.end + 140);
    const orgs = ms.filter((m) => m.start >= p.end && m.end <= limit && m.entity.type === 'Organization');
    // "X покинул OpenAI и основал Eureka Labs": a later organisation counts when X founded or leads it.
    for (const later of orgs.slice(1))
      if (
        FOUNDED_BEFORE_ORG.test(ctx.text.slice(p.end, later.start)) &&
        !/[.;]/.test(ctx.text.slice(p.end, later.start))
      )
        ctx.add({ from: p.entity, to: later.entity, type: 'WORKS_AT', evidence: s.text, confidence: 0.65 });
    const org = orgs[0];
    if (!org) return;
    const between = ctx.text.slice(p.end, org.start);
    const direct =
      /^\s*(?:\(|,\s*)?\s*(?:из|from|at|of|@)\s+$/iu.test(between) ||
      /(?:joined|joins|перешел в|перешёл в|перешла в|присоединил\p{L}* к)\s+$/iu.test(between) ||
      LEADS_BEFORE_ORG.test(between) ||
      FOUNDED_BEFORE_ORG.test(between);
    const viaRole =
      ROLE.test(between) &&
      (/(?:в|во|из|at|from|of|@|,)\s+$/iu.test(between) || ROLE_BEFORE_ORG.test(between));
    if (direct || viaRole)
      ctx.add({
        from: p.entity,
        to: org.entity,
        type: 'WORKS_AT',
        evidence: s.text,
        confidence: direct ? 0.65 : 0.75,
      });
  });
}

/**
 * An organisation's role, then the person: "Meta's chief AI scientist Yann LeCun", "NVIDIA CEO Jensen
 * Huang", "глава Apple Тим Кук", "сотрудники Google DeepMind — Демис Хассабис и Джон Джампер".
 */
function roleOfOrganisation(ctx: RelationContext, si: number): void {
  const s = ctx.sentences[si];
  const ms = ctx.mentions[si];
  for (const p of ms) {
    if (p.entity.type !== 'Person') continue;
    const org = nearestBefore(ms, p.start, (e) => e.type === 'Organization');
    if (!org || p.start - org.end > 60) continue;
    const between = ctx.text.slice(org.end, p.start);
    const possessive = /^['’]s\s/.test(between) && ROLE.test(between) && !/[.;]/.test(between);
    // "NVIDIA CEO Jensen Huang": only role words between (capitalised ones too: CEO, CTO).
    const roleBetween = /^\s+(?:[\p{L}-]+\s+){1,3}$/u.test(between) && ROLE.test(between);
    // "Former Google researcher X": a past role says nothing about where X works now.
    const past = /(?:former|ex-|бывш\p{L}*)\s*$/iu.test(
      ctx.text.slice(Math.max(s.start, org.start - 20), org.start),
    );
    const roleBefore =
      ROLE_BEFORE_ORG.test(ctx.text.slice(Math.max(s.start, org.start - 40), org.start)) &&
      personListAfter(ctx, ms, org, p);
    if (!past && (possessive || roleBetween || roleBefore))
      ctx.add({ from: p.entity, to: org.entity, type: 'WORKS_AT', evidence: s.text, confidence: 0.7 });
  }
}

/** Only persons stand between the organisation and `p`: "Apple Тим Кук", "DeepMind — A и B", "Lab: A, B and C". */
function personListAfter(
  ctx: RelationContext,
  ms: SentenceMention[],
  org: SentenceMention,
  p: SentenceMention,
): boolean {
  let gap = '';
  let pos = org.end;
  for (const m of ms) {
    if (m.start < org.end || m.start >= p.start) continue;
    if (m.entity.type !== 'Person') return false;
    gap += ctx.text.slice(pos, m.start) + ' ';
    pos = m.end;
  }
  gap += ctx.text.slice(pos, p.start);
  return /^\s*(?:[—–:]\s*)?(?:(?:,|и|and)?\s*)*$/iu.test(gap);
}

/** Persons introduced with a talk in a post about an event speak at it. */
function speaksAt(ctx: RelationContext): void {
  const events: SentenceMention[] = ctx.mentions.flat().filter((m) => m.entity.type === 'Event');
  if (!events.length) return;
  ctx.mentions.forEach((ms, si) => {
    const s = ctx.sentences[si];
    for (const p of ms) {
      if (p.entity.type !== 'Person') continue;
      // The rest of the person's line, but not past the sentence: a talk in a later sentence is someone else's.
      const lineEnd = ctx.text.indexOf('\n', p.end);
      const line = ctx.text.slice(p.start, Math.min(lineEnd < 0 ? ctx.text.length : lineEnd, s.end));
      const presents = PRESENTER_CUE.test(s.text) && ms.some((m) => m.entity.type === 'Event');
      if (!SPEAKER_CUE.test(line) && !SPEAKER_CUE.test(s.text) && !presents) continue;
      const ev = [...events].reverse().find((e) => e.start < p.start) ?? events[0];
      ctx.add({ from: p.entity, to: ev.entity, type: 'SPEAKS_AT', evidence: s.text, confidence: 0.6 });
    }
  });
}

/** "на конференции ICCV 2021 … представили StylEx", "presented at NeurIPS". */
function presentedAt(ctx: RelationContext, si: number): void {
  const s = ctx.sentences[si];
  const ms = ctx.mentions[si];
  for (const ev of ms) {
    if (ev.entity.type !== 'Event') continue;
    const before = ctx.text.slice(Math.max(s.start, ev.start - 40), ev.start);
    if (!/(?:на|at|to)\s+(?:\p{L}+\s+){0,2}$/iu.test(before)) continue;
    if (!/представ|показа|presented|presents|introduc|unveil|accepted|принят|опубликова/iu.test(s.text))
      continue;
    const thing = ms.find((m) => isThing(m.entity) && m.start > ev.end) ?? ms.find((m) => isThing(m.entity));
    if (thing)
      ctx.add({ from: thing.entity, to: ev.entity, type: 'PRESENTED_AT', evidence: s.text, confidence: 0.6 });
  }
}

/**
 * Cheap keyword tests on the lower-cased sentence that say whether a rule can fire at all; the
 * rules' own Unicode-aware regexes are many times slower and most sentences have no cue.
 */
const HINTS = {
  from: /от |from |by /,
  release:
    /представ|показал|выпус|опубликова|открыл|анонсир|релиз|выложил|разработа|разрабатыва|создал|запусти|презентова|выкатил|предложил|releas|introduc|unveil|announc|open-source|open source|launch|publish|present|develop|built|created|debut|rolled out|propos|shipped/,
  outperform:
    /превос|превзо|обгон|обогна|обошл|обходит|опереж|опереди|побил|outperform|beat|surpass|exceed|better than|faster than|more accurate than|more capable than|more efficient than|ahead of|лучше|быстрее|точнее/,
  use: /использ|примен|основан|построен|на основе|сочета|комбинир|опира|поддерж|задейств|интегрир|оптимизирован|ансамбл|с помощью|написан|реализован|written in|implemented in|с модел|с библиотек|с алгоритм|со |use|using|based on|built on|builds on|leverag|powered by|support|combine|relies on|integrat|on top of|ensemble|инструмент|плагин|расширени|надстройк|обертк|обёртк|библиотек|tool|plugin|extension|add-on|wrapper/,
  organize: /организ|провод|провел|провёл|провед|organiz|host|runs/,
};

export function sentenceRelations(ctx: RelationContext): void {
  for (let si = 0; si < ctx.sentences.length; si++) {
    const ms = ctx.mentions[si];
    if (ms.length === 0) continue;
    const lower = ctx.sentences[si].text.toLowerCase();
    const types = new Set(ms.map((m) => m.entity.type));
    const hasOrg = types.has('Organization');
    if (hasOrg && HINTS.from.test(lower)) fromOrganisation(ctx, si);
    if (hasOrg && /['’]s /.test(lower)) possessiveRelease(ctx, si);
    if (hasOrg && HINTS.release.test(lower)) releaseVerbs(ctx, si);
    if (HINTS.outperform.test(lower)) outperforms(ctx, si);
    if (types.has('Dataset')) evaluatedOn(ctx, si);
    if (HINTS.use.test(lower)) uses(ctx, si);
    if (hasOrg && types.has('Event') && HINTS.organize.test(lower)) organizes(ctx, si);
    if (hasOrg && types.has('Person')) {
      worksAt(ctx, si);
      roleOfOrganisation(ctx, si);
    }
    if (types.has('Event')) presentedAt(ctx, si);
  }
  speaksAt(ctx);
}

export type { RelationType };
