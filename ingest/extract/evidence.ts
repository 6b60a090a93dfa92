import type { ExtractedRelation } from '../model';
import type { MergedEntity } from './entities';
import type { Knowledge } from './knowledge';
import { foldName } from './text-utils';

/**
 * The evidence stage, last: which merged entities and relations a post keeps. A type only from
 * evidence, models, libraries and datasets only about ML, lone unknown acronyms left out.
 */

const ML_TYPES = new Set(['Model', 'Library', 'Dataset']);

/** A known model, library or dataset whose name is no ordinary word ("PyTorch", not "Prophet"). */
export function isUnambiguousMlName(e: MergedEntity, k: Knowledge): boolean {
  return e.known && ML_TYPES.has(e.type) && !k.mlDomain.ambiguousNames.has(foldName(e.name));
}

/**
 * A type only from evidence. Models, libraries and datasets exist only in posts about ML (a
 * religious channel's "Prophet" is no library). An unknown name that no cue, shape or finder typed
 * is a model only when a relation rule placed it: released by someone, with a repository, compared
 * with or used by a typed name. Otherwise it is no entity at all.
 */
function evidencedEntities(
  entities: MergedEntity[],
  relations: Map<string, ExtractedRelation>,
  mlContext: boolean,
): Set<string> {
  const evidenced = new Set<string>();
  const placed = new Set<string>(); // a partner whose type stands on evidence
  for (const e of entities) {
    if (e.known || e.typed) placed.add(e.key);
    if (!ML_TYPES.has(e.type) || (mlContext && (e.known || e.typed))) evidenced.add(e.key);
  }
  if (!mlContext) return evidenced;
  // Placed by a relation to a name whose type stands, directly or through another placed name
  // ("Vanta-4 от Zorbex Labs … Модель использует FlashAttention"): repeat until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (const r of relations.values())
      for (const [a, b] of [
        [r.fromKey, r.toKey],
        [r.toKey, r.fromKey],
      ])
        if (!evidenced.has(a) && placed.has(b)) {
          evidenced.add(a);
          placed.add(a);
          changed = true;
        }
  }
  return evidenced;
}

/**
 * A short unknown acronym said once, with no cue and no relation ("IMO", "FDA", "SEC"), is as likely
 * an agency or a term as a model: it is left out rather than guessed.
 */
function isLoneAcronym(e: MergedEntity, related: Set<string>): boolean {
  return !e.known && !e.typed && e.mentions.length <= 1 && /^[A-Z]{2,5}$/.test(e.name) && !related.has(e.key);
}

/** The entities and relations of a post that its evidence supports (relations lose dropped ends). */
export function keepEvidenced(
  entities: MergedEntity[],
  relations: Map<string, ExtractedRelation>,
  mlContext: boolean,
): { entities: MergedEntity[]; relations: ExtractedRelation[] } {
  const evidenced = evidencedEntities(entities, relations, mlContext);
  const kept = entities.filter((e) => evidenced.has(e.key));
  const keptKeys = new Set(kept.map((e) => e.key));
  const keptRelations = [...relations.values()].filter(
    (r) => keptKeys.has(r.fromKey) && keptKeys.has(r.toKey),
  );
  const related = new Set<string>();
  for (const r of keptRelations) related.add(r.fromKey).add(r.toKey);
  return { entities: kept.filter((e) => !isLoneAcronym(e, related)), relations: keptRelations };
}
