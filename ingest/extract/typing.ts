import type { Sentence } from '../model';
import { resolveSentenceAliases } from './aliases';
import { vote, type Candidate } from './candidate';
import { cueVotes } from './cues';
import { propagateListTypes } from './entities';
import type { RepoHit } from './repos';
import { compactName } from './text-utils';

/**
 * The typing stage: evidence for what an unknown name is, as votes on its candidates: aliases in
 * brackets, cue words around it, the types of names listed with it, a person's affiliation, a
 * repository owner. Merging (entities.ts) adds the votes up; no vote, no type.
 */

/** Types the candidates of one sentence (sorting them by start). */
export function typeSentenceCandidates(found: Candidate[], s: Sentence, text: string): void {
  votePersonAffiliations(found, text);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  resolveSentenceAliases(found, text);
  for (const c of found) if (!c.type && !c.stop) cueVotes(c, s.text, s.start);
  propagateListTypes(
    found.filter((c) => !c.stop),
    text,
  );
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
export function voteRepoOwners(cands: Candidate[], hits: RepoHit[]): void {
  if (!hits.length) return;
  const owners = new Set(hits.map((h) => compactName(h.owner)));
  for (const c of cands)
    if (!c.known && !c.type && !c.stop && owners.has(compactName(c.name))) vote(c, 'Organization', 3);
}
