/**
 * Deterministic synthetic Extractions for the loader tests: no parsing or NLP involved,
 * so what they measure is the loader alone. Entity popularity is long-tailed (a few entities in most
 * posts, most in one or two), like a real channel.
 */
import { entityKey } from '../../vocabulary/keys';
import type { EntityType } from '../../vocabulary/types';
import type {
  ExtractedEntity,
  ExtractedPost,
  ExtractedRelation,
  Extraction,
  Sentence,
} from '../../ingest/model';

export interface SyntheticOptions {
  posts: number;
  /** Distinct entities in the pool; default posts / 2 (at least 20). */
  entities?: number;
  channel?: string;
  /** Changes which entities each post picks (same seed, same extraction). */
  seed?: number;
}

const TYPES: EntityType[] = ['Organization', 'Model', 'Library', 'Dataset', 'Person'];

export function syntheticExtraction({
  posts,
  entities,
  channel = 'synthetic',
  seed = 1,
}: SyntheticOptions): Extraction {
  const poolSize = entities ?? Math.max(20, Math.floor(posts / 2));
  let state = seed >>> 0 || 1;
  const random = () => {
    // xorshift32: deterministic and fast.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  // Squaring a uniform number favours small indexes: entity 0 is in many posts, the tail in few.
  const pickEntity = () => Math.floor(random() * random() * poolSize);
  const name = (i: number) => `${TYPES[i % TYPES.length]} ${i}`;

  const out: ExtractedPost[] = [];
  for (let id = 1; id <= posts; id++) {
    const picked = new Set<number>();
    while (picked.size < 5) picked.add(pickEntity());
    const indexes = [...picked];
    const sentences = indexes.map((i, n) => `Sentence ${n} of post ${id} is about ${name(i)}.`);
    const text = sentences.join(' ');
    const sentenceRows: Sentence[] = [];
    let offset = 0;
    for (const s of sentences) {
      sentenceRows.push({ text: s, start: offset, end: offset + s.length, lang: 'en' });
      offset += s.length + 1;
    }
    const postEntities: ExtractedEntity[] = indexes.map((i, n) => {
      const start = sentenceRows[n].end - name(i).length - 1;
      return {
        key: entityKey(name(i)),
        name: name(i),
        type: TYPES[i % TYPES.length],
        aliases: i % 3 === 0 ? [`${name(i)} alias`] : [],
        mentions: [{ surface: name(i), start, end: start + name(i).length, sentence: n }],
      };
    });
    const relations: ExtractedRelation[] = [0, 1, 2].map((n) => {
      const from = postEntities[n];
      const to = postEntities[n + 1];
      return {
        from: from.name,
        to: to.name,
        fromKey: from.key,
        toKey: to.key,
        type: (['RELEASED', 'USES', 'EVALUATED_ON'] as const)[n],
        evidence: sentenceRows[n].text,
        confidence: 0.8,
        ...(n === 2 ? { score: 90.5, metric: 'accuracy' } : {}),
      };
    });
    const date = new Date(Date.UTC(2022, 0, 1) + id * 3_600_000).toISOString().replace('.000Z', 'Z');
    out.push({
      id: `${channel}/${id}`,
      messageId: String(id),
      title: `Post ${id}`,
      date,
      edited: null,
      forwardedFrom: id % 10 === 0 ? 'Other Channel' : null,
      sourceUrl: `https://t.me/${channel}/${id}`,
      text,
      language: 'en',
      sentences: sentenceRows,
      links: [],
      entities: postEntities,
      relations,
    });
  }
  return {
    channel: {
      key: channel,
      title: `Synthetic ${channel}`,
      username: channel,
      telegramId: null,
      subscribers: null,
      description: null,
      format: 'telegram-json',
    },
    posts: out,
  };
}
