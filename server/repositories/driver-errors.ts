import { Neo4jError, error as neo4jErrorCodes } from 'neo4j-driver';
import { AppError, BadRequestError, TimeoutError, TooLargeError, UnavailableError } from '../errors';

const UNAVAILABLE_CODES = new Set<string>([
  neo4jErrorCodes.SERVICE_UNAVAILABLE,
  neo4jErrorCodes.SESSION_EXPIRED,
  'Neo.TransientError.Database.DatabaseUnavailable',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);
const TIMEOUT_CODES = new Set<string>([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
]);
/** Transient by Neo4j's classification, but retrying the same query fails the same way. */
const MEMORY_CODES = new Set<string>([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.TransientError.General.OutOfMemoryError',
]);
export const WRITE_IN_READ_MODE = 'Neo.ClientError.Statement.AccessMode';
const FORBIDDEN_PROCEDURE_CODES = new Set<string>([
  WRITE_IN_READ_MODE,
  'Neo.ClientError.Security.Forbidden',
  'Neo.ClientError.Procedure.ProcedureNotFound',
]);

export interface TranslateOptions {
  /** The query came from the user (POST /api/cypher, saved queries): client errors are their mistakes (400). */
  userQuery?: boolean;
}

/**
 * Turns a driver error into an AppError by its code (never by its message text): an unreachable
 * database is 503, a transaction timeout 504, a query over the memory bounds 413 (never "unreachable"),
 * and for user-written queries a Neo.ClientError is 400.
 * Anything else is returned unchanged and becomes a 500.
 */
export function translateDriverError(
  error: unknown,
  origin: string,
  options: TranslateOptions = {},
): unknown {
  if (error instanceof AppError || !(error instanceof Neo4jError)) return error;
  const code = error.code;
  if (TIMEOUT_CODES.has(code)) {
    return new TimeoutError(`${origin}: the query ran past its time limit and was stopped`, { cause: error });
  }
  if (MEMORY_CODES.has(code)) {
    return new TooLargeError(
      `${origin}: the query needs more memory than the database lets one query use (${firstLine(error.message)}); ` +
        'return fewer or smaller values, or aggregate in the query',
    );
  }
  if (UNAVAILABLE_CODES.has(code) || error.retriable || isAcquisitionTimeout(error)) {
    return new UnavailableError(`${origin}: the database is unreachable (${code}); retry in a moment`, {
      cause: error,
    });
  }
  if (
    code === 'Neo.ClientError.Security.Unauthorized' ||
    code === 'Neo.ClientError.Security.AuthenticationRateLimit'
  ) {
    // Never echo the driver message here: it may name the user.
    return new UnavailableError(`${origin}: the database refused the server's credentials`, { cause: error });
  }
  if (options.userQuery && code === WRITE_IN_READ_MODE) {
    return new BadRequestError(`${origin}: the query tries to write; only read queries are allowed`);
  }
  if (options.userQuery && FORBIDDEN_PROCEDURE_CODES.has(code)) {
    return new BadRequestError(`${origin}: ${firstLine(error.message)}`);
  }
  if (options.userQuery && code.startsWith('Neo.ClientError.')) {
    return new BadRequestError(`${origin}: ${firstLine(error.message)}`);
  }
  return error;
}

/**
 * The driver's pool gives up waiting for a free connection (every connection busy, or stuck on a
 * frozen database) with a code-less error ("N/A"): its message is the only mark it has.
 */
function isAcquisitionTimeout(error: Neo4jError): boolean {
  return error.code === 'N/A' && error.message.startsWith('Connection acquisition timed out');
}

function firstLine(message: string): string {
  return message.split('\n')[0].slice(0, 500);
}
