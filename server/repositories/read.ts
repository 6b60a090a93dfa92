import neo4j, { type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import { translateDriverError } from './driver-errors';
import { toPlain } from '../../db/to-plain';
import { TimeoutError } from '../errors';
import { jsonBytes, jsonBytesWithin } from './json-bytes';

/**
 * How long past a query's transaction timeout the API still waits for the database. Neo4j marks a
 * timed-out transaction terminated, but work inside one expression (reduce() over millions of
 * items) does not look at that flag and may keep going for minutes; the request must not.
 */
export const DEADLINE_GRACE_MS = 1000;

/**
 * Settles with `work`, or rejects with a 504 once `ms` have passed. The database's own answer
 * still arrives later and is dropped (race() keeps it from being an unhandled rejection).
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, origin: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new TimeoutError(
            `${origin}: the query ran past its time limit; it was terminated and the API stopped waiting for it`,
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes a session; after a missed deadline without waiting, as its connection is still busy. */
function closeSession(session: { close(): Promise<void> }, wait: boolean): Promise<void> {
  const closing = session.close().catch(() => undefined);
  return wait ? closing : Promise.resolve();
}

export interface ReadOptions {
  /** Prefix for error messages, e.g. "api/search". */
  origin: string;
  /** Transaction timeout enforced by the server. */
  timeoutMs: number;
  /** Read at most this many records; the rest is discarded (and `truncated` is 'rows'). */
  maxRecords?: number;
  /**
   * Keep the JSON of the column names and plain rows (`rows`) within this many bytes; reading stops
   * at the first row that does not fit (`truncated` is 'bytes'). Rows are kept whole or not at all.
   */
  maxBytes?: number;
  /** The text came from a user (client errors become 400). */
  userQuery?: boolean;
}

export interface RawReadResult {
  keys: string[];
  records: Neo4jRecord[];
  /** What cut the records short, if anything. */
  truncated: false | 'rows' | 'bytes';
  /** With maxBytes: each record's values in column order as plain JSON (what was measured). */
  rows?: unknown[][];
  /** With maxBytes: JSON bytes of the keys and `rows` together. */
  bytes?: number;
}

/**
 * Records fetched per round trip when answers are bounded in bytes: the driver buffers about this
 * many ahead of the reader, so fewer keep the memory held by rows past the bound small.
 */
const BOUNDED_FETCH_SIZE = 50;

/**
 * Runs one query in a READ session as an auto-commit transaction. READ mode makes the server
 * refuse any write; auto-commit (not executeRead) means no silent retries, so an unreachable
 * database answers 503 at once instead of after the driver's 30 s retry budget.
 */
export async function readRaw(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown>,
  options: ReadOptions,
): Promise<RawReadResult> {
  const max = options.maxRecords;
  const maxBytes = options.maxBytes;
  const fetchSize = Math.min(
    max !== undefined ? max + 1 : 1000,
    maxBytes !== undefined ? BOUNDED_FETCH_SIZE : 1000,
  );
  const session = driver.session({
    defaultAccessMode: neo4j.session.READ,
    ...(max !== undefined || maxBytes !== undefined ? { fetchSize } : {}),
  });
  let late = false;
  try {
    const read = async (): Promise<RawReadResult> => {
      const result = session.run(cypher, toDriverParams(params) as Record<string, unknown>, {
        timeout: options.timeoutMs,
      });
      const keys = (await result.keys()).map(String);
      const records: Neo4jRecord[] = [];
      const rows: unknown[][] = [];
      // `{"columns":[...],"rows":[]}`: the keys and the brackets count before any row.
      let bytes = jsonBytes(keys) + 2;
      let truncated: RawReadResult['truncated'] = false;
      for await (const record of result) {
        if (max !== undefined && records.length >= max) {
          truncated = 'rows';
          break;
        }
        if (maxBytes !== undefined) {
          const row = keys.map((key) => toPlain(record.get(key)));
          const separator = rows.length > 0 ? 1 : 0;
          const size = jsonBytesWithin(row, maxBytes - bytes - separator);
          if (bytes + separator + size > maxBytes) {
            // Breaking out of the iteration discards the rest of the result in the database.
            truncated = 'bytes';
            break;
          }
          bytes += separator + size;
          rows.push(row);
        }
        records.push(record);
      }
      return maxBytes !== undefined
        ? { keys, records, truncated, rows, bytes }
        : { keys, records, truncated };
    };
    return await withDeadline(read(), options.timeoutMs + DEADLINE_GRACE_MS, options.origin);
  } catch (error) {
    late = error instanceof TimeoutError;
    throw translateDriverError(error, options.origin, { userQuery: options.userQuery });
  } finally {
    await closeSession(session, !late);
  }
}

/** Like readRaw, but each record becomes a plain object (Integers as numbers). */
export async function readRows<T>(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown>,
  options: ReadOptions,
): Promise<T[]> {
  const { records } = await readRaw(driver, cypher, params, options);
  return records.map((record) => toPlain(record.toObject()) as T);
}

/**
 * JavaScript numbers travel as floats, and Cypher refuses `LIMIT 10.0`; whole numbers are sent
 * as Integers (comparisons with floats still work in Cypher).
 */
export function toDriverParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toDriverParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDriverParams(v)]));
  }
  return value;
}

export interface PlanOperator {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanOperator[];
}

/**
 * Plans a query without running it (EXPLAIN, in a READ session): the server's own verdict on what
 * the query does (`queryType` r / rw / w / s) and its operators, for screening user queries.
 */
export async function explainRead(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown>,
  options: ReadOptions,
): Promise<{ queryType: string; plan: PlanOperator | null }> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  let late = false;
  try {
    const explained = session.run(`EXPLAIN ${cypher}`, toDriverParams(params) as Record<string, unknown>, {
      timeout: options.timeoutMs,
    });
    const result = await withDeadline(
      Promise.resolve(explained),
      options.timeoutMs + DEADLINE_GRACE_MS,
      options.origin,
    );
    const plan = result.summary.plan;
    return {
      queryType: String(result.summary.queryType),
      plan: plan ? (plan as unknown as PlanOperator) : null,
    };
  } catch (error) {
    late = error instanceof TimeoutError;
    throw translateDriverError(error, options.origin, { userQuery: options.userQuery });
  } finally {
    await closeSession(session, !late);
  }
}
