import type { PostDetails, TimelineResponse } from '../api/contract';
import { NotFoundError } from '../errors';
import { apiQuery } from '../repositories/cypher-files';
import { readRows } from '../repositories/read';
import type { ServiceContext } from './context';
import { requireEntities } from './require-entities';

interface PostRow {
  post: Record<string, unknown>;
  mentions: { key: string; name: string; type: string; offsets: number[] }[];
}

const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

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
    title: String(p.title ?? ''),
    text: String(p.text ?? ''),
    date: str(p.date),
    language: String(p.language ?? ''),
    forwardedFrom: str(p.forwardedFrom),
    sourceUrl: str(p.sourceUrl),
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
