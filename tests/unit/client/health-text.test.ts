import type { HealthResponse } from '../../../server/api/contract';
import { healthClass, healthText } from '../../../client/src/health-text';

describe('client health line', () => {
  test('says the database is restarting, with the attempt, not that it is unavailable', () => {
    const health: HealthResponse = {
      status: 'restarting',
      database: {
        reachable: false,
        message: 'database restarting (attempt 2): the database was killed by SIGKILL',
        restart: {
          attempt: 2,
          since: '2026-12-03T11:00:00.000Z',
          reason: 'the database was killed by SIGKILL',
        },
      },
    };
    expect(healthText(health)).toBe('Database restarting (attempt 2)…');
    expect(healthClass(health)).toBe('health-restarting');
  });

  test('size when it answers, the reason when it does not', () => {
    expect(
      healthText({
        status: 'ok',
        database: { reachable: true, version: '5.26', nodes: 1, relationships: 2 },
      }),
    ).toBe('Neo4j 5.26 · 1 node · 2 relationships');
    const down: HealthResponse = {
      status: 'unavailable',
      database: { reachable: false, message: 'no answer' },
    };
    expect(healthText(down)).toBe('Database unavailable: no answer');
    expect(healthClass(down)).toBe('health-bad');
  });
});
