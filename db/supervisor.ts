/**
 * Keeps a database process running (issue 11, item 5: when the embedded database died, the server
 * answered 503 until someone restarted it). When the process exits without being asked to, it is
 * started again after 0.5 s, then 1 s, 2 s, … up to 30 s between attempts, until one succeeds.
 * Generic over the handle, and the clock is injected, so the policy is tested without a database.
 */

/** setTimeout/clearTimeout/Date.now, replaceable in tests. */
export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
  now(): number;
}

export const realScheduler: Scheduler = {
  setTimeout: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    // A pending restart must not keep a process alive that is otherwise done.
    timer.unref();
    return timer;
  },
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
  now: () => Date.now(),
};

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 30_000 };

/** Delay before restart attempt `attempt` (1-based): initial, doubled each time, capped. */
export function backoffDelay(attempt: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** exponent);
}

export type SupervisionStatus =
  | { state: 'running'; restarts: number }
  | {
      state: 'restarting';
      /** The attempt under way or scheduled next (1 for the first after a crash). */
      attempt: number;
      /** When the database was seen to stop (epoch ms). */
      since: number;
      /** Why: how the process ended, then why the last attempt failed. */
      reason: string;
      restarts: number;
    }
  | { state: 'stopped'; restarts: number };

export interface ProcessExit {
  /** False when the owner asked for it (stop()): nothing to restart then. */
  crashed: boolean;
  /** E.g. "was killed by SIGKILL", for logs and /api/health. */
  description: string;
}

export interface SupervisorOptions<H> {
  /** Starts a new instance; rejects when it cannot. */
  start(): Promise<H>;
  stop(handle: H): Promise<void>;
  /** Resolves when the instance's process ends. */
  exited(handle: H): Promise<ProcessExit>;
  /** A restarted instance is ready; throwing makes the attempt a failure (the instance is stopped). */
  onRestarted(handle: H): Promise<void> | void;
  scheduler?: Scheduler;
  backoff?: Backoff;
  log?: (message: string) => void;
}

export class Supervisor<H> {
  private state: SupervisionStatus = { state: 'running', restarts: 0 };
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;
  private readonly scheduler: Scheduler;
  private readonly log: (message: string) => void;

  constructor(
    initial: H,
    private readonly options: SupervisorOptions<H>,
  ) {
    this.scheduler = options.scheduler ?? realScheduler;
    this.log = options.log ?? (() => {});
    this.watch(initial);
  }

  status(): SupervisionStatus {
    return this.state;
  }

  /** Ends supervision: no further restarts; an attempt under way is awaited and its instance stopped. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    this.state = { state: 'stopped', restarts: this.state.restarts };
    await this.inFlight;
  }

  private watch(handle: H): void {
    void this.options.exited(handle).then((exit) => {
      if (this.stopped || !exit.crashed) return;
      const reason = `the database ${exit.description}`;
      this.log(`db: ${reason}; restarting it`);
      this.schedule(1, this.scheduler.now(), reason);
    });
  }

  private schedule(attempt: number, since: number, reason: string): void {
    this.state = { state: 'restarting', attempt, since, reason, restarts: this.state.restarts };
    this.timer = this.scheduler.setTimeout(
      () => {
        this.timer = null;
        this.inFlight = this.attempt(attempt, since, reason).finally(() => (this.inFlight = null));
      },
      backoffDelay(attempt, this.options.backoff),
    );
  }

  private async attempt(attempt: number, since: number, reason: string): Promise<void> {
    if (this.stopped) return;
    let handle: H | null = null;
    try {
      handle = await this.options.start();
      if (this.stopped) {
        await this.options.stop(handle);
        return;
      }
      await this.options.onRestarted(handle);
    } catch (error) {
      if (handle !== null) await this.options.stop(handle).catch(() => {});
      if (this.stopped) return;
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      this.log(`db: restart attempt ${attempt} failed: ${why}`);
      this.schedule(attempt + 1, since, `${reason}; attempt ${attempt} failed: ${why}`);
      return;
    }
    const seconds = ((this.scheduler.now() - since) / 1000).toFixed(1);
    this.log(`db: the database is back after ${seconds} s (attempt ${attempt})`);
    this.state = { state: 'running', restarts: this.state.restarts + 1 };
    this.watch(handle);
  }
}
