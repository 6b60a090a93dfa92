import type { SearchHit } from '../api/contract';
import { soundKey, soundKeyWords } from './spelling';

/** How a hit matches the query: its name or an alias exactly, by a prefix, or only fuzzily. */
export const MatchTier = { exact: 3, prefix: 2, fuzzy: 1 } as const;
export type MatchTier = (typeof MatchTier)[keyof typeof MatchTier];

/**
 * The tier of one hit, on sound keys (server/services/spelling.ts) so that spellings a Russian
 * post or a hurried user writes count as the name itself: "gpt4" is GPT-4 exactly, "лама" LLaMA.
 * A prefix of the whole name or of one of its words is a prefix match ("whis" -> Whisper,
 * "gpts" -> ai-forever/ru-gpts).
 */
export function matchTier(query: string, names: string[]): MatchTier {
  const wanted = soundKey(query);
  if (wanted === '') return MatchTier.fuzzy;
  const keys = names.map(soundKey);
  if (keys.includes(wanted)) return MatchTier.exact;
  if (keys.some((k) => k.startsWith(wanted))) return MatchTier.prefix;
  if (names.some((n) => soundKeyWords(n).some((w) => w.startsWith(wanted)))) return MatchTier.prefix;
  return MatchTier.fuzzy;
}

/**
 * Hits ordered by tier, then by the index's score, then by how often the entity is mentioned:
 * the index alone ranks a popular near miss (GPT for "gpt4") above the name that was meant.
 */
export function rankHits(query: string, hits: SearchHit[]): SearchHit[] {
  const tiers = new Map(hits.map((h) => [h.key, matchTier(query, [h.name, h.key, ...h.aliases])]));
  return [...hits].sort(
    (a, b) =>
      (tiers.get(b.key) ?? 0) - (tiers.get(a.key) ?? 0) ||
      b.score - a.score ||
      b.mentionCount - a.mentionCount ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
