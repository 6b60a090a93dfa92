import type { EntityType, RelationType } from '../model';
import type { KnownName } from './knowledge';

/**
 * A name found in a sentence before entities are merged: where it is, what it probably is, and
 * how sure the finder is of its type. Finders (gazetteer, name runs, persons, repositories, event
 * lists) produce candidates; ingest/extract/entities.ts merges them into entities.
 */
export interface Candidate {
  surface: string;
  start: number;
  end: number;
  sentence: number;
  /** Proposed canonical name. */
  name: string;
  /** Merge key: entityKey of the name, or the stem key of a Russian name. */
  key: string;
  known?: KnownName;
  /** Type fixed by the finder (knowledge, repository, person); otherwise decided by votes. */
  type?: EntityType;
  /** Evidence for a type from cue words and name shape. */
  votes: Partial<Record<EntityType, number>>;
  aliases: string[];
  url?: string;
  /** Looks generic (all common words): kept only when a cue word makes it a name. */
  weak?: boolean;
  /** A generic term (notEntities) written as a name: kept only when a library cue names it. */
  genericTerm?: boolean;
  /** A generic term (notEntities): dropped after alias resolution. */
  stop?: boolean;
}

/** A relation a finder saw directly in a name ("Facebook Prophet": Meta RELEASED Prophet). */
export interface NameRelation {
  fromKey: string;
  toKey: string;
  type: RelationType;
  sentence: number;
  confidence: number;
}

export function vote(c: Candidate, type: EntityType, weight: number): void {
  c.votes[type] = (c.votes[type] ?? 0) + weight;
}
