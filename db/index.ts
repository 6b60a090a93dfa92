/** Public surface of db/: getting a database, creating drivers, and plain values. */
export { ensureDatabase, type Database, type EnsureOptions } from './ensure-database';
export { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedNeo4jOptions } from './embedded';
export { createDriver, txConfig, type DriverOptions } from './driver';
export { recordsToPlain, toPlain, toPlainObject } from './to-plain';
export { migrate, splitCypherStatements, SCHEMA_FILE } from './migrate';
export { DatabaseSetupError } from './errors';
