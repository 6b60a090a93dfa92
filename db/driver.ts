import neo4j, { Driver } from 'neo4j-driver';

export { recordsToPlain, toPlain, toPlainObject } from './to-plain';

export interface DriverOptions {
  uri: string;
  user: string;
  /** Empty: connect without authentication (an external database with auth disabled). */
  password: string;
  /** Connections at most (default 50); tests use 1 to see what waiting for one does. */
  maxConnectionPoolSize?: number;
  /** How long a query waits for a free connection (default 5 s); then 503. */
  connectionAcquisitionTimeoutMs?: number;
}

/**
 * The one place that creates drivers, so pool size and timeouts are the same for the server,
 * ingest and tests. Timeouts are short on purpose: an unreachable database should turn into a
 * 503 within seconds, not hang a request.
 */
export function createDriver(options: DriverOptions): Driver {
  const auth = options.password === '' ? undefined : neo4j.auth.basic(options.user, options.password);
  return neo4j.driver(options.uri, auth, {
    maxConnectionPoolSize: options.maxConnectionPoolSize ?? 50,
    connectionAcquisitionTimeout: options.connectionAcquisitionTimeoutMs ?? 5_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    userAgent: 'ml-channel-graph',
    // Errors only: connection warnings repeat for every retry while a database is down and would
    // bury the one clear message that the API or the ingest command gives about it.
    logging: {
      level: 'error',
      logger: (level, message) => console.warn(`db/driver: ${level}: ${message}`),
    },
  });
}

/** Transaction config for session.executeRead/executeWrite: the configured timeout, if any. */
export function txConfig(txTimeoutMs: number | undefined): { timeout?: number } {
  return txTimeoutMs === undefined ? {} : { timeout: txTimeoutMs };
}
