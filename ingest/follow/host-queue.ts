/**
 * One request at a time per host, with a pause between them: every request to a host waits for
 * the previous one to finish and then for `spacingMs` more. Channels followed in one process (the
 * CLI's list, the server's schedule and a "Follow" click) share one queue, so they never make
 * t.me see parallel requests from us.
 */
export class HostQueue {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(
    private readonly spacingMs: number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  /** Runs `work` when the host is free; the host stays busy until spacingMs after it ends. */
  run<T>(host: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result
      .catch(() => undefined)
      .then(() => (this.spacingMs > 0 ? this.sleep(this.spacingMs) : undefined));
    this.tails.set(host, tail);
    // Forget an idle host so the map does not grow with every host ever asked.
    void tail.then(() => {
      if (this.tails.get(host) === tail) this.tails.delete(host);
    });
    return result;
  }
}
