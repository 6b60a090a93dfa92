/**
 * Which entity a typed name means, given the search hits for it: the hit whose key, name or
 * alias is what was typed (any case, "ё" as "е"), else the top hit. Pure, so tested in Node; the
 * entity fields (search, path ends, query parameters) use it before they ask the API anything.
 */
import type { SavedQueryParam, SearchHit } from '../../../server/api/contract';

/** Comparison form of a name: trimmed, NFC, lower case, ё → е, runs of spaces as one. */
export function normaliseName(text: string): string {
  return text.normalize('NFC').trim().toLocaleLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

/** The hit that the text names exactly (key, then name, then alias), else the first hit, else null. */
export function bestHit(text: string, hits: readonly SearchHit[]): SearchHit | null {
  const wanted = normaliseName(text);
  if (!wanted) return null;
  return (
    hits.find((hit) => normaliseName(hit.key) === wanted) ??
    hits.find((hit) => normaliseName(hit.name) === wanted) ??
    hits.find((hit) => hit.aliases.some((alias) => normaliseName(alias) === wanted)) ??
    hits[0] ??
    null
  );
}

/** Whether a picked hit still stands for the text in its field (the user has not typed over it). */
export function stillNames(hit: SearchHit | null, text: string): hit is SearchHit {
  if (!hit) return false;
  const typed = normaliseName(text);
  return typed === normaliseName(hit.name) || typed === normaliseName(hit.key);
}

/**
 * Saved-query parameters that take an entity: `@input entity` in the header, or (a query written
 * before that tag) a description such as "Entity name or key", "First entity (name or key)".
 */
export function isEntityParam(param: SavedQueryParam): boolean {
  if (param.type !== 'string' || param.input === 'entity-type') return false;
  return param.input === 'entity' || /\bname or key\b/i.test(param.description);
}
