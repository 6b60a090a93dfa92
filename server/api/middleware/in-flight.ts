import type { RequestHandler } from 'express';

/**
 * Counts requests whose handler has not yet answered. A client that disconnects (a load tester at
 * the end of its run, a closed tab) closes its socket while the handler may still wait on the
 * database; server.close() then resolves at once. Stopping the server waits on this count instead,
 * so the driver is never closed under a handler that is still running.
 */
export class InFlightRequests {
  private count = 0;
  private waiters: (() => void)[] = [];

  readonly middleware: RequestHandler = (_req, res, next) => {
    this.count++;
    let settled = false;
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    // res.end is what every answer goes through (json, send, sendFile, errors), even when the
    // socket is already gone; 'close' would fire on disconnect, before the handler is done.
    res.end = ((...args: unknown[]) => {
      const result = end(...args);
      if (!settled) {
        settled = true;
        this.settle();
      }
      return result;
    }) as typeof res.end;
    next();
  };

  private settle(): void {
    this.count--;
    if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves when no handler is running, or after `timeoutMs` (returns false then). */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
