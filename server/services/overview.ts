import type { EntityTypeName, OverviewResponse } from '../api/contract';
import { apiQuery } from '../repositories/cypher-files';
import { readRows } from '../repositories/read';
import type { ServiceContext } from './context';

/**
 * Bounds of every overview list: the first screen must read the same for one channel or twenty,
 * and each list is read in index order up to its bound, so its cost does not grow with the graph.
 */
export const OVERVIEW_LIMITS = {
  channels: 10,
  releasers: 8,
  releasedPerOrganisation: 5,
  /** "The latest months": this many calendar months, ending with the month of the newest post. */
  releaseMonths: 3,
  topEntities: 12,
  latestPosts: 8,
  entitiesPerPost: 4,
} as const;

interface SummaryRow {
  channels: number;
  posts: number;
  entities: number;
  firstDate: string | null;
  lastDate: string | null;
  byType: Record<EntityTypeName, number>;
}

/**
 * The first month of the `months` calendar months that end with the month of `lastDate`, as
 * "YYYY-MM". Counted from the newest post, not from today, so an archive of last year's posts
 * still shows who released what in its own latest months.
 */
export function releaseWindowStart(lastDate: string | null, months: number): string | null {
  const match = /^(\d{4})-(\d{2})/.exec(lastDate ?? '');
  if (!match) return null;
  const index = Number(match[1]) * 12 + (Number(match[2]) - 1) - (months - 1);
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * GET /api/overview. Every query reads the count store or an index in order (cypher/api/overview-*
 * .cypher), so the answer costs about the same at 1k and 100k posts; the independent ones run in
 * parallel on their own sessions, and the releases, which need the newest post's month, follow.
 */
export async function getOverview(ctx: ServiceContext): Promise<OverviewResponse> {
  const options = { origin: 'api/overview', timeoutMs: ctx.limits.queryTimeoutMs };
  const read = <T>(name: string, params: Record<string, unknown> = {}) =>
    readRows<T>(ctx.driver, apiQuery(name), params, options);
  const L = OVERVIEW_LIMITS;
  const [[summary], channels, months, topEntities, latestPosts] = await Promise.all([
    read<SummaryRow>('overview-summary'),
    read<{ key: string; title: string }>('overview-channels', { limit: L.channels }),
    read<{ month: string; count: number }>('overview-months'),
    read<OverviewResponse['topEntities'][number]>('overview-top-entities', { limit: L.topEntities }),
    read<OverviewResponse['latestPosts'][number]>('overview-latest-posts', {
      limit: L.latestPosts,
      entities: L.entitiesPerPost,
    }),
  ]);
  const since = releaseWindowStart(summary.lastDate, L.releaseMonths);
  const releasers =
    since === null
      ? []
      : await read<OverviewResponse['releasers']['items'][number]>('overview-releasers', {
          since,
          limit: L.releasers,
          perOrganisation: L.releasedPerOrganisation,
        });
  return {
    channels: { count: summary.channels, items: channels },
    posts: summary.posts,
    entities: { count: summary.entities, byType: summary.byType },
    dates: { first: summary.firstDate, last: summary.lastDate },
    months,
    releasers: { since, months: L.releaseMonths, items: releasers },
    topEntities,
    latestPosts,
  };
}
