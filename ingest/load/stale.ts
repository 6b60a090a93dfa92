/**
 * What an edited post no longer states: the difference between what the graph holds for a post
 * (read before it is rewritten) and its new rows. Pure, so it is unit-tested without a database.
 */
import { RELATION_TYPES, type RelationType } from '../../vocabulary/types';
import { RELATION_KEY_SEPARATOR, type PostRow } from './plan';

export interface ExistingPost {
  key: string;
  relationKeys: string[];
  entityKeys: string[];
}

export interface StaleMention {
  post: string;
  entity: string;
}

export interface StaleRelation {
  post: string;
  type: RelationType;
  from: string;
  to: string;
}

export interface StaleWrites {
  mentions: StaleMention[];
  relations: StaleRelation[];
}

const RELATION_TYPE_SET: ReadonlySet<string> = new Set(RELATION_TYPES);

export function staleWrites(existing: ExistingPost[], posts: PostRow[]): StaleWrites {
  const byKey = new Map(posts.map((p) => [p.key, p]));
  const mentions: StaleMention[] = [];
  const relations: StaleRelation[] = [];
  for (const old of existing) {
    const post = byKey.get(old.key);
    if (!post) continue;
    const entityKeys = new Set(post.entityKeys);
    for (const entity of old.entityKeys) {
      if (!entityKeys.has(entity)) mentions.push({ post: old.key, entity });
    }
    const relationKeys = new Set(post.relationKeys);
    for (const key of old.relationKeys) {
      if (relationKeys.has(key)) continue;
      const [type, from, to] = key.split(RELATION_KEY_SEPARATOR);
      // Only keys this loader wrote; anything else cannot name a relationship of ours.
      if (RELATION_TYPE_SET.has(type) && from !== undefined && to !== undefined) {
        relations.push({ post: old.key, type: type as RelationType, from, to });
      }
    }
  }
  return { mentions, relations };
}
