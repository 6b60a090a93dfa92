import { cachedEntityKey as entityKey } from './key-cache';
import type { ExtractedEntity, ExtractedRelation, RawPost, Sentence } from '../model';
import { resolveSentenceAliases } from './aliases';
import { vote, type Candidate, type NameRelation } from './candidate';
import { cueVotes } from './cues';
import { mergeEntities, propagateListTypes, type MergedEntity } from './entities';
import { findCyrillicNames } from './cyrillic-names';
import { findEventLines } from './event-lists';
import { lookupKnown, type Knowledge } from './knowledge';
import { isMeasure } from './name-shape';
import { findNameRuns } from './name-runs';
import { findRussianPersons, findSurnameMentions } from './persons';
import { findEnglishPersons, needsPersonTagger } from './persons-en';
import { sentenceRelations, type RelationContext, type SentenceMention } from './relations';
import { findRepos, type RepoHit } from './repos';
import { stemRu } from './russian';
import { compactName, foldName, isCodeLine } from './text-utils';
import { tokenize, urlSpans, type Span } from './tokens';

/**
 * Entities and relations of one post: candidates from every finder, sentence by sentence, then
 * aliases, cue votes and merging, then relation rules on the merged mentions.
 */

export interface PostAnalysis {
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
}

const THING_TYPES = new Set(['Model', 'Library', 'Dataset', 'Product']);

function codeLineSpans(text: string): Span[] {
  const spans: Span[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    if (isCodeLine(line)) spans.push({ start: pos, end: pos + line.length });
    pos += line.length + 1;
  }
  return spans;
}

