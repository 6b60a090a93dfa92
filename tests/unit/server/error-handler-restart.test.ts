import type { AddressInfo } from 'node:net';
import express from 'express';
import type { SupervisionStatus } from '../../../db/supervisor';
import { errorHandlerFor } from '../../../server/api/middleware/errors';
import { NotFoundError, UnavailableError } from '../../../server/errors';

/**
 * While the supervisor restarts the embedded database, every endpoint's 503 says "restarting" (as
 * /api/health does) with a Retry-After, not "unreachable"; other errors and a running database are
 * answered as before.
 */

async function answer(status: SupervisionStatus | null, error: Error) {
  const app = express();
  app.get('/x', (_req, _res, next) => next(error));
  app.use(errorHandlerFor(status ? { status: () => status } : null));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`);
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
  } finally {
    server.close();
  }
}

const restarting: SupervisionStatus = {
  state: 'restarting',
  attempt: 2,
  since: 0,
  reason: 'killed',
  restarts: 1,
};
const unreachable = () =>
  new UnavailableError('api/search: the database is unreachable (ServiceUnavailable); retry');

describe('errors while the database restarts', () => {
  it('a 503 says the database is restarting, with the attempt and a Retry-After', async () => {
    const r = await answer(restarting, unreachable());
    expect(r.status).toBe(503);
    expect(r.retryAfter).toBe('5');
    expect(r.body.error.message).toBe(
      'api/search: the database is restarting after it stopped (attempt 2); retry in a moment',
    );
  });

  it('a running database keeps the unreachable message', async () => {
    const r = await answer({ state: 'running', restarts: 0 }, unreachable());
    expect(r.body.error.message).toContain('unreachable');
    expect(r.retryAfter).toBeNull();
  });

  it('other errors are untouched during a restart', async () => {
    const r = await answer(restarting, new NotFoundError('api: no entity "x"'));
    expect(r.status).toBe(404);
    expect(r.body.error.message).toBe('api: no entity "x"');
  });
});
