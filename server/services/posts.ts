import type { PostDetails, TimelineResponse } from '../api/contract';
import { NotFoundError } from '../errors';
import { apiQuery } from '../repositories/cypher-files';
import { readRows } from '../repositories/read';
import type { ServiceContext } from './context';
import { requireEntities } from './require-entities';

interface PostRow {
  post: Record<string, unknown>;
  username: string | null;
  channelTitle: string | null;
  mentions: { key: string; name: string; type: string; offsets: number[] }[];
}

const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

const USERNAME = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;

/**
 * The post's t.me permalink: its source URL when that is one, else built from the channel's
 * public @username and the message id when both are known (a username can become known after
 * the posts were loaded, e.g. by following the channel); null otherwise.
 */
export function telegramPermalink(
  sourceUrl: string | null,
  username: string | null,
  messageId: unknown,
): string | null {
  if (sourceUrl && /^https:\/\/t\.me\/[A-Za-z][A-Za-z0-9_]{3,31}\/\d+$/.test(sourceUrl)) return sourceUrl;
  const id = messageId === null || messageId === undefined ? '' : String(messageId);
  const name = (username ?? '').replace(/^@/, '');
  return USERNAME.test(name) && /^\d+$/.test(id) ? `https://t.me/${name}/${id}` : null;
}

/** A post with its text and every mention as a span, in text order (for highlighting). */
export async function getPost(ctx: ServiceContext, id: string): Promise<PostDetails> {
  const [row] = await readRows<PostRow>(
    ctx.driver,
    apiQuery('post'),
    { id },
    {
      origin: 'api/posts',
      timeoutMs: ctx.limits.queryTimeoutMs,
    },
  );
  if (!row) throw new NotFoundError(`api/posts: no post with id "${id}"`);
  const p = row.post;
  const mentions = row.mentions
    .flatMap((m) => {
      const spans: PostDetails['mentions'] = [];
      for (let i = 0; i + 1 < m.offsets.length; i += 2) {
        spans.push({ key: m.key, name: m.name, type: m.type, start: m.offsets[i], end: m.offsets[i + 1] });
      }
      return spans;
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    id: String(p.key),
    channel: String(p.channel ?? ''),
    channelTitle: str(row.channelTitle),
    title: String(p.title ?? ''),
    text: String(p.text ?? ''),
    date: str(p.date),
    language: String(p.language ?? ''),
    forwardedFrom: str(p.forwardedFrom),
    sourceUrl: str(p.sourceUrl),
    permalink: telegramPermalink(str(p.sourceUrl), str(row.username), p.messageId),
    links: Array.isArray(p.links) ? p.links.map(String) : [],
    mentions,
  };
}

/** Posts per month, of the whole graph or of one entity. */
export async function getTimeline(ctx: ServiceContext, key: string | null): Promise<TimelineResponse> {
  const options = { origin: 'api/timeline', timeoutMs: ctx.limits.queryTimeoutMs };
  if (key !== null) {
    await requireEntities(ctx, [['key', key]], options);
  }
  const months = await readRows<{ month: string; count: number }>(
    ctx.driver,
    apiQuery('timeline'),
    { key },
    options,
  );
  return { key, months };
}
