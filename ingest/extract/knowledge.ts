import type { EntityType } from '../model';
import { readMlDomain, type MlDomain } from './domain';
import { DEFAULT_KNOWLEDGE_DIR, readKnowledgeFile } from './knowledge-file';
import { readRelationCues, type RelationCues } from './relation-cues';
import { stemKey, stemRu } from './russian';
import { foldName, hasCyrillic } from './text-utils';

/**
 * The user-editable knowledge files (ingest/knowledge/*.json), read once and indexed for lookups.
 * Names are matched on their folded form (lower case, ё→е); names that are also common words
 * ("Pile", "Prophet", "LIME") must be written with the same capitals as in the file.
 */

export interface KnownName {
  canonical: string;
  type: EntityType;
  aliases: string[];
  /** Organisation this one is part of (Google AI → Google). */
  parent?: string;
}

export interface Knowledge {
  /** Folded surface → known name. */
  byName: Map<string, KnownName>;
  /** Folded surfaces that are common words and so need their listed capitals. */
  exactCase: Map<string, Set<string>>;
  /** Longest known name in tokens (bounds the lookup window). */
  maxTokens: number;
  /** Folded first words of known names, and stems of Cyrillic first words: a cheap pre-check. */
  firstWords: Set<string>;
  /** Folded word-prefixes of known names ("hugging", "hugging face"): stops a lookup early. */
  prefixes: Set<string>;
  /** GitHub owner (lower case) → organisation canonical name. */
  githubOwners: Map<string, string>;
  /** Folded generic terms that are never entities on their own. */
  notEntities: Set<string>;
  /** Generic terms that are library names where a library cue names them ("библиотеки Transformers"). */
  libraryOnlyWhenCued: Set<string>;
  commonEnglish: Set<string>;
  /** Verbs a Title Case headline capitalises ("Launches", "Open-Sources"): never part of a name there. */
  headlineVerbs: Set<string>;
  /** English month and weekday names (calendar-words.json): dates, never part of a name. */
  calendarWords: Set<string>;
  /**
   * Bases of known model names that carry a version ("yolov" of YOLOv7, "gpt" of GPT-4): an unknown
   * name of the same family with another version is a model of that family ("YOLOv9", "GPT-7").
   */
  modelFamilies: Set<string>;
  englishFirstNames: Set<string>;
  russianFirstNames: Map<string, 'm' | 'f'>;
  /** Folded place names (not entities). */
  places: Set<string>;
  /** Stem key (ingest/extract/russian.ts) of Cyrillic names → known name. */
  byStem: Map<string, KnownName>;
  /** What makes a post about ML (ml-domain.json). */
  mlDomain: MlDomain;
  /** Words that state relations (relation-cues.json). */
  relationCues: RelationCues;
}

type Entry = string | string[];
interface NamesFile {
  notEntities: string[];
  libraryOnlyWhenCued?: string[];
  [type: string]: unknown;
}
interface OrganizationsFile {
  organizations: string[][];
  parents: Record<string, string>;
  githubOwners: Record<string, string>;
}

const TYPES: EntityType[] = ['Library', 'Model', 'Dataset', 'Event', 'Product', 'Person'];

export { DEFAULT_KNOWLEDGE_DIR };

export function tokenCount(name: string): number {
  return name.split(/\s+/).filter(Boolean).length;
}

