import type { HealthResponse } from '../../server/api/contract';
import { plural } from './dom';

/** The top bar's health line: size when the database answers, else why not. */
export function healthText(health: HealthResponse): string {
  const db = health.database;
  if (health.status === 'ok' && db.reachable)
    return `Neo4j ${db.version ?? ''} · ${plural(db.nodes ?? 0, 'node')} · ${plural(db.relationships ?? 0, 'relationship')}`;
  // The server is starting the embedded database again after it died: not a state to act on.
  if (health.status === 'restarting')
    return `Database restarting${db.restart ? ` (attempt ${db.restart.attempt})` : ''}…`;
  return `Database unavailable${db.message ? `: ${db.message}` : ''}`;
}

export function healthClass(health: HealthResponse): string {
  if (health.status === 'ok' && health.database.reachable) return 'health-ok';
  return health.status === 'restarting' ? 'health-restarting' : 'health-bad';
}
