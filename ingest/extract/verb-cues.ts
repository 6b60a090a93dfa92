import { DEFAULT_KNOWLEDGE_DIR, readKnowledgeFile } from './knowledge-file';

/**
 * The verbs and phrases that state relations (ingest/knowledge/verb-cues.json), as the sentence rules
 * use them: one global regex per list, and a cheap hint (the entries' literal beginnings) tested on
 * the lower-cased sentence before the regex runs, because most sentences have no cue.
 */

export interface VerbCue {
  /** Global, Unicode, case-insensitive; matches whole words only. */
  re: RegExp;
  /** Whether a lower-cased sentence may hold a match at all. */
  hint(lower: string): boolean;
}

type VerbCueFile = Record<
  'release' | 'authoring' | 'outperform' | 'scoreAgainst' | 'losesTo' | 'use' | 'organize',
  string[]
>;

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

function entryPattern(entry: string): string {
  return escape(entry).replace(/\*/g, '\\p{L}*').replace(/ /g, '\\s+');
}

export function verbCue(entries: readonly string[]): VerbCue {
  const re = new RegExp(`(?<![\\p{L}])(?:${entries.map(entryPattern).join('|')})(?![\\p{L}])`, 'giu');
  const hints = [...new Set(entries.map((e) => e.split('*')[0].toLowerCase()))];
  return { re, hint: (lower) => hints.some((h) => lower.includes(h)) };
}

/** Whether `text` starts with one of the entries (word beginnings, case-insensitive). */
export function startsWithOne(entries: readonly string[]): (text: string) => boolean {
  const re = new RegExp(`^(?:${entries.map(escape).join('|')})`, 'iu');
  return (text) => re.test(text);
}

const file = readKnowledgeFile<VerbCueFile>(DEFAULT_KNOWLEDGE_DIR, 'verb-cues.json');

export const RELEASE_CUE = verbCue(file.release);
export const isAuthoring = startsWithOne(file.authoring);
export const OUTPERFORM_CUE = verbCue(file.outperform);
export const LOSES_TO_CUE = verbCue(file.losesTo);
/** "79.8% against 79.2% for X": what joins two scores set side by side. */
export const SCORE_AGAINST_CUE = verbCue(file.scoreAgainst);
export const USE_CUE = verbCue(file.use);
export const ORGANIZE_CUE = verbCue(file.organize);