export function buildKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): Knowledge {
  const names = readKnowledgeFile<NamesFile>(dir, 'names.json');
  const orgs = readKnowledgeFile<OrganizationsFile>(dir, 'organizations.json');
  const common = new Set(readKnowledgeFile<{ words: string[] }>(dir, 'english-common-words.json').words);
  const firstEn = new Set(readKnowledgeFile<{ names: string[] }>(dir, 'english-first-names.json').names);
  const firstRu = readKnowledgeFile<{ male: string[]; female: string[] }>(dir, 'russian-first-names.json');

  const byName = new Map<string, KnownName>();
  const exactCase = new Map<string, Set<string>>();
  const byStem = new Map<string, KnownName>();
  const firstWords = new Set<string>();
  const prefixes = new Set<string>();
  let maxTokens = 1;
  const add = (entry: Entry, type: EntityType, parent?: string) => {
    const [canonical, ...aliases] = Array.isArray(entry) ? entry : [entry];
    const known: KnownName = { canonical, type, aliases, ...(parent ? { parent } : {}) };
    for (const surface of [canonical, ...aliases]) {
      const folded = foldName(surface);
      if (!byName.has(folded)) byName.set(folded, known);
      const parts = folded.split(' ');
      for (let n = 1; n <= parts.length; n++) prefixes.add(parts.slice(0, n).join(' '));
      const first = surface.split(/\s+/)[0];
      firstWords.add(foldName(first));
      if (hasCyrillic(first)) firstWords.add(stemRu(first));
      if (hasCyrillic(surface) && !byStem.has(stemKey(surface))) byStem.set(stemKey(surface), known);
      maxTokens = Math.max(maxTokens, tokenCount(surface));
      if (common.has(folded) || /^[а-я]+$/.test(folded)) {
        if (!exactCase.has(folded)) exactCase.set(folded, new Set());
        exactCase.get(folded)!.add(surface);
      }
    }
  };
  for (const entry of orgs.organizations) add(entry, 'Organization', orgs.parents[entry[0]]);
  for (const type of TYPES) for (const entry of (names[type] as Entry[] | undefined) ?? []) add(entry, type);

  const russianFirstNames = new Map<string, 'm' | 'f'>();
  for (const n of firstRu.male) russianFirstNames.set(foldName(n), 'm');
  for (const n of firstRu.female) russianFirstNames.set(foldName(n), 'f');

  return {
    byName,
    exactCase,
    maxTokens,
    firstWords,
    prefixes,
    githubOwners: new Map(Object.entries(orgs.githubOwners).map(([k, v]) => [k.toLowerCase(), v])),
    notEntities: new Set(names.notEntities.map(foldName)),
    libraryOnlyWhenCued: new Set((names.libraryOnlyWhenCued ?? []).map(foldName)),
    commonEnglish: common,
    headlineVerbs: new Set(readKnowledgeFile<{ verbs: string[] }>(dir, 'headline-verbs.json').verbs),
    calendarWords: new Set(readKnowledgeFile<{ words: string[] }>(dir, 'calendar-words.json').words),
    modelFamilies: modelFamiliesOf((names.Model as Entry[] | undefined) ?? []),
    englishFirstNames: firstEn,
    russianFirstNames,
    places: new Set(readKnowledgeFile<{ places: string[] }>(dir, 'places.json').places),
    byStem,
    mlDomain: readMlDomain(dir),
    relationCues: readRelationCues(dir),
  };
}

/** The version at the end of a model name: "v7", "-4", " 3.1", "2.5". */
export const MODEL_VERSION = /(?:[-\s]?v?\d+(?:\.\d+)*[a-z]?)$/i;

function modelFamiliesOf(entries: Entry[]): Set<string> {
  const families = new Set<string>();
  for (const entry of entries)
    for (const name of Array.isArray(entry) ? entry : [entry]) {
      if (!MODEL_VERSION.test(name)) continue;
      const base = foldName(name.replace(MODEL_VERSION, ''));
      // Short bases ("o", "r") would make any versioned word a model.
      if (base.length >= 3 && /\p{L}/u.test(base)) families.add(base);
    }
  return families;
}

let cached: { dir: string; knowledge: Knowledge } | null = null;

/** The knowledge of `dir`, built on first use and kept. */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): Knowledge {
  if (!cached || cached.dir !== dir) cached = { dir, knowledge: buildKnowledge(dir) };
  return cached.knowledge;
}

/** The known name written as `surface`, honouring the capitals rule for common words. */
export function lookupKnown(k: Knowledge, surface: string): KnownName | undefined {
  const folded = foldName(surface);
  const hit = k.byName.get(folded);
  if (!hit) return undefined;
  const exact = k.exactCase.get(folded);
  if (exact && !exact.has(surface)) {
    // Cyrillic names only need a capital first letter; common English words need their exact form.
    if (!(/^[А-ЯЁ]/.test(surface) && [...exact].some((e) => /^[А-ЯЁ]/.test(e)))) return undefined;
  }
  return hit;
}
