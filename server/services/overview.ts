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
  /**
   * "The latest months": this many calendar months, ending with the month of the newest post; when
   * they hold fewer than `enoughReleasers` organisations (a small or quiet graph), the next, wider
   * window is tried, and last all time (null), so the list is not empty while releases exist.
   */
  releaseWindows: [3, 12, null],
  enoughReleasers: 3,
  topEntities: 12,
  latestPosts: 8,
  entitiesPerPost: 4,
} as const;

interface SummaryRow {
  channels: number;
  posts: number;
  entities: number;
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
  const read: Read = <T>(name: string, params: Record<string, unknown> = {}) =>
    readRows<T>(ctx.driver, withoutCommentLines(apiQuery(name)), params, options);
  const L = OVERVIEW_LIMITS;
  const readReleasers = (months: number | null) =>
    read<Releaser>('overview-releasers', {
      months,
      limit: L.releasers,
      perOrganisation: L.releasedPerOrganisation,
    });
  const [[summary], [dates], channels, months, topEntities, latestPosts, narrowest] = await Promise.all([
    read<SummaryRow>('overview-summary'),
    read<{ firstDate: string | null; lastDate: string | null }>('overview-dates'),
    read<{ key: string; title: string }>('overview-channels', { limit: L.channels }),
    postsPerMonth(read),
    read<OverviewResponse['topEntities'][number]>('overview-top-entities', { limit: L.topEntities }),
    read<OverviewResponse['latestPosts'][number]>('overview-latest-posts', {
      limit: L.latestPosts,
      entities: L.entitiesPerPost,
    }),
    readReleasers(L.releaseWindows[0]),
  ]);
  const releasers = await latestReleasers(dates.lastDate, narrowest, readReleasers);
  return {
    channels: { count: summary.channels, items: channels },
    posts: summary.posts,
    entities: { count: summary.entities, byType: summary.byType },
    dates: { first: dates.firstDate, last: dates.lastDate },
    months,
    releasers,
    topEntities,
    latestPosts,
  };
}

type Releaser = OverviewResponse['releasers']['items'][number];

/**
 * The releasers of the narrowest window of OVERVIEW_LIMITS.releaseWindows that has enough of them.
 * The narrowest was read beside the other queries; each wider one is one more seek on the
 * released_date index, run only when the narrower found too few (a small or quiet graph).
 */
async function latestReleasers(
  lastDate: string | null,
  narrowest: Releaser[],
  readWindow: (months: number | null) => Promise<Releaser[]>,
): Promise<OverviewResponse['releasers']> {
  if (lastDate === null) return { since: null, months: null, items: [] };
  const [first, ...wider] = OVERVIEW_LIMITS.releaseWindows;
  const windowOf = (months: number | null, items: Releaser[]) => ({
    since: months === null ? null : releaseWindowStart(lastDate, months),
    months,
    items,
  });
  let found = windowOf(first, narrowest);
  for (const months of wider) {
    if (found.items.length >= OVERVIEW_LIMITS.enoughReleasers) break;
    found = windowOf(months, await readWindow(months));
  }
  return found;
}

/**
 * The query without its whole-line // comments. Measured on Neo4j 5.26 at 100k posts
 * (bench/overview.bench.ts): overview-summary took 53 ms with its comments and 9 ms without,
 * overview-releasers 58 and 14, the same statements otherwise; a comment line does not hold
 * a query's text, so dropping it changes nothing else.
 */
const stripped = new Map<string, string>();
function withoutCommentLines(cypher: string): string {
  let text = stripped.get(cypher);
  if (text === undefined) {
    text = cypher
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('//'))
      .join('\n');
    stripped.set(cypher, text);
  }
  return text;
}

type Read = <T>(name: string, params?: Record<string, unknown>) => Promise<T[]>;

interface ChannelMonths {
  months: string[] | null;
  counts: number[] | null;
}

/**
 * Posts per month: the sum of the counts the loader keeps on each channel (a few short lists),
 * or, when a channel has none (imported before the loader kept them, or written by other means),
 * counted from every post's date.
 */
async function postsPerMonth(read: Read): Promise<OverviewResponse['months']> {
  const channels = await read<ChannelMonths>('overview-channel-months');
  if (channels.some((c) => c.months === null || c.counts === null)) {
    return read<{ month: string; count: number }>('overview-months');
  }
  return sumMonths(channels as { months: string[]; counts: number[] }[]);
}

/** Adds up per-channel month counts into one list in month order. */
export function sumMonths(channels: { months: string[]; counts: number[] }[]): OverviewResponse['months'] {
  const total = new Map<string, number>();
  for (const { months, counts } of channels) {
    months.forEach((month, i) => total.set(month, (total.get(month) ?? 0) + (counts[i] ?? 0)));
  }
  return [...total]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, count]) => ({ month, count }));
}
