import { DEFAULT_KNOWLEDGE_DIR, readKnowledgeFile } from '../../ingest/extract/knowledge-file';
import { normalizeName } from '../../vocabulary/keys';

/**
 * Spellings of one name across scripts, for search: Russian posts write Latin names by ear
 * ("опенаи", "лама", "виспер") and Latin names of Russian organisations ("Sber"). The letter tables
 * and sound folds are data (ingest/knowledge/transliteration.json); this module only applies them.
 */
interface TransliterationFile {
  cyrillicToLatin: Record<string, string>;
  latinToCyrillic: Record<string, string>;
  soundFolds: Record<string, string>;
}

/** A replacement table as one alternation, longest sequences first so "shch" wins over "sh" and "s". */
interface Table {
  pattern: RegExp;
  map: Map<string, string>;
}

function table(entries: Record<string, string>): Table {
  const map = new Map(Object.entries(entries));
  const alternatives = [...map.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const escaped = alternatives.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { pattern: new RegExp(escaped.join('|'), 'gu'), map };
}

const file = readKnowledgeFile<TransliterationFile>(DEFAULT_KNOWLEDGE_DIR, 'transliteration.json');
const TO_LATIN = table(file.cyrillicToLatin);
const TO_CYRILLIC = table(file.latinToCyrillic);
const SOUND_FOLDS = table(file.soundFolds);

function apply(t: Table, text: string): string {
  return text.replace(t.pattern, (s) => t.map.get(s) ?? s);
}

/** Russian letters written in Latin ("опенаи" -> "openai"); other characters stay. Lower-case input. */
export function toLatin(text: string): string {
  return apply(TO_LATIN, text);
}

/** Latin letters written in Russian ("sber" -> "сбер"); other characters stay. Lower-case input. */
export function toCyrillic(text: string): string {
  return apply(TO_CYRILLIC, text);
}

/**
 * The search key of a name: normalised, in Latin, with the sounds Russian transcription merges
 * folded together (w/v, c/k, y/i…), doubled letters single and everything but letters and digits
 * removed. "GPT-4" and "gpt4" -> "gpt4"; "LLaMA" and "лама" -> "lama"; "Whisper" and "виспер" -> "visper".
 */
export function soundKey(name: string): string {
  const latin = toLatin(normalizeName(name));
  return apply(SOUND_FOLDS, latin)
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/(\p{L})\1+/gu, '$1');
}

/** The words of a name, each as its sound key ("ai-forever/ru-gpts" -> ai, forever, ru, gpts). */
export function soundKeyWords(name: string): string[] {
  return normalizeName(name)
    .split(/[^\p{L}\p{N}]+/u)
    .map(soundKey)
    .filter((w) => w.length > 0);
}

/**
 * The query as typed plus its spellings in the other script, distinct, the typed one first:
 * "опенаи" -> ["опенаи", "openai"]; "sber" -> ["sber", "сбер"].
 */
export function spellingVariants(query: string): string[] {
  const typed = normalizeName(query);
  return [...new Set([typed, toLatin(typed), toCyrillic(typed)])];
}
