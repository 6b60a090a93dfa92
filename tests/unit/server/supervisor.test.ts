/**
 * Issue 11, item 5: the restart policy of the embedded database's supervisor, on a fake clock and
 * fake processes (the real kill -9 is tests/integration/server-supervision.test.ts).
 */
import {
  backoffDelay,
  Supervisor,
  type ProcessExit,
  type Scheduler,
  type SupervisionStatus,
} from '../../../db/supervisor';

/** A clock that moves only when the test says so. */
class FakeScheduler implements Scheduler {
  private time = 0;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;
  readonly delays: number[] = [];
  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): unknown {
    this.delays.push(ms);
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, callback, id });
    return id;
  }
  clearTimeout(timer: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== timer);
  }
  pending(): number {
    return this.timers.length;
  }
  /** Moves the clock to the next timer and runs it. */
  async fireNext(): Promise<void> {
    this.timers.sort((a, b) => a.at - b.at);
    const next = this.timers.shift();
    if (!next) throw new Error('no timer pending');
    this.time = next.at;
    next.callback();
    await flush();
  }
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

class FakeProcess {
  private resolveExit!: (exit: ProcessExit) => void;
  readonly exited = new Promise<ProcessExit>((resolve) => (this.resolveExit = resolve));
  stopped = false;
  constructor(readonly id: number) {}
  crash(): void {
    this.resolveExit({ crashed: true, description: 'was killed by SIGKILL' });
  }
  stop(): void {
    this.stopped = true;
    this.resolveExit({ crashed: false, description: 'exited with status 0' });
  }
}

function setUp(startResults: ('ok' | 'fail')[]) {
  const scheduler = new FakeScheduler();
  const first = new FakeProcess(0);
  const started: FakeProcess[] = [];
  const current: FakeProcess[] = [first];
  let release: (() => void) | null = null;
  let holdStarts = false;
  const supervisor = new Supervisor<FakeProcess>(first, {
    start: async () => {
      if (holdStarts) await new Promise<void>((resolve) => (release = resolve));
      const result = startResults.shift() ?? 'ok';
      if (result === 'fail') throw new Error('port taken\nstack');
      const p = new FakeProcess(started.length + 1);
      started.push(p);
      return p;
    },
    stop: async (p) => p.stop(),
    exited: (p) => p.exited,
    onRestarted: (p) => void current.push(p),
    scheduler,
  });
  return {
    scheduler,
    first,
    started,
    current,
    supervisor,
    holdStarts: () => (holdStarts = true),
    releaseStart: async () => {
      release?.();
      await flush();
    },
  };
}

const restarting = (status: SupervisionStatus) => {
  if (status.state !== 'restarting') throw new Error(`expected restarting, got ${status.state}`);
  return status;
};

test('backoff: 0.5 s, doubled each attempt, capped at 30 s', () => {
  expect([1, 2, 3, 4, 5, 6, 7, 8, 100].map((attempt) => backoffDelay(attempt))).toEqual([
    500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
  ]);
  expect(backoffDelay(3, { initialMs: 100, maxMs: 250 })).toBe(250);
});

test('a crash schedules a restart after 0.5 s, reported as restarting, then running again', async () => {
  const t = setUp(['ok']);
  expect(t.supervisor.status()).toEqual({ state: 'running', restarts: 0 });
  t.first.crash();
  await flush();
  const status = restarting(t.supervisor.status());
  expect(status).toMatchObject({ attempt: 1, since: 0 });
  expect(status.reason).toMatch(/killed by SIGKILL/);
  expect(t.scheduler.delays).toEqual([500]);

  await t.scheduler.fireNext();
  expect(t.supervisor.status()).toEqual({ state: 'running', restarts: 1 });
  expect(t.current.map((p) => p.id)).toEqual([0, 1]);

  // The restarted one is supervised as well.
  t.started[0].crash();
  await flush();
  expect(restarting(t.supervisor.status()).attempt).toBe(1);
  await t.scheduler.fireNext();
  expect(t.supervisor.status()).toEqual({ state: 'running', restarts: 2 });
});

test('failed attempts back off 0.5, 1, 2, 4 s and say why; the attempt count rises', async () => {
  const t = setUp(['fail', 'fail', 'fail', 'ok']);
  t.first.crash();
  await flush();
  for (const attempt of [1, 2, 3]) {
    expect(restarting(t.supervisor.status()).attempt).toBe(attempt);
    await t.scheduler.fireNext();
  }
  const status = restarting(t.supervisor.status());
  expect(status.attempt).toBe(4);
  expect(status.reason).toMatch(/attempt 3 failed: port taken$/);
  expect(t.scheduler.delays).toEqual([500, 1000, 2000, 4000]);
  await t.scheduler.fireNext();
  expect(t.supervisor.status()).toEqual({ state: 'running', restarts: 1 });
});

test('an exit that was asked for is not restarted', async () => {
  const t = setUp([]);
  t.first.stop();
  await flush();
  expect(t.supervisor.status().state).toBe('running');
  expect(t.scheduler.pending()).toBe(0);
});

test('stop() cancels a scheduled restart', async () => {
  const t = setUp([]);
  t.first.crash();
  await flush();
  expect(t.scheduler.pending()).toBe(1);
  await t.supervisor.stop();
  expect(t.scheduler.pending()).toBe(0);
  expect(t.supervisor.status().state).toBe('stopped');
});

test('stop() during a start waits for it and stops what it started', async () => {
  const t = setUp(['ok']);
  t.holdStarts();
  t.first.crash();
  await flush();
  await t.scheduler.fireNext();
  const stopping = t.supervisor.stop();
  await t.releaseStart();
  await stopping;
  expect(t.started).toHaveLength(1);
  expect(t.started[0].stopped).toBe(true);
  expect(t.current.map((p) => p.id)).toEqual([0]);
  expect(t.supervisor.status().state).toBe('stopped');
});
