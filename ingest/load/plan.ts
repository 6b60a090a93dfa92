/**
 * Turns an Extraction into the rows the loader writes, and checks it first: every write of an
 * import happens only after the whole extraction has been validated here, so bad input writes
 * nothing. Pure (no I/O), so it is unit-tested without a database.
 */
import { InputError } from '../errors';
import { channelKey } from '../../vocabulary/keys';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from '../../vocabulary/types';
import type { ExtractedPost, Extraction } from '../model';

const ORIGIN = 'ingest/load';

/** Separates the parts of a relation key stored on Post.relationKeys (never occurs in keys). */
export const RELATION_KEY_SEPARATOR = '\u001f';

export interface ChannelRow {
  key: string;
  title: string;
  username: string | null;
  telegramId: string | null;
  subscribers: number | null;
  description: string | null;
  format: string;
}

export interface EntityRow {
  key: string;
  name: string;
  /** The type most posts of this extraction give it; the graph's final type is recomputed from all posts. */
  type: EntityType;
  /** Every other name seen for it in this extraction (aliases and differently spelt names). */
  aliases: string[];
  url: string | null;
}

export interface PostRow {
  key: string;
  channel: string;
  messageId: string | null;
  title: string;
  date: string | null;
  edited: string | null;
  text: string;
  language: string;
  forwardedFrom: string | null;
  /** Key of the channel the post was forwarded from (a slug of its title), else null. */
  forwardedKey: string | null;
  sourceUrl: string | null;
  links: string[];
  /** Keys of the entities this post mentions: older MENTIONS to anything else are removed. */
  entityKeys: string[];
  /** "TYPE<sep>from<sep>to" for every relation this post states: older ones are removed. */
  relationKeys: string[];
}

export interface MentionRow {
  post: string;
  entity: string;
  /** The type this post's extraction gave the entity: the entity's type is the majority vote. */
  type: EntityType;
  count: number;
  /** Flat list start,end,start,end… into the post text. */
  offsets: number[];
  /** Distinct texts of the sentences that mention it, in post order. */
  sentences: string[];
  /**
   * The names this post gives the entity (its name first, then its aliases): deleting a channel
   * (delete-channel.ts) keeps only the aliases that posts of other channels still give.
   */
  names: string[];
}

export interface RelationRow {
  post: string;
  from: string;
  to: string;
  type: RelationType;
  evidence: string;
  confidence: number;
  date: string | null;
  score: number | null;
  metric: string | null;
  benchmark: string | null;
}

/** One post with everything it writes; posts are written in batches of these. */
export interface PostPlan {
  post: PostRow;
  mentions: MentionRow[];
  relations: RelationRow[];
}

export interface LoadPlan {
  channel: ChannelRow;
  entities: EntityRow[];
  posts: PostPlan[];
  /** Posts dropped because an earlier post of the same extraction had the same key. */
  duplicatePosts: number;
}

export function relationKey(type: string, from: string, to: string): string {
  return [type, from, to].join(RELATION_KEY_SEPARATOR);
}

const ENTITY_TYPE_SET: ReadonlySet<string> = new Set(ENTITY_TYPES);
const RELATION_TYPE_SET: ReadonlySet<string> = new Set(RELATION_TYPES);

/** Validates an extraction and builds its rows; throws InputError naming the source (file) and post. */
export function planLoad(extraction: Extraction, source?: string): LoadPlan {
  const file = source ?? (extraction.channel?.key || 'extraction');
  if (!extraction.channel || !extraction.channel.key) {
    throw new InputError(ORIGIN, file, 'the extraction has no channel key');
  }
  if (!Array.isArray(extraction.posts))
    throw new InputError(ORIGIN, file, 'the extraction has no posts list');
  const channel = toChannelRow(extraction);
  const entities = new EntityAccumulator();
  const posts: PostPlan[] = [];
  const seenPosts = new Set<string>();
  let duplicatePosts = 0;
  for (const post of extraction.posts) {
    if (!post.id) throw new InputError(ORIGIN, file, 'a post has no id', describePost(post));
    if (seenPosts.has(post.id)) {
      // Identical posts without a message id share a content-hash key: the first one stands.
      duplicatePosts++;
      continue;
    }
    seenPosts.add(post.id);
    posts.push(planPost(post, channel.key, file, entities));
  }
  return { channel, entities: entities.rows(), posts, duplicatePosts };
}

function toChannelRow({ channel }: Extraction): ChannelRow {
  return {
    key: channel.key,
    title: channel.title,
    username: channel.username ?? null,
    telegramId: channel.telegramId ?? null,
    subscribers: channel.subscribers ?? null,
    description: channel.description ?? null,
    format: channel.format,
  };
}

function describePost(post: ExtractedPost): string {
  return post.messageId ? `message ${post.messageId}` : `post ${post.id || JSON.stringify(post.title)}`;
}

