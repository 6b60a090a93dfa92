import { DEFAULT_KNOWLEDGE_DIR, readKnowledgeFile } from './knowledge-file';

/**
 * The event words of every finder and cue, from one editable list (ingest/knowledge/event-words.json),
 * compiled once into the shapes the finders need. Read from the default knowledge folder when this
 * module loads, because the finders build their patterns at load time.
 */

interface EventWordsFile {
  nouns: { en: string[]; ru: string[] };
  nameHeads: string[];
  cueOnly: { en: string[]; ru: string[] };
  formats: string[];
}

const words = readKnowledgeFile<EventWordsFile>(DEFAULT_KNOWLEDGE_DIR, 'event-words.json');
const ruStems = words.nouns.ru.map((s) => `${s}\\p{L}*`);

/** Alternation of every event noun, Russian ones in any case form (for use inside a regex). */
export const EVENT_NOUNS = [...words.nouns.en, ...ruStems].join('|');
/** Event nouns and the words that end event names: a word that makes a name an event's. */
export const EVENT_HEAD_WORDS = [EVENT_NOUNS, ...words.nameHeads].join('|');
/** Event nouns and the weaker words that hint at an event next to a name. */
export const EVENT_CUE_WORDS = [
  EVENT_NOUNS,
  ...words.cueOnly.en,
  ...words.cueOnly.ru.map((w) => `${w}\\p{L}*`),
].join('|');
/** Format words before an event noun in digests ("Virtual conference", "онлайн-митап"). */
export const EVENT_FORMATS = words.formats.map((w) => `${w}\\p{L}*`).join('|');
