import type { EntityType } from '../../vocabulary/types';
import { relationKey, RELATION_KEY_SEPARATOR, type LoadPlan, type PostPlan } from './plan';

/**
 * Identity that does not leak across meanings. Entities are keyed by their normalised name, so
 * "Nature" the journal (an organisation) and "Nature" typed a model, or "Prophet" the library and a
 * person called the Prophet, would share one node. When an incoming entity and the entity the graph
 * holds under its key stand on different sides of the ML line (a model, library or dataset against
 * an organisation, a person or an event), the incoming one gets a key of its own, `key#type`: it
 * never adds posts, aliases or relations to the other. Deterministic, so a re-import lands on the
 * same nodes.
 */

const ML: ReadonlySet<EntityType> = new Set(['Model', 'Library', 'Dataset']);
const WORLD: ReadonlySet<EntityType> = new Set(['Organization', 'Person', 'Event']);

function differentMeaning(a: EntityType, b: EntityType): boolean {
  return (ML.has(a) && WORLD.has(b)) || (WORLD.has(a) && ML.has(b));
}

export function separatedKey(key: string, type: EntityType): string {
  return `${key}#${type.toLowerCase()}`;
}

/** Rewrites the plan's keys that would join an entity of another meaning; returns how many moved. */
export function separateMeanings(plan: LoadPlan, existingTypes: ReadonlyMap<string, EntityType>): number {
  const moved = new Map<string, string>();
  for (const e of plan.entities) {
    const held = existingTypes.get(e.key);
    if (held && differentMeaning(held, e.type)) moved.set(e.key, separatedKey(e.key, e.type));
  }
  rekeyPlan(plan, moved);
  return moved.size;
}

/**
 * Moves the plan's entities to new keys (posts, mentions and relations follow). Two entities that
 * land on one key become one row: the first keeps its name, the other's names become aliases.
 */
export function rekeyPlan(plan: LoadPlan, moved: ReadonlyMap<string, string>): void {
  if (moved.size === 0) return;
  const to = (key: string) => moved.get(key) ?? key;
  const rows = new Map<string, LoadPlan['entities'][number]>();
  for (const e of plan.entities) {
    e.key = to(e.key);
    const held = rows.get(e.key);
    if (!held) rows.set(e.key, e);
    else held.aliases = [...new Set([...held.aliases, e.name, ...e.aliases])].filter((a) => a !== held.name);
  }
  plan.entities = [...rows.values()];
  for (const p of plan.posts) {
    const mentions = new Map<string, PostPlan['mentions'][number]>();
    for (const m of p.mentions) {
      m.entity = to(m.entity);
      const held = mentions.get(m.entity);
      if (!held) mentions.set(m.entity, m);
      else {
        held.count += m.count;
        held.offsets = [...held.offsets, ...m.offsets];
        held.sentences = [...new Set([...held.sentences, ...m.sentences])];
        held.names = [...new Set([...held.names, ...m.names])];
      }
    }
    p.mentions = [...mentions.values()];
    const relations = new Map<string, PostPlan['relations'][number]>();
    for (const r of p.relations) {
      [r.from, r.to] = [to(r.from), to(r.to)];
      const id = relationKey(r.type, r.from, r.to);
      const held = relations.get(id);
      if (!held || held.confidence < r.confidence) relations.set(id, r);
    }
    p.relations = [...relations.values()].filter((r) => r.from !== r.to);
    p.post.entityKeys = [...new Set(p.post.entityKeys.map(to))];
    p.post.relationKeys = [
      ...new Set(
        p.post.relationKeys.map((k) => {
          const [type, from, target] = k.split(RELATION_KEY_SEPARATOR);
          return relationKey(type, to(from), to(target));
        }),
      ),
    ];
  }
}
