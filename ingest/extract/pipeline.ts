import type { ExtractedEntity, ExtractedRelation, RawPost, Sentence } from '../model';
import type { Candidate, NameRelation } from './candidate';
import { findCyrillicNames } from './cyrillic-names';
import { mergeEntities, type MergedEntity } from './entities';
import { findEventLines } from './event-lists';
import { isUnambiguousMlName, keepEvidenced } from './evidence';
import { filterCandidates } from './filters';
import { addPipPackages, addQuotedEvents, repoCandidates } from './finders/post-finders';
import { cachedEntityKey as entityKey } from './key-cache';
import type { Knowledge } from './knowledge';
import { findNameRuns } from './name-runs';
import { codeLineSpans, overlaps, sentenceIndexAt } from './offsets';
import { findRussianPersons, findSurnameMentions } from './persons';
import { findEnglishPersons, needsPersonTagger } from './persons-en';
import {
  linkKnownParents,
  linkNameRelations,
  linkOrganisationPrefixes,
  linkRepos,
  linkTitledList,
} from './post-rules';
import { sentenceRelations, type RelationContext, type SentenceMention } from './relations';
import { findRepos } from './repos';
import { stemRu } from './russian';
import { postOrganisation, postSubject } from './subject';
import { typeSentenceCandidates, voteRepoOwners } from './typing';
import { tokenize, urlSpans, type Span } from './tokens';

/**
 * The extraction of one post, stage by stage (spaCy's ordered components are the model):
 *
 *   1. finders      sentence by sentence: known names and name runs, persons in Cyrillic and in
 *                   English, later surname mentions; then over the whole post: event lines,
 *                   Cyrillic names after cue nouns, pip packages, quoted events, repositories
 *   2. filter       licences and measures that look like names are stopped
 *   3. typing       aliases, cue words, list neighbours, affiliations, repository owners vote
 *   4. merging      candidates become entities: one per name, typed by knowledge or votes
 *   5. sentence rules   relations from each sentence's structure (relations/)
 *   6. post rules   relations from the whole post (inside names, repositories, known parents)
 *   7. evidence     only what the evidence supports is kept: no vote, no type; models,
 *                   libraries and datasets only in posts or channels about ML
 *
 * Language data (cue words, verbs, ML terms, names) is in ingest/knowledge/.
 */

export interface PostAnalysis {
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
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
  domain: DomainContext,
): PostAnalysis {
  // 1–3. Finders, filter and typing, sentence by sentence, then the post-wide finders.
  const nameRels: NameRelation[] = [];
  const cands = findSentenceCandidates(post, sentences, k, nameRels);
  const hits = findRepos(post.text, post.links);
  voteRepoOwners(cands, hits);
  const repo = repoCandidates(post.text, hits, sentences, k);
  cands.push(...repo.cands);

  // 4. Merging.
  const entities = mergeEntities(cands, entityKey);
  for (const owner of repo.owners.values())
    if (!entities.some((e) => e.key === owner.key)) entities.push(...mergeEntities([owner], entityKey));
  const byCandidateKey = new Map<string, MergedEntity>();
  for (const e of entities) for (const key of e.candidateKeys) byCandidateKey.set(key, e);
  const byKey = new Map(entities.map((e) => [e.key, e]));
  const mentions = mentionsBySentence(entities, sentences);

  // 5–6. Sentence rules and post rules, into one relation set (the most confident statement wins).
  const relations = new Map<string, ExtractedRelation>();
  const ctx: RelationContext = {
    text: post.text,
    sentences,
    mentions,
    subject: postSubject(entities, mentions),
    organisation: postOrganisation(entities, mentions),
    cues: k.relationCues,
    makersOf: (thing) =>
      [...relations.values()]
        .filter((r) => r.type === 'RELEASED' && r.toKey === thing.key)
        .flatMap((r) => byKey.get(r.fromKey) ?? []),
    add(rel) {
      const { from, to, ...rest } = rel;
      if (from === to || from.key === to.key) return;
      const id = `${from.key}|${rel.type}|${to.key}`;
      const prev = relations.get(id);
      if (prev && prev.confidence >= rel.confidence) return;
      relations.set(id, { ...rest, from: from.name, to: to.name, fromKey: from.key, toKey: to.key });
    },
  };
  linkNameRelations(nameRels, byCandidateKey, ctx);
  linkOrganisationPrefixes(entities, ctx);
  linkRepos(hits, repo.owners, byKey, ctx);
  sentenceRelations(ctx);
  linkTitledList(ctx);
  linkKnownParents(entities, byKey, ctx);

  // 7. Evidence.
  // One known name alone proves little ("Chinchilla" is also an animal): it takes two.
  const mlContext =
    domain.channelIsMl || domain.postSaysMl || entities.filter((e) => isUnambiguousMlName(e, k)).length >= 2;
  const kept = keepEvidenced(entities, relations, mlContext);
  return {
    entities: kept.entities.map(
      ({ candidateKeys: _keys, parent: _parent, known: _known, typed: _typed, ...e }) => e,
    ),
    relations: kept.relations,
  };
}

/** Stages 1–3 for every sentence, then the finders that read the whole post. */
function findSentenceCandidates(
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
  sentences.forEach((s, si) => {
    const here = skip.filter((sp) => sp.start < s.end && sp.end > s.start);
    const tokens = tokenize(
      s.text,
      s.start,
      here.length ? [...urlSpans(s.text, s.start), ...here] : undefined,
    );
    // 1. Finders.
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
    // 2. Filter, 3. typing.
    filterCandidates(found, text);
    typeSentenceCandidates(found, s, text, k.relationCues);
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

/** The mentions of every sentence, sorted by start: what the sentence rules read. */
function mentionsBySentence(entities: MergedEntity[], sentences: Sentence[]): SentenceMention[][] {
  const mentions: SentenceMention[][] = sentences.map(() => []);
  for (const e of entities)
    for (const m of e.mentions)
      if (m.sentence >= 0 && m.start >= 0)
        mentions[m.sentence].push({ entity: e, start: m.start, end: m.end });
  for (const list of mentions) list.sort((a, b) => a.start - b.start || b.end - a.end);
  return mentions;
}
