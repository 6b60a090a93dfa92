import { readKnowledgeFile } from './knowledge-file';
import { parses } from './morphology';

/**
 * The words that state relations, as data (ingest/knowledge/relation-cues.json): Russian verbs by
 * lemma (matched through ingest/extract/morphology.ts in any form), English verbs by form.
 */

export interface WorksAtCues {
  ruVerbs: ReadonlySet<string>;
  enVerbs: ReadonlySet<string>;
  prepositions: ReadonlySet<string>;
  tenure: ReadonlySet<string>;
  formerly: ReadonlySet<string>;
}

export interface ReleasedCues {
  /** Lemmas of release verbs: active, passive participles and relative clauses all match. */
  ruVerbs: ReadonlySet<string>;
  /** Lemmas of agent nouns that may stand between a passive verb and its maker ("компанией X"). */
  agents: ReadonlySet<string>;
  /** Phrases that join a second maker to the first ("совместно с", "together with"), lower-cased. */
  coAgents: readonly string[];
}

/** Words that say one organisation bought another ("покупает", "приобретение", "acquired"). */
export interface AcquiredCues {
  /** Russian lemmas, verbs and nouns. */
  ru: ReadonlySet<string>;
  /** English words as written, lower-cased. */
  en: ReadonlySet<string>;
}

export interface RelationCues {
  worksAt: WorksAtCues;
  released: ReleasedCues;
  acquired: AcquiredCues;
  /** Words that open a sentence about the post's subject ("она", "модель", "it"). */
  anaphora: ReadonlySet<string>;
}

interface RelationCuesFile {
  worksAt: Record<keyof WorksAtCues, string[]>;
  released: { ruVerbs: string[]; agents: string[]; coAgents: string[] };
  acquired: Record<keyof AcquiredCues, string[]>;
  anaphora: string[];
}

const lower = (words: string[]) => new Set(words.map((w) => w.toLowerCase()));

export function readRelationCues(dir: string): RelationCues {
  const raw = readKnowledgeFile<RelationCuesFile>(dir, 'relation-cues.json');
  const w = raw.worksAt;
  return {
    worksAt: {
      ruVerbs: lower(w.ruVerbs),
      enVerbs: lower(w.enVerbs),
      prepositions: lower(w.prepositions),
      tenure: lower(w.tenure),
      formerly: lower(w.formerly),
    },
    released: {
      ruVerbs: lower(raw.released.ruVerbs),
      agents: lower(raw.released.agents),
      coAgents: raw.released.coAgents.map((w) => w.toLowerCase()),
    },
    acquired: { ru: lower(raw.acquired.ru), en: lower(raw.acquired.en) },
    anaphora: lower(raw.anaphora),
  };
}

/** English agent nouns, written as they are ("the startup X"): Russian ones are lemmas in relation-cues.json. */
const ENGLISH_AGENTS = new Set(['startup', 'company', 'firm', 'lab']);

/** An agent noun that may stand before a maker or what is bought ("компанией", "стартапа", "the startup"). */
export function isAgentNoun(word: string, cues: ReleasedCues): boolean {
  return ENGLISH_AGENTS.has(word.toLowerCase()) || parses(word).some((p) => cues.agents.has(p.lemma));
}

/** A word that says something was bought ("покупке", "acquired"). */
export function isAcquisitionWord(word: string, cues: AcquiredCues): boolean {
  return cues.en.has(word.toLowerCase()) || parses(word).some((p) => cues.ru.has(p.lemma));
}

/** Stems of the acquisition words, tested before the word-by-word lemma test. */
export const ACQUISITION_HINT = /куп|приобрет|поглот|поглощ|acqui|buy|bought|purchas/iu;
