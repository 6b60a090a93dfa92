/**
 * Small hand-built Extractions for the loader tests: they exercise the loader alone, whatever the
 * extractor does. Offsets and sentences are computed from the text so they are always consistent.
 */
import { entityKey } from '../../vocabulary/keys';
import type { EntityType, RelationType } from '../../vocabulary/types';
import type {
  ExtractedEntity,
  ExtractedPost,
  ExtractedRelation,
  Extraction,
  Sentence,
} from '../../ingest/model';

export interface PostSpec {
  messageId: number;
  text: string;
  date?: string | null;
  forwardedFrom?: string | null;
  /** name -> type; surfaces default to the name itself. */
  entities: { name: string; type: EntityType; aliases?: string[]; surfaces?: string[] }[];
  relations?: {
    from: string;
    type: RelationType;
    to: string;
    confidence?: number;
    score?: number;
    metric?: string;
  }[];
}

/** Sentences end at . ! ? followed by a space or the end ("70.6" stays inside its sentence). */
function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const re = /\S.*?(?:[.!?](?=\s|$)|$)/g;
  for (let m = re.exec(text); m && m[0]; m = re.exec(text)) {
    sentences.push({ text: m[0], start: m.index, end: m.index + m[0].length, lang: 'en' });
  }
  return sentences;
}

export function post(channel: string, spec: PostSpec): ExtractedPost {
  const sentences = splitSentences(spec.text);
  const sentenceAt = (offset: number) =>
    Math.max(
      0,
      sentences.findIndex((s) => offset >= s.start && offset < s.end),
    );
  const entities: ExtractedEntity[] = spec.entities.map((e) => {
    const mentions = [];
    for (const surface of e.surfaces ?? [e.name]) {
      for (
        let at = spec.text.indexOf(surface);
        at >= 0;
        at = spec.text.indexOf(surface, at + surface.length)
      ) {
        mentions.push({ surface, start: at, end: at + surface.length, sentence: sentenceAt(at) });
      }
    }
    return { key: entityKey(e.name), name: e.name, type: e.type, aliases: e.aliases ?? [], mentions };
  });
  const relations: ExtractedRelation[] = (spec.relations ?? []).map((r) => {
    const at = spec.text.indexOf(r.to);
    return {
      from: r.from,
      to: r.to,
      fromKey: entityKey(r.from),
      toKey: entityKey(r.to),
      type: r.type,
      evidence: sentences[sentenceAt(at)]?.text ?? spec.text,
      confidence: r.confidence ?? 0.9,
      ...(r.score !== undefined ? { score: r.score } : {}),
      ...(r.metric !== undefined ? { metric: r.metric } : {}),
    };
  });
  return {
    id: `${channel}/${spec.messageId}`,
    messageId: String(spec.messageId),
    title: spec.text.split(/[.!?]/)[0],
    date:
      spec.date === undefined ? `2024-01-${String(spec.messageId).padStart(2, '0')}T10:00:00Z` : spec.date,
    edited: null,
    forwardedFrom: spec.forwardedFrom ?? null,
    sourceUrl: `https://t.me/${channel}/${spec.messageId}`,
    text: spec.text,
    language: 'en',
    sentences,
    links: [],
    entities,
    relations,
  };
}

export function extraction(channel: string, posts: PostSpec[]): Extraction {
  return {
    channel: {
      key: channel,
      title: `Channel ${channel}`,
      username: channel,
      telegramId: null,
      subscribers: null,
      description: null,
      format: 'telegram-json',
    },
    posts: posts.map((spec) => post(channel, spec)),
  };
}

/** Two posts that both say Meta released Llama, plus a post about Mistral. */
export const TWO_POSTS_SAME_RELATION: PostSpec[] = [
  {
    messageId: 1,
    text: 'Meta released Llama today. It runs on PyTorch.',
    entities: [
      { name: 'Meta', type: 'Organization', aliases: ['Facebook'] },
      { name: 'Llama', type: 'Model' },
      { name: 'PyTorch', type: 'Library' },
    ],
    relations: [
      { from: 'Meta', type: 'RELEASED', to: 'Llama' },
      { from: 'Llama', type: 'USES', to: 'PyTorch' },
    ],
  },
  {
    messageId: 2,
    text: 'A week later Meta released Llama weights for everyone.',
    entities: [
      { name: 'Meta', type: 'Organization', aliases: ['FB AI'] },
      { name: 'Llama', type: 'Model' },
    ],
    relations: [{ from: 'Meta', type: 'RELEASED', to: 'Llama' }],
  },
  {
    messageId: 3,
    text: 'Mistral AI released Mixtral. Mixtral scores 70.6 on MMLU.',
    forwardedFrom: 'Paper Digest',
    entities: [
      { name: 'Mistral AI', type: 'Organization' },
      { name: 'Mixtral', type: 'Model' },
      { name: 'MMLU', type: 'Dataset' },
    ],
    relations: [
      { from: 'Mistral AI', type: 'RELEASED', to: 'Mixtral' },
      { from: 'Mixtral', type: 'EVALUATED_ON', to: 'MMLU', score: 70.6, metric: 'accuracy' },
    ],
  },
];
