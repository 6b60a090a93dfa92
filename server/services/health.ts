import type { HealthResponse } from '../api/contract';
import type { SupervisionStatus } from '../../db/supervisor';
import { AppError, TimeoutError } from '../errors';
import { apiQuery } from '../repositories/cypher-files';
import { DEADLINE_GRACE_MS, readRows } from '../repositories/read';
import type { ServiceContext } from './context';

interface HealthRow {
  version: string;
  edition: string;
  nodes: number;
  relationships: number;
}

/**
 * Database identity and size; never throws: an unreachable database is reported as
 * `status: 'unavailable'` with a message (the route answers 503), and the next call tries again
 * (the driver opens new connections by itself once the database is back). While the server
 * restarts the embedded database it runs, `status: 'restarting'` with the attempt.
 */
export async function getHealth(ctx: ServiceContext): Promise<HealthResponse> {
  const supervised = ctx.supervision?.status();
  // No query while the process is down: it could only fail, after a timeout.
  if (supervised?.state === 'restarting') return restarting(supervised);
  try {
    const [row] = await readRows<HealthRow>(
      ctx.driver,
      apiQuery('health'),
      {},
      {
        origin: 'api/health',
        timeoutMs: ctx.limits.healthTimeoutMs,
      },
    );
    return {
      status: 'ok',
      database: {
        reachable: true,
        version: row?.version,
        edition: row?.edition,
        nodes: row?.nodes,
        relationships: row?.relationships,
      },
    };
  } catch (error) {
    const message =
      error instanceof TimeoutError
        ? `api/health: the database did not answer within ${ctx.limits.healthTimeoutMs + DEADLINE_GRACE_MS} ms`
        : error instanceof AppError
          ? error.message
          : 'api/health: the database did not answer the health query';
    return { status: 'unavailable', database: { reachable: false, message } };
  }
}

function restarting(status: Extract<SupervisionStatus, { state: 'restarting' }>): HealthResponse {
  return {
    status: 'restarting',
    database: {
      reachable: false,
      message: `database restarting (attempt ${status.attempt}): ${status.reason}`,
      restart: {
        attempt: status.attempt,
        since: new Date(status.since).toISOString(),
        reason: status.reason,
      },
    },
  };
}
