import type { EmbeddedNeo4j } from '../../../db/embedded';

/** Handed from global-setup to global-teardown (same process) through globalThis. */
export const EMBEDDED_FOR_RUN = Symbol.for('mlgraph.integration.embeddedNeo4j');

export interface RunDatabase {
  neo4j: EmbeddedNeo4j;
  dataDir: string;
}
