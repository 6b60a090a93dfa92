/**
 * The path search: reads the graph around both ends, level by level, into memory and finds the k
 * first paths there (k-shortest-paths.ts). How much it reads is bounded by a count of links, never
 * by a clock, so the same graph and request give the same answer on any machine at any load; a
 * clock can only make it fail (TimeoutError, 504), never answer with less.
 *
 * Why it is exact: once the side of `from` has read the links of every entity fewer than a hops
 * from it and the side of `to` those fewer than b hops from it, every path of at most a + b hops
 * has all its links read (its hop i starts fewer than a hops from `from` when i < a, and
 * otherwise ends fewer than b hops from `to`). So the k first paths of at most a + b hops in the
 * links read are the k first in the graph. The search reads one more level on the side with the
 * smaller frontier until a + b = max, until k paths are found (no longer path can come before
 * them), or until a side has nothing left to read (its whole component is read).
 *
 * The bound: `maxLinks` links read in all. A level that would go past it is not used (a query
 * asks for one row more than allowed, so a hub's level is not read in full to find that out); the
 * other side goes on alone, and when it cannot either, the answer is the k first paths of at most
 * a + b hops, with `searchedHops` = a + b saying so. Which level that is depends on the graph only.
 */
import { TimeoutError } from '../errors';
import { kShortestPaths, LinkGraph, type FoundPath } from './k-shortest-paths';

/** A link as the queries return it: from an entity of the frontier to a neighbour. */
export interface LinkRow {
  from: string;
  to: string;
  type: string;
  forward: boolean;
}

/**
 * Reads the links of the entities in `keys`: at most `limit` rows (so one more than allowed tells
 * that the level is too large), within `timeoutMs`.
 */
export type ReadLinks = (keys: string[], limit: number, timeoutMs: number) => Promise<LinkRow[]>;

export interface SearchRequest {
  from: string;
  to: string;
  /** Longest path in hops. */
  max: number;
  /** Paths at most. */
  k: number;
  /** Links have no direction (co-mentions): a link read from either end is the same link. */
  symmetric: boolean;
}

export interface SearchResult {
  /** The k first paths of at most searchedHops hops, shortest first, ties in comparePaths order. */
  paths: FoundPath[];
  /** max, or fewer when reading the next level would have gone past maxLinks. */
  searchedHops: number;
  /** Links read: what the search cost, a function of the graph and the request. */
  linksRead: number;
}

/** The one clock of a request: time left until its end; none left is an error, never a shorter answer. */
export class Deadline {
  private readonly endsAt: number;

  constructor(
    readonly ms: number,
    private readonly origin: string,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.endsAt = now() + ms;
  }

  /** Whole milliseconds left (transaction timeouts are integers); throws TimeoutError (504) when none are. */
  remaining(): number {
    const left = this.endsAt - this.now();
    if (left <= 0)
      throw new TimeoutError(
        `${this.origin}: the path search ran past its time limit of ${this.ms} ms; it gives no partial answer, ask again or ask for fewer hops`,
      );
    return Math.ceil(left);
  }
}

interface Side {
  /** Hops from this side's end of every entity seen from it. */
  dist: Map<string, number>;
  /** Entities seen but not yet read: the farthest level. */
  frontier: string[];
  /** Levels read. */
  hops: number;
  /** Its next level would pass the bound on links read. */
  blocked: boolean;
}

export async function searchPaths(
  request: SearchRequest,
  read: ReadLinks,
  bounds: { maxLinks: number; deadline: Deadline },
): Promise<SearchResult> {
  const { from, to, max, k, symmetric } = request;
  const graph = new LinkGraph();
  const start: Side = { dist: new Map([[from, 0]]), frontier: [from], hops: 0, blocked: false };
  const end: Side = { dist: new Map([[to, 0]]), frontier: [to], hops: 0, blocked: false };
  let linksRead = 0;
  let met = false;
  const answer = (hops: number, paths = kShortestPaths(graph, from, to, k, hops)): SearchResult => {
    // Past the deadline the answer is not given, even when complete: an answer must not depend
    // on which side of the deadline the last step happened to fall.
    bounds.deadline.remaining();
    return { paths, searchedHops: hops, linksRead };
  };

  for (;;) {
    const hops = start.hops + end.hops;
    // A side with nothing left to read has read its whole component: every path is in memory.
    if (hops >= max || start.frontier.length === 0 || end.frontier.length === 0) return answer(max);
    if (met) {
      // k paths of at most `hops`: every path not read yet is longer, so none comes before them.
      const paths = kShortestPaths(graph, from, to, k, hops);
      if (paths.length >= k) return answer(max, paths);
    }
    let advanced = false;
    for (const side of start.frontier.length <= end.frontier.length ? [start, end] : [end, start]) {
      if (side.blocked) continue;
      const allowed = bounds.maxLinks - linksRead;
      const rows = await read(side.frontier, allowed + 1, bounds.deadline.remaining());
      if (rows.length > allowed) {
        // Too large (a hub): the other side may still go on. The budget only shrinks and this
        // frontier stays as it is, so the side stays blocked.
        side.blocked = true;
        continue;
      }
      linksRead += rows.length;
      if (readLevel(graph, side, side === start ? end : start, rows, symmetric)) met = true;
      advanced = true;
      break;
    }
    if (!advanced) return answer(hops);
  }
}

/** Adds a level's links and makes its new entities the side's frontier; true when they meet the other side. */
function readLevel(graph: LinkGraph, side: Side, other: Side, rows: LinkRow[], symmetric: boolean): boolean {
  const next = new Set<string>();
  for (const row of rows) {
    graph.add(row.from, { to: row.to, type: row.type, forward: row.forward }, symmetric);
    if (!side.dist.has(row.to)) next.add(row.to);
  }
  side.hops += 1;
  let met = false;
  for (const key of next) {
    side.dist.set(key, side.hops);
    if (other.dist.has(key)) met = true;
  }
  // Sorted so that the query parameters of a level are the same on every run.
  side.frontier = [...next].sort();
  return met;
}
