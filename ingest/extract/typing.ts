import type { Sentence } from '../model';
import { resolveSentenceAliases } from './aliases';
import { vote, type Candidate } from './candidate';
import { COMPARED_GAP, cueVotes, POSSESSIVE_OF_THING } from './cues';
import { propagateListTypes } from './entities';
import type { RepoHit } from './repos';
import { ACQUISITION_HINT, isAcquisitionWord, isAgentNoun, type RelationCues } from './relation-cues';
import { compactName } from './text-utils';

/**
 * The typing stage: evidence for what an unknown name is, as votes on its candidates: aliases in
 * brackets, cue words around it, the types of names listed with it, a person's affiliation, a
 * repository owner. Merging (entities.ts) adds the votes up; no vote, no type.
 */

/** Types the candidates of one sentence (sorting them by start). */
export function typeSentenceCandidates(
  found: Candidate[],
  s: Sentence,
  text: string,
  cues: RelationCues,
): void {
  stopTeamsNamedAfterThings(found, text);
  votePersonAffiliations(found, text);
  votePersonsByRole(found, text);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  resolveSentenceAliases(found, text);
  for (const c of found) if (!c.type && !c.stop) cueVotes(c, s.text, s.start);
  voteOrganisationAffiliations(found, text);
  voteComparedWithModels(found, text);
  votePossessiveMakers(found, text);
  voteBenchmarksOfComparisons(found, text);
  voteBenchmarksOfScores(found, text);
  voteAcquired(found, text, cues);
  propagateListTypes(
    found.filter((c) => !c.stop && !c.genericTerm),
    text,
  );
}

/** A live candidate no finder or knowledge typed: what the votes below are for. */
const isUntyped = (c: Candidate) => !c.known && !c.type && !c.stop;

const ML_THING = new Set(['Model', 'Library', 'Dataset']);
const TEAM_AFTER = /^\s+(?:team|group|команд\p{L}*)(?![\p{L}])/iu;
const TEAM_BEFORE = /(?:^|\s)(?:команд\p{L}*|групп\p{L}*|team)\s+$/iu;

/** "the Qwen team", "команда Gemini": the people behind a model, not a mention of the model. */
function stopTeamsNamedAfterThings(found: Candidate[], text: string): void {
  for (const c of found) {
    if (!c.known || !ML_THING.has(c.known.type)) continue;
    if (
      TEAM_AFTER.test(text.slice(c.end, c.end + 12)) ||
      TEAM_BEFORE.test(text.slice(Math.max(0, c.start - 12), c.start))
    )
      c.stop = true;
  }
}

const AFFILIATION_GAP = /^\s*(?:,\s*)?(?:из|from|at|@)\s+$/iu;

/** "Чиен-Яо Ванг из Academia Sinica", "Jane Roe from Quillfeather": what a person is from is an organisation. */
function votePersonAffiliations(found: Candidate[], text: string): void {
  const people = found.filter((c) => c.type === 'Person');
  if (!people.length) return;
  for (const c of found) {
    if (!isUntyped(c)) continue;
    const p = people.find((x) => x.end <= c.start && AFFILIATION_GAP.test(text.slice(x.end, c.start)));
    if (p) vote(c, 'Organization', 2);
  }
}

/** Two or three capitalised words: the shape of a person's name. */
const PERSON_SHAPE = /^\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}$/u;
/**
 * What only a person is or has: "X is the first author", "X's group", "X leads the project at Y",
 * "X и его коллеги" is in cues.ts.
 */
