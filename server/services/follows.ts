/**
 * Followed channels while the server runs: POST/DELETE /api/follows, a refresh on demand, and the
 * schedule (FOLLOW_INTERVAL_MIN) that refreshes every followed channel. Fetches run one at a time
 * in the background (ingest/follow/follow-channel.ts); their live state is kept here in memory,
 * their outcome in the :Follow nodes, so a restart loses nothing but the progress of a fetch in
 * flight, which the next refresh redoes.
 */
import type { Driver } from 'neo4j-driver';
import { parseChannelName } from '../../ingest/follow/channel-name';
import { followChannel, type FollowProgress } from '../../ingest/follow/follow-channel';
import { TmeClient } from '../../ingest/follow/tme-client';
import {
  addFollow,
  getFollow,
  listFollows,
  removeFollow,
  type FollowState,
} from '../../ingest/load/follow-state';
import type { FollowList, FollowStatus } from '../api/contract';
import type { FollowConfig } from '../../ingest/follow/config';
import { BadRequestError, NotFoundError } from '../errors';

export interface FollowServiceOptions extends FollowConfig {
  /** Tests inject a client with recorded sleeps; otherwise one is made from the config. */
  client?: TmeClient;
  /** The schedule's timer; tests pass their own and fire it by hand. */
  every?: (run: () => void, ms: number) => () => void;
  /** Told about failures of scheduled refreshes (the server logs them). */
  log?: (message: string) => void;
}

interface Activity {
  state: 'queued' | 'fetching' | 'writing';
  pages: number;
  posts: number;
}

const realEvery = (run: () => void, ms: number): (() => void) => {
  const timer = setInterval(run, ms);
  timer.unref();
  return () => clearInterval(timer);
};

export class FollowService {
  private readonly client: TmeClient;
  private readonly active = new Map<string, Activity>();
  private chain: Promise<void> = Promise.resolve();
  private stopSchedule: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly driver: Driver,
    private readonly options: FollowServiceOptions,
    /** Runs after every fetch that may have written (the response cache is dropped). */
    private readonly onWritten: () => void = () => undefined,
  ) {
    this.client =
      options.client ?? new TmeClient({ pageDelayMs: options.pageDelayMs, timeoutMs: options.timeoutMs });
  }

  /** Starts the schedule when FOLLOW_INTERVAL_MIN is set. */
  start(): void {
    if (this.options.intervalMin <= 0 || this.stopSchedule) return;
    const every = this.options.every ?? realEvery;
    // A tick while the database is away fails to list the follows; the next tick tries again.
    const tick = (): void =>
      void this.refreshAll().catch((error: unknown) =>
        this.options.log?.(`follow schedule: ${error instanceof Error ? error.message : String(error)}`),
      );
    this.stopSchedule = every(tick, this.options.intervalMin * 60_000);
  }

  /**
   * Stops the schedule; queued fetches are dropped. A fetch in flight is not waited for (with the
   * page delay it may take minutes): cut short by the shutdown, it has recorded nothing, and the
   * next run fetches its range again.
   */
  stop(): void {
    this.stopped = true;
    this.stopSchedule?.();
    this.stopSchedule = null;
  }

  async idle(): Promise<void> {
    await this.chain;
  }

  async list(): Promise<FollowList> {
    const follows = await listFollows(this.driver);
    return { follows: follows.map((f) => this.status(f)), intervalMin: this.options.intervalMin };
  }

  /** Follows a channel (idempotent) and queues its first fetch. */
  async follow(input: unknown): Promise<FollowStatus> {
    if (typeof input !== 'string') throw new BadRequestError('must be a string like "@name"', 'channel');
    let channel: string;
    try {
      channel = parseChannelName(input);
    } catch (error) {
      throw new BadRequestError((error as Error).message, 'channel');
    }
    const state = await addFollow(this.driver, channel, new Date());
    this.enqueue(channel);
    return this.status(state);
  }

  /** Stops following; the channel's posts stay in the graph. */
  async unfollow(input: string): Promise<void> {
    const channel = this.knownName(input);
    if (!(await removeFollow(this.driver, channel))) throw this.notFollowed(channel);
  }

  async refresh(input: string): Promise<FollowStatus> {
    const channel = this.knownName(input);
    const state = await getFollow(this.driver, channel);
    if (!state) throw this.notFollowed(channel);
    this.enqueue(channel);
    return this.status(state);
  }

  /** The schedule's work: every followed channel, one after another. */
  async refreshAll(): Promise<void> {
    for (const follow of await listFollows(this.driver)) this.enqueue(follow.channel);
    await this.idle();
  }

  private enqueue(channel: string): void {
    if (this.active.has(channel)) return; // already queued or running: one fetch covers both asks
    const activity: Activity = { state: 'queued', pages: 0, posts: 0 };
    this.active.set(channel, activity);
    this.chain = this.chain.then(() => this.run(channel, activity));
  }

  private async run(channel: string, activity: Activity): Promise<void> {
    let wrote = false;
    try {
      // Server stopping, or unfollowed while queued: nothing to do.
      if (this.stopped || !(await getFollow(this.driver, channel))) return;
      activity.state = 'fetching';
      await followChannel(this.driver, channel, {
        client: this.client,
        baseUrl: this.options.baseUrl,
        onProgress: (p: FollowProgress) => {
          if (p.phase === 'fetch') {
            activity.pages = p.done;
          } else {
            activity.state = 'writing';
            wrote = true;
          }
          activity.posts = p.posts;
        },
      });
    } catch (error) {
      // Recorded on the follow (lastError) by followChannel; the log says it once more.
      this.options.log?.(error instanceof Error ? error.message : String(error));
    } finally {
      this.active.delete(channel);
      if (wrote) this.onWritten();
    }
  }

  private status(state: FollowState): FollowStatus {
    const activity = this.active.get(state.channel);
    return {
      channel: state.channel,
      followedAt: state.followedAt,
      newestId: state.newestId,
      lastFetchAt: state.lastFetchAt,
      lastPosts: state.lastPosts,
      lastError: state.lastError,
      lastErrorAt: state.lastErrorAt,
      state: activity?.state ?? 'idle',
      progress: activity ? { pages: activity.pages, posts: activity.posts } : null,
    };
  }

  /** A channel name from the URL path; one that cannot be a username is not followed either. */
  private knownName(input: string): string {
    try {
      return parseChannelName(input);
    } catch {
      throw this.notFollowed(input);
    }
  }

  private notFollowed(channel: string): NotFoundError {
    return new NotFoundError(`api/follows: channel "${channel}" is not followed`);
  }
}
