import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { InFlightRequests } from '../../../server/api/middleware/in-flight';

describe('InFlightRequests', () => {
  it('waits for a handler whose client already hung up, then reports idle', async () => {
    const inFlight = new InFlightRequests();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const app = express();
    app.use(inFlight.middleware);
    app.get('/slow', async (_req, res) => {
      await released;
      res.json({ ok: true });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;

    const request = http.get(`http://127.0.0.1:${port}/slow`);
    request.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    request.destroy(); // the client leaves while the handler still waits

    expect(await inFlight.idle(50)).toBe(false);
    const idle = inFlight.idle(5_000);
    release();
    expect(await idle).toBe(true);
    await new Promise((resolve) => server.close(resolve));
  });

  it('is idle at once when nothing runs', async () => {
    expect(await new InFlightRequests().idle(10)).toBe(true);
  });
});