const PERSON_ROLE_AFTER =
  /^(?:\s+et\s+al\.?|\s*,\s*(?:a|an|the)\s+(?:[\p{L}-]+\s+)?(?:researcher|scientist|engineer|professor|student|founder|co-?founder|author|developer|director|partner)s?\s+(?:at|of|from|in)\s|\s+(?:is|was)\s+(?:the\s+|a\s+)?(?:first|last|lead|senior|corresponding|co-?)[\s-]*author|['’]s\s+(?:research\s+)?(?:group|lab|students?|postdocs?)(?![\p{L}])|\s+(?:leads|heads|led|headed|runs)\s+(?:the\s+|a\s+)?(?:[\p{L}-]+\s+){0,3}(?:at|in)\s)/iu;
const IN_BRACKETS = /^\s*\(\s*$/u;
const SAYS_AFTER =
  /^\s+(?:says|said|told|tweeted|wrote|argues|argued|believes|thinks|explained|noted|recalls)(?![\p{L}])/u;
/** "hired Tarin Vosk", "назначила Марину Петрову": only people are hired. */
const HIRED_BEFORE =
  /(?:hired|hires|appointed|appoints|poached|recruited|наняла?|назначила?|(?:^|[\s,"«»”])(?:said|says|told|asked))\s+(?:former\s+)?$/iu;

/**
 * "Albert Gu (Carnegie Mellon)": a name with an organisation alone in brackets after it is a person
 * (the organisation is where they work); "Ziming Liu is the first author": so is one with a role.
 */
function votePersonsByRole(found: Candidate[], text: string): void {
  for (const c of found) {
    if (!isUntyped(c) || !PERSON_SHAPE.test(c.name)) continue;
    if (
      PERSON_ROLE_AFTER.test(text.slice(c.end, c.end + 60)) ||
      HIRED_BEFORE.test(text.slice(Math.max(0, c.start - 30), c.start))
    ) {
      vote(c, 'Person', 3);
      continue;
    }
    // Organisations say things too ("Cusco Trekking says"): a weak vote that an affiliation outweighs.
    if (SAYS_AFTER.test(text.slice(c.end, c.end + 20))) vote(c, 'Person', 1.5);
    const org = found.find(
      (o) => o.start >= c.end && IN_BRACKETS.test(text.slice(c.end, o.start)) && o !== c,
    );
    if (
      org &&
      (org.type === 'Organization' || org.known?.type === 'Organization') &&
      /^\s*\)/.test(text.slice(org.end))
    )
      vote(c, 'Person', 2.5);
  }
}

const ORG_OF_ORG_GAP = /^\s*(?:,\s*)?(?:из|from|at)\s+(?:the\s+)?$/iu;
const AND_GAP = /^\s*(?:,|и|and|&)\s*$/iu;
const AFFILIATED_BEFORE =
  /(?:researchers|scientists|engineers|teams?|учён\p{L}*|учен\p{L}*|исследовател\p{L}*|разработчик\p{L}*|команд\p{L}*|специалист\p{L}*|сотрудник\p{L}*)\s+(?:из|from|at|of)\s+(?:the\s+)?$/iu;

const isOrganisationSoFar = (c: Candidate) =>
  !c.stop && (c.type === 'Organization' || (!c.type && (c.votes.Organization ?? 0) >= 2));

/**
 * Where an organisation is, or who else researchers come from, is an organisation too: "группой
 * CompVis из LMU Munich", "researchers from Google and TU Berlin", "учёные из МФТИ и Quillfeather".
 */
function voteOrganisationAffiliations(found: Candidate[], text: string): void {
  const live = found.filter((c) => !c.stop);
  for (let i = 1; i < live.length; i++) {
    const c = live[i];
    if (c.known || c.type || c.genericTerm) continue;
    const prev = live[i - 1];
    if (!isOrganisationSoFar(prev) || prev.end > c.start) continue;
    const gap = text.slice(prev.end, c.start);
    const listedAfterCue =
      AND_GAP.test(gap) && AFFILIATED_BEFORE.test(text.slice(Math.max(0, prev.start - 40), prev.start));
    if (ORG_OF_ORG_GAP.test(gap) || listedAfterCue) vote(c, 'Organization', 2);
  }
}

/** "Vanta-7 matches GPT-4", "GPT-4 уступает Vanta-7": what is compared with a known model is a model. */
function voteComparedWithModels(found: Candidate[], text: string): void {
  const live = found.filter((c) => !c.stop && !c.genericTerm);
  const isKnownModel = (c: Candidate) => c.known?.type === 'Model';
  const unknown = (c: Candidate) => !c.known && !c.type;
  for (let i = 0; i + 1 < live.length; i++) {
    const [a, b] = [live[i], live[i + 1]];
    if (b.start < a.end || !COMPARED_GAP.test(text.slice(a.end, b.start))) continue;
    if (unknown(a) && isKnownModel(b)) vote(a, 'Model', 2);
    else if (isKnownModel(a) && unknown(b)) vote(b, 'Model', 2);
  }
}

/** "Quillfeather’s new speech model": who owns a model, library or product is its maker, an organisation. */
function votePossessiveMakers(found: Candidate[], text: string): void {
  for (const c of found)
    if (isUntyped(c) && POSSESSIVE_OF_THING.test(text.slice(c.end, c.end + 60))) vote(c, 'Organization', 2);
}

const BEATEN_ON =
  /(?:outperform\p{L}*|beats?|beating|surpass\p{L}*|rivals?|matches|превосходит|обгоняет|опережает)\s+(?:[\p{L}\d.-]+\s+){1,4}(?:on|на)\s+(?:the\s+)?$/iu;

/** "outperforms Whisper large-v3 on FLEURS": where two models are compared is a benchmark. */
function voteBenchmarksOfComparisons(found: Candidate[], text: string): void {
  for (const c of found)
    if (isUntyped(c) && BEATEN_ON.test(text.slice(Math.max(0, c.start - 80), c.start))) vote(c, 'Dataset', 2);
}

const ON_BEFORE = /(?:^|[\s(])(?:на|on)\s+$/iu;
const SCORE_AFTER =
  /^\s*,?\s*(?:(?:она|он|оно|модель|it|the model)\s+)?(?:набира\p{L}*|набрал\p{L}*|достига\p{L}*|достиг\p{L}*|показыва\p{L}*|показал\p{L}*|получа\p{L}*|scores?|scored|achieves?|reaches|gets)(?![\p{L}])/iu;

const ANAPHOR_SUBJECT_AFTER = /^\s*,?\s*(?:модель|the model)\s/iu;
/** "На ruMMLU она набирает 0,77", "On GSM8K it scores 91%": what a score is stated on is a benchmark. */
function voteBenchmarksOfScores(found: Candidate[], text: string): void {
  for (const c of found)
    if (
      !c.known &&
      !c.type &&
      !c.stop &&
      ON_BEFORE.test(text.slice(Math.max(0, c.start - 4), c.start)) &&
      SCORE_AFTER.test(text.slice(c.end, c.end + 40))
    )
      // "на ARC-AGI модель набрала": "модель" is the scoring verb's subject, not a cue word for the name
      // (which gave it a Model vote of 2.5): outvote it.
      vote(c, 'Dataset', ANAPHOR_SUBJECT_AFTER.test(text.slice(c.end, c.end + 20)) ? 3 : 2);
}

const WORDS_BEFORE = /([\p{L}-]+)(?:\s+([\p{L}-]+))?\s+$/u;

/** "Hugging Face acquired XetHub", "о покупке стартапа Gradio": what is bought is an organisation. */
function voteAcquired(found: Candidate[], text: string, cues: RelationCues): void {
  const isCue = (w: string) => isAcquisitionWord(w, cues.acquired);
  const isAgent = (w: string) => isAgentNoun(w, cues.released);
  for (const c of found) {
    if (!isUntyped(c)) continue;
    const lead = text.slice(Math.max(0, c.start - 40), c.start);
    // Cheap first: most names have no acquisition word before them.
    if (!ACQUISITION_HINT.test(lead)) continue;
    const m = WORDS_BEFORE.exec(lead);
    if (!m) continue;
    const [, first, second] = m;
    const last = second ?? first;
    if (isCue(last) || (second !== undefined && isAgent(second) && isCue(first))) vote(c, 'Organization', 2);
  }
}

/** "код лежит в репозитории ai-forever" with github.com/ai-forever/… linked: the owner is an organisation. */
export function voteRepoOwners(cands: Candidate[], hits: RepoHit[]): void {
  if (!hits.length) return;
  const owners = new Set(hits.map((h) => compactName(h.owner)));
  for (const c of cands) if (isUntyped(c) && owners.has(compactName(c.name))) vote(c, 'Organization', 3);
}