function sentenceIndexAt(sentences: Sentence[], offset: number): number {
  for (let i = 0; i < sentences.length; i++) if (offset < sentences[i].end) return i;
  return Math.max(0, sentences.length - 1);
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function findCandidates(
  post: RawPost,
  sentences: Sentence[],
  k: Knowledge,
  rels: NameRelation[],
): Candidate[] {
  const text = post.text;
  const events = findEventLines(
    text,
    (o) => sentenceIndexAt(sentences, o),
    (s) => k.places.has(s.toLowerCase()),
  );
  const skip: Span[] = [...codeLineSpans(text), ...events];
  const all: Candidate[] = events.flatMap((e) => (e.candidate ? [e.candidate] : []));
  const persons = new Map<string, Candidate>();
  const perSentence: Candidate[][] = [];
  sentences.forEach((s, si) => {
    const here = skip.filter((sp) => sp.start < s.end && sp.end > s.start);
    const tokens = tokenize(
      s.text,
      s.start,
      here.length ? [...urlSpans(s.text, s.start), ...here] : undefined,
    );
    const found: Candidate[] = [];
    findNameRuns(tokens, { k, sentence: si, lang: s.lang, text: s.text, offset: s.start }, found, rels);
    const people: Candidate[] = [];
    findRussianPersons(tokens, s.text, s.start, si, k, people);
    for (const p of people) {
      if (found.some((c) => c.known && overlaps(c, p))) continue;
      found.push(p);
      persons.set(stemRu(p.name.split(' ').at(-1)!), p);
    }
    if (s.lang === 'en' && needsPersonTagger(s.text, s.start, found, k)) {
      for (const p of findEnglishPersons(s.text, s.start, si, k)) {
        // A person replaces the unknown name run it overlaps ("Jensen Huang" is no model).
        for (const c of found) if (!c.known && !c.type && overlaps(c, p)) c.stop = true;
        if (!found.some((c) => (c.known || c.type) && overlaps(c, p))) found.push(p);
      }
    }
    findSurnameMentions(
      tokens,
      si,
      persons,
      (a, b) => found.some((c) => overlaps(c, { start: a, end: b })),
      found,
    );
    votePersonAffiliations(found, text);
    for (const c of found) if (isLicence(text, c) || (!c.known && isMeasure(c.name))) c.stop = true;
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    resolveSentenceAliases(found, text);
    for (const c of found) if (!c.type && !c.stop) cueVotes(c, s.text, s.start);
    propagateListTypes(
      found.filter((c) => !c.stop),
      text,
    );
    perSentence.push(found);
    all.push(...found);
  });
  all.push(
    ...findCyrillicNames(
      text,
      k,
      (o) => sentenceIndexAt(sentences, o),
      (a, b) => all.some((c) => !c.stop && c.start < b && a < c.end),
    ),
  );
  addPipPackages(text, sentences, all);
  addQuotedEvents(text, sentences, all);
  return all;
}

const AFFILIATION_GAP = /^\s*(?:,\s*)?(?:из|from|at|@)\s+$/iu;

/** "Чиен-Яо Ванг из Academia Sinica", "Jane Roe from Quillfeather": what a person is from is an organisation. */
function votePersonAffiliations(found: Candidate[], text: string): void {
  const people = found.filter((c) => c.type === 'Person');
  if (!people.length) return;
  for (const c of found) {
    if (c.known || c.type || c.stop) continue;
    const p = people.find((x) => x.end <= c.start && AFFILIATION_GAP.test(text.slice(x.end, c.start)));
    if (p) vote(c, 'Organization', 2);
  }
}

/** "код лежит в репозитории ai-forever" with github.com/ai-forever/… linked: the owner is an organisation. */
function voteRepoOwners(cands: Candidate[], hits: RepoHit[]): void {
  if (!hits.length) return;
  const owners = new Set(hits.map((h) => compactName(h.owner)));
  for (const c of cands)
    if (!c.known && !c.type && !c.stop && owners.has(compactName(c.name))) vote(c, 'Organization', 3);
}

/** "вебинар «LLM в продакшене»": a quoted name after an event word is the event's name. */
function addQuotedEvents(text: string, sentences: Sentence[], all: Candidate[]): void {
  if (!/[«"“]/.test(text)) return;
  const re =
    /(?<![\p{L}])(?:вебинар|конференци|митап|хакатон|воркшоп|саммит|форум|webinar|conference|meetup|hackathon|workshop|summit)\p{L}*\s+[«"“]([^»"”\n]{3,80})[»"”]/giu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1].trim();
    const start = m.index + m[0].indexOf(m[1]);
    all.push({
      surface: m[1],
      start,
      end: start + m[1].length,
      sentence: sentenceIndexAt(sentences, start),
      name,
      key: entityKey(name),
      type: 'Event',
      votes: {},
      aliases: [],
    });
  }
}

/** "под лицензией MIT", "MIT License": a licence, not the institute. */
function isLicence(text: string, c: Candidate): boolean {
  return (
    /лицензи\p{L}*\s+$|licen[sc]ed?\s+(?:under\s+)?(?:the\s+)?$/iu.test(
      text.slice(Math.max(0, c.start - 30), c.start),
    ) ||
    /^\s*licen[sc]e/i.test(text.slice(c.end, c.end + 10)) ||
    /\s(?:Licen[sc]e|License Agreement)$|-licen[sc]ed$/i.test(c.name)
  );
}

/** "pip install -U hiplot": the package is a library, and the same thing as a name spelt otherwise. */
function addPipPackages(text: string, sentences: Sentence[], all: Candidate[]): void {
  const re = /pip3?\s+install\s+(?:-\S+\s+)*([A-Za-z][A-Za-z0-9_.-]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const pkg = m[1];
    const start = m.index + m[0].length - pkg.length;
    const same = all.find((c) => !c.stop && compactName(c.name) === compactName(pkg));
    const base: Candidate = same
      ? { ...same, votes: {}, aliases: [] }
      : {
          surface: pkg,
          start,
          end: start + pkg.length,
          sentence: 0,
          name: pkg,
          key: entityKey(pkg),
          votes: {},
          aliases: [],
        };
    const c: Candidate = {
      ...base,
      surface: pkg,
      start,
      end: start + pkg.length,
      sentence: sentenceIndexAt(sentences, start),
    };
    if (same) vote(same, 'Library', 3);
    vote(c, 'Library', 3);
    all.push(c);
  }
}

function repoCandidates(
  text: string,
  hits: RepoHit[],
  sentences: Sentence[],
  k: Knowledge,
): { cands: Candidate[]; owners: Map<string, Candidate> } {
  const cands: Candidate[] = [];
  const owners = new Map<string, Candidate>();
  for (const h of hits) {
    const start = h.start ?? -1;
    const end = h.end ?? -1;
    const sentence = h.start === null ? -1 : sentenceIndexAt(sentences, h.start);
    cands.push({
      surface: h.start === null ? h.fullName : text.slice(start, end),
      start,
      end,
      sentence,
      name: h.fullName,
      key: entityKey(h.fullName),
      type: 'Repository',
      votes: {},
      aliases: [],
      url: h.url,
    });
    const orgName = k.githubOwners.get(h.owner.toLowerCase());
    const known = orgName ? lookupKnown(k, orgName) : lookupKnown(k, h.owner);
    if (!orgName && known?.type !== 'Organization') continue;
    const name = known?.canonical ?? orgName!;
    owners.set(h.fullName, {
      surface: h.owner,
      start: -1,
      end: -1,
      sentence,
      name,
      key: entityKey(name),
      type: 'Organization',
      known,
      votes: {},
      aliases: [],
    });
  }
  return { cands, owners };
}

/** What the channel and the post's own words say about the domain (ingest/extract/domain.ts). */
export interface DomainContext {
  channelIsMl: boolean;
  postSaysMl: boolean;
}

export function analysePost(
  post: RawPost,
  sentences: Sentence[],
  k: Knowledge,
  domain: DomainContext = { channelIsMl: true, postSaysMl: true },
): PostAnalysis {
  const nameRels: NameRelation[] = [];
  const cands = findCandidates(post, sentences, k, nameRels);
  const hits = findRepos(post.text, post.links);
  voteRepoOwners(cands, hits);
  const repo = repoCandidates(post.text, hits, sentences, k);
  cands.push(...repo.cands);
  const entities = mergeEntities(cands, entityKey);
  for (const owner of repo.owners.values())
    if (!entities.some((e) => e.key === owner.key)) entities.push(...mergeEntities([owner], entityKey));

  const byCandidateKey = new Map<string, MergedEntity>();
  for (const e of entities) for (const key of e.candidateKeys) byCandidateKey.set(key, e);
  const byKey = new Map(entities.map((e) => [e.key, e]));

  const mentions: SentenceMention[][] = sentences.map(() => []);
  for (const e of entities)
    for (const m of e.mentions)
      if (m.sentence >= 0 && m.start >= 0)
        mentions[m.sentence].push({ entity: e, start: m.start, end: m.end });
  for (const list of mentions) list.sort((a, b) => a.start - b.start || b.end - a.end);

  const relations = new Map<string, ExtractedRelation>();
  const ctx: RelationContext = {
    text: post.text,
    sentences,
    mentions,
    subject: postSubject(entities, mentions),
    cues: k.relationCues,
    add(rel) {
      const { from, to, ...rest } = rel;
      if (from === to || from.key === to.key) return;
      const id = `${from.key}|${rel.type}|${to.key}`;
      const prev = relations.get(id);
      if (prev && prev.confidence >= rel.confidence) return;
      relations.set(id, { ...rest, from: from.name, to: to.name, fromKey: from.key, toKey: to.key });
    },
  };
  for (const r of nameRels) {
    const from = byCandidateKey.get(r.fromKey);
    const to = byCandidateKey.get(r.toKey);
    if (!from || !to) continue;
    const evidence = sentences[r.sentence]?.text ?? '';
    // The thing's final type decides what making it means: organising an event, a unit of an organisation.
    if (r.type === 'RELEASED' && to.type === 'Event')
      ctx.add({ from, to, type: 'ORGANIZED', evidence, confidence: r.confidence });
    else if (r.type === 'RELEASED' && to.type === 'Organization')
      ctx.add({ from: to, to: from, type: 'PART_OF', evidence, confidence: r.confidence });
    else ctx.add({ from, to, type: r.type, evidence, confidence: r.confidence });
  }
  linkOrganisationPrefixes(entities, ctx);
  linkRepos(hits, repo.owners, byKey, ctx);
  sentenceRelations(ctx);
  linkKnownParents(entities, byKey, ctx);

  const mlContext =
    domain.channelIsMl || domain.postSaysMl || entities.some((e) => isUnambiguousMlName(e, k));
  const kept = entities.filter((e) => hasTypeEvidence(e, relations, byKey, mlContext));
  const keptKeys = new Set(kept.map((e) => e.key));
  const keptRelations = [...relations.values()].filter(
    (r) => keptKeys.has(r.fromKey) && keptKeys.has(r.toKey),
  );
  const related = new Set<string>();
  for (const r of keptRelations) related.add(r.fromKey).add(r.toKey);
  return {
    entities: kept
      .filter((e) => !isLoneAcronym(e, related))
      .map(({ candidateKeys: _keys, parent: _parent, known: _known, typed: _typed, ...e }) => e),
    relations: keptRelations,
  };
}

const ML_TYPES = new Set(['Model', 'Library', 'Dataset']);

/** A known model, library or dataset whose name is no ordinary word ("PyTorch", not "Prophet"). */
function isUnambiguousMlName(e: MergedEntity, k: Knowledge): boolean {
  return e.known && ML_TYPES.has(e.type) && !k.mlDomain.ambiguousNames.has(foldName(e.name));
}

/**
 * A type only from evidence. Models, libraries and datasets exist only in posts about ML (a
 * religious channel's "Prophet" is no library). An unknown name that no cue, shape or finder typed
 * is a model only when a relation rule placed it: released by someone, with a repository, compared
 * with or used by a typed name. Otherwise it is no entity at all.
 */
function hasTypeEvidence(
  e: MergedEntity,
  relations: Map<string, ExtractedRelation>,
  byKey: Map<string, MergedEntity>,
  mlContext: boolean,
): boolean {
  if (!ML_TYPES.has(e.type)) return true;
  if (!mlContext) return false;
  if (e.known || e.typed) return true;
  for (const r of relations.values()) {
    const other = r.fromKey === e.key ? r.toKey : r.toKey === e.key ? r.fromKey : null;
    const partner = other ? byKey.get(other) : undefined;
    if (partner && (partner.known || partner.typed)) return true;
  }
  return false;
}

/**
 * A short unknown acronym said once, with no cue and no relation ("IMO", "FDA", "SEC"), is as likely
 * an agency or a term as a model: it is left out rather than guessed.
 */
function isLoneAcronym(e: MergedEntity, related: Set<string>): boolean {
  return !e.known && !e.typed && e.mentions.length <= 1 && /^[A-Z]{2,5}$/.test(e.name) && !related.has(e.key);
}

/** The first model/library/dataset/product of the title, else the most mentioned one. */
function postSubject(entities: MergedEntity[], mentions: SentenceMention[][]): MergedEntity | null {
  const inTitle = (mentions[0] ?? []).find((m) => THING_TYPES.has(m.entity.type));
  if (inTitle) return inTitle.entity;
  // A title without a name: the first thing of the first sentence that names one and a cue typed
  // ("Яндекс выложил библиотеку X"), else the most mentioned thing.
  const lead = mentions.find((ms) => ms.some((m) => THING_TYPES.has(m.entity.type)));
  const cued = lead?.find((m) => THING_TYPES.has(m.entity.type) && m.entity.typed && !m.entity.known);
  if (cued) return cued.entity;
  let best: MergedEntity | null = null;
  for (const e of entities)
    if (THING_TYPES.has(e.type) && (!best || e.mentions.length > best.mentions.length)) best = e;
  return best;
}

/** "Heartdub Materials" next to the organisation "AI Heartdub": the organisation released it. */
function linkOrganisationPrefixes(entities: MergedEntity[], ctx: RelationContext): void {
  const orgs = entities.filter((e) => e.type === 'Organization');
  for (const e of entities) {
    if (!THING_TYPES.has(e.type)) continue;
    const first = e.name.split(/\s+/)[0].toLowerCase();
    if (first === e.name.toLowerCase()) continue;
    const org = orgs.find((o) => o.name.split(/\s+/).at(-1)!.toLowerCase() === first);
    if (org)
      ctx.add({ from: org, to: e, type: 'RELEASED', evidence: firstEvidence(e, ctx), confidence: 0.6 });
  }
}

function firstEvidence(e: MergedEntity, ctx: RelationContext): string {
  const m = e.mentions.find((x) => x.sentence >= 0);
  return m ? ctx.sentences[m.sentence].text : '';
}

function linkRepos(
  hits: RepoHit[],
  owners: Map<string, Candidate>,
  byKey: Map<string, MergedEntity>,
  ctx: RelationContext,
): void {
  const things = [...byKey.values()].filter((e) => THING_TYPES.has(e.type) || e.type === 'Event');
  for (const h of hits) {
    const repo = byKey.get(entityKey(h.fullName));
    if (!repo) continue;
    const evidence =
      h.start === null
        ? h.url
        : (ctx.sentences[ctx.sentences.findIndex((s) => h.start! < s.end)]?.text ?? h.url);
    const owner = owners.get(h.fullName);
    const ownerEntity = owner ? byKey.get(owner.key) : undefined;
    if (ownerEntity) ctx.add({ from: ownerEntity, to: repo, type: 'OWNS', evidence, confidence: 0.9 });
    const name = compactName(h.name);
    const last = compactName(h.subpath.split('/').filter(Boolean).at(-1) ?? '');
    // "Kandinsky 3.0" is the repository "Kandinsky-3"; an exact match beats a name inside ("FSDP" in "YaFSDP").
    const exact = things.filter((e) => {
      const c = compactName(e.name);
      const short = compactName(e.name.replace(/(\d)\.0\b/g, '$1'));
      return c.length >= 3 && (c === name || c === last || short === name || short === last);
    });
    const matched = exact.length
      ? exact
      : things.filter((e) => {
          const c = compactName(e.name);
          return !e.known && c.length >= 4 && name.includes(c);
        });
    for (const e of matched) ctx.add({ from: e, to: repo, type: 'HAS_REPO', evidence, confidence: 0.85 });
    if (matched.length) continue;
    const si = h.start === null ? -1 : ctx.sentences.findIndex((s) => h.start! < s.end);
    const near =
      si >= 0
        ? [...ctx.mentions[si]].reverse().find((m) => m.start < h.start! && THING_TYPES.has(m.entity.type))
        : undefined;
    const target = near?.entity ?? ctx.subject;
    if (target) ctx.add({ from: target, to: repo, type: 'HAS_REPO', evidence, confidence: near ? 0.6 : 0.5 });
  }
}

/** Knowledge says Google AI is part of Google: stated when both are in the post. */
function linkKnownParents(
  entities: MergedEntity[],
  byKey: Map<string, MergedEntity>,
  ctx: RelationContext,
): void {
  for (const e of entities) {
    const parent = e.parent ? byKey.get(entityKey(e.parent)) : undefined;
    if (parent)
      ctx.add({ from: e, to: parent, type: 'PART_OF', evidence: firstEvidence(e, ctx), confidence: 0.6 });
  }
}
