/**
 * Pages back through a channel's t.me/s pages, newest first, until one of the stops:
 *   - "known":  a page reaches the newest message already in the graph (the follow's newestId);
 *   - "since":  a page reaches posts older than --since;
 *   - "max-posts": at least --max-posts posts with text are collected;
 *   - "start":  the channel's first post (a page with nothing older than the last one).
 * Only fetching: nothing is written here.
 */
import type { RawPost } from '../model';
import type { ChannelInfo } from '../model';
import { channelPageUrl, readChannelPage, type ChannelPage } from './tme-page';
import type { TmeClient } from './tme-client';

export type StopReason = 'known' | 'since' | 'max-posts' | 'start';

export interface CollectOptions {
  baseUrl: string;
  /** Newest message id already in the graph (null: never fetched). */
  knownNewestId: number | null;
  since?: Date;
  maxPosts?: number;
  onPage?: (progress: { pages: number; posts: number; url: string }) => void;
}

export interface CollectedPages {
  pages: ChannelPage[];
  channel: ChannelInfo | null;
  /** Posts with text, each once, oldest first, limited by since / maxPosts. */
  posts: RawPost[];
  /** Newest message id seen (any message, with text or not); null for a channel without messages. */
  newestId: number | null;
  stoppedBy: StopReason;
}

export async function collectPages(
  client: TmeClient,
  username: string,
  options: CollectOptions,
): Promise<CollectedPages> {
  const pages: ChannelPage[] = [];
  const posts = new Map<number, RawPost>();
  let before: number | null = null;
  let stoppedBy: StopReason = 'start';
  for (;;) {
    const url = channelPageUrl(options.baseUrl, username, before);
    const page = readChannelPage(await client.get(url), username);
    // t.me answers a `before` past the first post with the channel card and no (older) messages.
    const older = before === null ? page.messageIds : page.messageIds.filter((id) => id < before!);
    if (older.length === 0) break;
    pages.push(page);
    for (const post of page.page.posts) posts.set(Number(post.messageId), post);
    options.onPage?.({ pages: pages.length, posts: posts.size, url });
    const oldest = Math.min(...older);
    if (options.knownNewestId !== null && oldest <= options.knownNewestId) {
      stoppedBy = 'known';
      break;
    }
    if (
      options.since &&
      page.page.posts.some((p) => p.date !== null && Date.parse(p.date) < options.since!.getTime())
    ) {
      stoppedBy = 'since';
      break;
    }
    if (options.maxPosts !== undefined && posts.size >= options.maxPosts) {
      stoppedBy = 'max-posts';
      break;
    }
    before = oldest;
  }
  let kept = [...posts.values()].sort((a, b) => Number(a.messageId) - Number(b.messageId));
  if (options.since) {
    const since = options.since.getTime();
    kept = kept.filter((p) => p.date === null || Date.parse(p.date) >= since);
  }
  if (options.maxPosts !== undefined) kept = kept.slice(-options.maxPosts);
  const ids = pages.flatMap((p) => p.messageIds);
  return {
    pages,
    channel: pages[0]?.page.channel ?? null,
    posts: kept,
    newestId: ids.length > 0 ? Math.max(...ids) : null,
    stoppedBy,
  };
}