function planPost(post: ExtractedPost, channel: string, file: string, entities: EntityAccumulator): PostPlan {
  const where = describePost(post);
  const mentionsByKey = new Map<string, MentionRow>();
  for (const entity of post.entities ?? []) {
    if (!entity.key) throw new InputError(ORIGIN, file, `entity "${entity.name}" has no key`, where);
    if (!ENTITY_TYPE_SET.has(entity.type)) {
      throw new InputError(ORIGIN, file, `entity "${entity.name}" has unknown type "${entity.type}"`, where);
    }
    entities.add(entity.key, entity.name, entity.type, entity.aliases ?? [], entity.url ?? null);
    const mention = mentionsByKey.get(entity.key) ?? {
      post: post.id,
      entity: entity.key,
      type: entity.type,
      count: 0,
      offsets: [],
      sentences: [],
      names: [],
    };
    for (const name of [entity.name, ...(entity.aliases ?? [])]) {
      if (!mention.names.includes(name)) mention.names.push(name);
    }
    for (const m of entity.mentions ?? []) {
      mention.count++;
      mention.offsets.push(m.start, m.end);
      const sentence = post.sentences?.[m.sentence]?.text;
      if (sentence !== undefined && !mention.sentences.includes(sentence)) mention.sentences.push(sentence);
    }
    mentionsByKey.set(entity.key, mention);
  }
  // A post that names an entity only in metadata still mentions it once.
  for (const mention of mentionsByKey.values()) mention.count = Math.max(mention.count, 1);

  const relationsByKey = new Map<string, RelationRow>();
  for (const relation of post.relations ?? []) {
    const what = `relation ${relation.from} -${relation.type}-> ${relation.to}`;
    if (!RELATION_TYPE_SET.has(relation.type))
      throw new InputError(ORIGIN, file, `${what}: unknown type`, where);
    for (const end of [relation.fromKey, relation.toKey]) {
      if (!mentionsByKey.has(end)) {
        throw new InputError(
          ORIGIN,
          file,
          `${what}: its end "${end}" is not among the post's entities`,
          where,
        );
      }
    }
    const row: RelationRow = {
      post: post.id,
      from: relation.fromKey,
      to: relation.toKey,
      type: relation.type,
      evidence: relation.evidence,
      confidence: relation.confidence,
      date: post.date,
      score: relation.score ?? null,
      metric: relation.metric ?? null,
      benchmark: relation.benchmark ?? null,
    };
    // One relationship per post: when a post states it twice, the surest statement stands.
    const key = relationKey(row.type, row.from, row.to);
    const existing = relationsByKey.get(key);
    if (!existing || row.confidence > existing.confidence) relationsByKey.set(key, row);
  }

  const forwardedKey = post.forwardedFrom ? channelKey(null, post.forwardedFrom) : null;
  return {
    post: {
      key: post.id,
      channel,
      messageId: post.messageId,
      title: post.title,
      date: post.date,
      edited: post.edited,
      text: post.text,
      language: post.language,
      forwardedFrom: post.forwardedFrom,
      forwardedKey,
      sourceUrl: post.sourceUrl,
      links: (post.links ?? []).map((l) => l.url),
      entityKeys: [...mentionsByKey.keys()],
      relationKeys: [...relationsByKey.keys()],
    },
    mentions: [...mentionsByKey.values()],
    relations: [...relationsByKey.values()],
  };
}

/** Merges the per-post views of each entity: first name wins, other names become aliases. */
class EntityAccumulator {
  private readonly byKey = new Map<
    string,
    { name: string; aliases: Set<string>; votes: Map<EntityType, number>; url: string | null }
  >();

  add(key: string, name: string, type: EntityType, aliases: string[], url: string | null): void {
    let entry = this.byKey.get(key);
    if (!entry) {
      entry = { name, aliases: new Set(), votes: new Map(), url: null };
      this.byKey.set(key, entry);
    }
    if (name !== entry.name) entry.aliases.add(name);
    for (const alias of aliases) entry.aliases.add(alias);
    entry.votes.set(type, (entry.votes.get(type) ?? 0) + 1);
    entry.url ??= url;
  }

  rows(): EntityRow[] {
    return [...this.byKey].map(([key, entry]) => {
      entry.aliases.delete(entry.name);
      return {
        key,
        name: entry.name,
        type: majority(entry.votes),
        aliases: [...entry.aliases],
        url: entry.url,
      };
    });
  }
}

/** Most votes; on a tie the type seen first (Map keeps insertion order). */
function majority(votes: Map<EntityType, number>): EntityType {
  let best: EntityType | null = null;
  let bestVotes = -1;
  for (const [type, n] of votes) {
    if (n > bestVotes) {
      best = type;
      bestVotes = n;
    }
  }
  return best as EntityType;
}

/** Row counts of a plan, as the summary reports them (also what a dry run would write). */
export function planCounts(plan: LoadPlan): {
  posts: number;
  entities: number;
  mentions: number;
  relations: Record<string, number>;
} {
  const relations: Record<string, number> = {};
  let mentions = 0;
  for (const p of plan.posts) {
    mentions += p.mentions.length;
    for (const r of p.relations) relations[r.type] = (relations[r.type] ?? 0) + 1;
  }
  return { posts: plan.posts.length, entities: plan.entities.length, mentions, relations };
}
