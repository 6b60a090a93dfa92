import { HostQueue } from '../../../ingest/follow/host-queue';

describe('HostQueue', () => {
  it('runs one request at a time per host, with the pause between them, and keeps the pause after the last one', async () => {
    const events: string[] = [];
    const sleep = async (ms: number) => {
      events.push(`sleep ${ms}`);
    };
    const queue = new HostQueue(250, sleep);
    let running = 0;
    let most = 0;
    const work = (name: string) => async () => {
      running++;
      most = Math.max(most, running);
      events.push(`start ${name}`);
      await Promise.resolve();
      events.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all([queue.run('t.me', work('a')), queue.run('t.me', work('b'))]);
    expect(results).toEqual(['a', 'b']);
    expect(most).toBe(1);
    // The host stays busy for the pause after the last request too (a next caller waits for it).
    expect(events).toEqual(['start a', 'end a', 'sleep 250', 'start b', 'end b', 'sleep 250']);
  });

  it('a failed request does not block the host', async () => {
    const queue = new HostQueue(0, async () => undefined);
    await expect(queue.run('t.me', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run('t.me', async () => 'next')).resolves.toBe('next');
  });
});
