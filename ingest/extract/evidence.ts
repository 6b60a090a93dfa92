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
function hasTypeEvidence(
  e: MergedEntity,
  relations: Map<string, ExtractedRelation>,
  byKey: Map<string, MergedEntity>,
  mlContext: boolean,
): boolean {
  if (!ML_TYPES.has(e.type)) return true;
  if (!mlContext) return false;
  if (e.known || e.typed) return true;
  for (const r of relations.values()) {
    const other = r.fromKey === e.key ? r.toKey : r.toKey === e.key ? r.fromKey : null;
    const partner = other ? byKey.get(other) : undefined;
    if (partner && (partner.known || partner.typed)) return true;
  }
  return false;
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
  byKey: Map<string, MergedEntity>,
  mlContext: boolean,
): { entities: MergedEntity[]; relations: ExtractedRelation[] } {
  const kept = entities.filter((e) => hasTypeEvidence(e, relations, byKey, mlContext));
  const keptKeys = new Set(kept.map((e) => e.key));
  const keptRelations = [...relations.values()].filter(
    (r) => keptKeys.has(r.fromKey) && keptKeys.has(r.toKey),
  );
  const related = new Set<string>();
  for (const r of keptRelations) related.add(r.fromKey).add(r.toKey);
  return { entities: kept.filter((e) => !isLoneAcronym(e, related)), relations: keptRelations };
}
