/**
 * Follows one channel once: read its follow state, fetch the pages newer than what the graph
 * holds (collect-pages.ts), extract, load through the same idempotent loader as `npm run ingest`,
 * and only then record the fetch. A run stopped anywhere before that last step (an error, kill -9)
 * leaves the follow state as it was, so the next run fetches the same range again and the loader's
 * MERGEs make the second write a no-op for what the first already wrote: no gap, no duplicate.
 */
import type { Driver } from 'neo4j-driver';
import { channelIsMlFrom, extract } from '../extract';
import type { ParsedExport, RawPost } from '../model';
import { addFollow, getFollow, recordFailed, recordFetched, storedPosts } from '../load/follow-state';
import { loadPlan, type LoadProgress, type LoadSummary } from '../load/load';
import { planLoad } from '../load/plan';
import { collectPages, type StopReason } from './collect-pages';
import { FetchError, FollowError } from './errors';
import type { TmeClient } from './tme-client';

export interface FollowProgress {
  channel: string;
  phase: 'fetch' | LoadProgress['phase'];
  /** fetch: pages fetched and posts seen; load phases: rows done of total. */
  done: number;
  total: number | null;
  posts: number;
}

export interface FollowOptions {
  client: TmeClient;
  baseUrl: string;
  since?: Date;
  maxPosts?: number;
  batchSize?: number;
  now?: () => Date;
  onProgress?: (progress: FollowProgress) => void;
}

export interface FollowResult {
  channel: string;
  pages: number;
  /** Posts with text fetched (new ones and the already known ones on the last page). */
  posts: number;
  /** Of those, the posts written: new, changed (edited), or not recorded as written before. */
  written: number;
  newestId: number | null;
  stoppedBy: StopReason;
  load: LoadSummary | null;
  warnings: string[];
}

/** Fetches and writes one channel; on failure records the error on the follow and rethrows it. */
export async function followChannel(
  driver: Driver,
  channel: string,
  options: FollowOptions,
): Promise<FollowResult> {
  const now = options.now ?? (() => new Date());
  try {
    return await fetchAndWrite(driver, channel, options, now);
  } catch (error) {
    const failure = toFollowError(channel, error);
    // Best effort: when the database is what failed, recording the error fails too.
    await recordFailed(driver, channel, failure.message, now()).catch(() => undefined);
    throw failure;
  }
}

async function fetchAndWrite(
  driver: Driver,
  channel: string,
  options: FollowOptions,
  now: () => Date,
): Promise<FollowResult> {
  const state = (await getFollow(driver, channel)) ?? (await addFollow(driver, channel, now()));
  const progress = options.onProgress;
  const collected = await collectPages(options.client, channel, {
    baseUrl: options.baseUrl,
    knownNewestId: state.newestId,
    since: options.since,
    maxPosts: options.maxPosts,
    onPage: (p) => progress?.({ channel, phase: 'fetch', done: p.pages, total: null, posts: p.posts }),
  });
  const warnings: string[] = [];
  if (state.newestId !== null && collected.stoppedBy !== 'known' && collected.stoppedBy !== 'start') {
    warnings.push(
      `stopped by --${collected.stoppedBy} before reaching message ${state.newestId}, the newest one fetched before: posts in between were not fetched`,
    );
  }
  const changed = await withoutUnchanged(driver, channel, collected.posts, state.newestId);
  let load: LoadSummary | null = null;
  if (changed.length > 0 && collected.channel) {
    const source = collected.pages.map((p) => p.url).join(', ');
    const parsed: ParsedExport = {
      format: 'tme-html',
      source,
      channel: { ...collected.channel, username: channel },
      posts: changed,
      warnings: [],
    };
    // Whether the channel is about ML is judged from every post read, not only the changed ones.
    const plan = planLoad(extract(parsed, { channelIsMl: channelIsMlFrom(collected.posts) }), `@${channel}`);
    load = await loadPlan(driver, plan, {
      batchSize: options.batchSize,
      onProgress: (p) =>
        progress?.({ channel, phase: p.phase, done: p.done, total: p.total, posts: changed.length }),
    });
  }
  const newestId = collected.newestId ?? state.newestId;
  // Last: the record says "written up to newestId", true only once the load above has returned.
  // A channel without messages records 0, which stops no later paging.
  await recordFetched(
    driver,
    channel,
    { newestId: newestId ?? 0, posts: changed.length, pages: collected.pages.length },
    now(),
  );
  return {
    channel,
    pages: collected.pages.length,
    posts: collected.posts.length,
    written: changed.length,
    newestId,
    stoppedBy: collected.stoppedBy,
    load,
    warnings,
  };
}

/**
 * Leaves out posts that an earlier, completed run wrote (id up to the recorded newestId) and that
 * read the same now: the newest page overlaps what is known on every run, and rewriting it would
 * make each refresh cost a full entity-statistics pass. Posts above newestId are always written,
 * even if in the graph: a run killed mid-write may have written them without their statistics.
 */
async function withoutUnchanged(
  driver: Driver,
  channel: string,
  posts: RawPost[],
  newestId: number | null,
): Promise<RawPost[]> {
  if (newestId === null) return posts;
  const known = posts.filter((p) => Number(p.messageId) <= newestId);
  if (known.length === 0) return posts;
  const stored = await storedPosts(
    driver,
    known.map((p) => `${channel}/${p.messageId}`),
  );
  return posts.filter((p) => {
    if (Number(p.messageId) > newestId) return true;
    const before = stored.get(`${channel}/${p.messageId}`);
    return !before || before.text !== p.text || before.date !== p.date;
  });
}

function toFollowError(channel: string, error: unknown): FollowError {
  if (error instanceof FollowError) return error;
  if (error instanceof FetchError) return new FollowError(channel, error.what, error.url, { cause: error });
  const what = error instanceof Error ? error.message : String(error);
  return new FollowError(channel, what, null, { cause: error });
}
