/**
 * The k first simple paths between two entities in a graph held in memory, in one total order:
 * shorter first, then hop by hop by (next entity key, relationship type, stored direction).
 * Yen's algorithm, with breadth-first searches that return the smallest shortest path in that
 * order: its cost is a function of the graph alone (at most k × max breadth-first searches over
 * the links read), so the answer never depends on how fast the machine is.
 */

/**
 * One step from the entity whose list holds it to `to`. Parallel relationships of one type and
 * direction (one per post) are one link: paths that differ only in which post they cite are one
 * path, and the hop cites all of those posts.
 */
export interface Link {
  to: string;
  type: string;
  /** The relationship is stored from this entity to `to`; co-mentions have no direction: true. */
  forward: boolean;
}

export interface FoundPath {
  /** Entity keys, from the start to the end. */
  nodes: string[];
  /** links[i] leads from nodes[i] to nodes[i + 1]. */
  links: Link[];
}

/**
 * Code-unit order. localeCompare would follow the machine's locale and ICU data, and the order of
 * the answer must not depend on the machine.
 */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareLinks(a: Link, b: Link): number {
  return (
    compareStrings(a.to, b.to) || compareStrings(a.type, b.type) || Number(b.forward) - Number(a.forward)
  );
}

/** Shorter first, then hop by hop. All paths start at the same entity, so this orders them totally. */
export function comparePaths(a: FoundPath, b: FoundPath): number {
  if (a.links.length !== b.links.length) return a.links.length - b.links.length;
  for (let i = 0; i < a.links.length; i++) {
    const c = compareLinks(a.links[i], b.links[i]);
    if (c !== 0) return c;
  }
  return 0;
}

function linkKey(link: Link): string {
  return `${link.to}\u0000${link.type}\u0000${link.forward ? '>' : '<'}`;
}

function signature(path: FoundPath): string {
  return path.links.map(linkKey).join('\u0001');
}

/** Links by entity, each list kept in compareLinks order so that searches take them in order. */
export class LinkGraph {
  private readonly adjacency = new Map<string, Link[]>();
  private readonly keys = new Set<string>();
  private readonly unsorted = new Set<string>();

  /**
   * Adds a link and its reverse (a path may take a relationship either way). `symmetric`: the
   * reverse is also forward (co-mentions have no direction).
   */
  add(from: string, link: Link, symmetric = false): void {
    this.put(from, link);
    this.put(link.to, { to: from, type: link.type, forward: symmetric ? link.forward : !link.forward });
  }

  private put(from: string, link: Link): void {
    const key = `${from}\u0002${linkKey(link)}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    let list = this.adjacency.get(from);
    if (!list) this.adjacency.set(from, (list = []));
    list.push(link);
    this.unsorted.add(from);
  }

  links(from: string): readonly Link[] {
    const list = this.adjacency.get(from);
    if (!list) return [];
    if (this.unsorted.delete(from)) list.sort(compareLinks);
    return list;
  }
}

/** Hops from every entity to `target` within `depth`, not passing through `removed`. */
function distancesTo(
  graph: LinkGraph,
  target: string,
  removed: Set<string>,
  depth: number,
): Map<string, number> {
  const dist = new Map<string, number>([[target, 0]]);
  let level = [target];
  for (let d = 1; d <= depth && level.length > 0; d++) {
    const next: string[] = [];
    for (const node of level)
      for (const link of graph.links(node))
        if (!dist.has(link.to) && !removed.has(link.to)) {
          dist.set(link.to, d);
          next.push(link.to);
        }
    level = next;
  }
  return dist;
}

/**
 * The smallest shortest path from `start` to `target` of at most `maxHops`, avoiding the entities
 * in `removed` and the first links in `banned` (Yen's spur path). Links are undirected, so the
 * distances to the target come from one breadth-first search from it; walking from the start, the
 * first link (in order) that gets one hop closer is the smallest choice at every step.
 */
function smallestShortestPath(
  graph: LinkGraph,
  start: string,
  target: string,
  removed: Set<string>,
  banned: Set<string>,
  maxHops: number,
): FoundPath | null {
  if (maxHops < 1) return null;
  // The start is removed too: a shortest path never comes back to it, and so the links banned
  // from it are the only ones to avoid.
  const avoid = new Set(removed).add(start);
  const dist = distancesTo(graph, target, avoid, maxHops - 1);
  let first: Link | null = null;
  let best = Infinity;
  for (const link of graph.links(start)) {
    if (avoid.has(link.to) || banned.has(linkKey(link))) continue;
    const d = dist.get(link.to);
    if (d !== undefined && d + 1 < best) {
      first = link;
      best = d + 1;
    }
  }
  if (!first) return null;
  const path: FoundPath = { nodes: [start, first.to], links: [first] };
  let at = first.to;
  while (at !== target) {
    const closer = dist.get(at)! - 1;
    const step = graph.links(at).find((l) => !avoid.has(l.to) && dist.get(l.to) === closer)!;
    path.nodes.push(step.to);
    path.links.push(step);
    at = step.to;
  }
  return path;
}

function sameLinks(a: FoundPath, b: FoundPath, count: number): boolean {
  for (let i = 0; i < count; i++) if (linkKey(a.links[i]) !== linkKey(b.links[i])) return false;
  return true;
}

/**
 * The first `k` simple paths of at most `maxHops` from `from` to `to`, in comparePaths order.
 * Yen: each next path leaves one already found at some entity (its spur) by a link none of the
 * found paths with the same beginning took, and goes on by the smallest shortest way that does
 * not pass the beginning again. The order is prefix-consistent (same beginning: the order of the
 * rests decides), which is what Yen needs to hand out the paths in exactly this order.
 */
export function kShortestPaths(
  graph: LinkGraph,
  from: string,
  to: string,
  k: number,
  maxHops: number,
): FoundPath[] {
  if (from === to || k < 1) return [];
  const first = smallestShortestPath(graph, from, to, new Set(), new Set(), maxHops);
  if (!first) return [];
  const found = [first];
  const seen = new Set([signature(first)]);
  const candidates = new Map<string, FoundPath>();
  while (found.length < k) {
    const last = found[found.length - 1];
    for (let i = 0; i < last.links.length; i++) {
      const banned = new Set<string>();
      for (const p of found) if (p.links.length > i && sameLinks(p, last, i)) banned.add(linkKey(p.links[i]));
      const rest = smallestShortestPath(
        graph,
        last.nodes[i],
        to,
        new Set(last.nodes.slice(0, i)),
        banned,
        maxHops - i,
      );
      if (!rest) continue;
      const path: FoundPath = {
        nodes: [...last.nodes.slice(0, i), ...rest.nodes],
        links: [...last.links.slice(0, i), ...rest.links],
      };
      const sig = signature(path);
      if (seen.has(sig)) continue;
      seen.add(sig);
      candidates.set(sig, path);
    }
    let next: [string, FoundPath] | null = null;
    for (const entry of candidates) if (!next || comparePaths(entry[1], next[1]) < 0) next = entry;
    if (!next) break;
    candidates.delete(next[0]);
    found.push(next[1]);
  }
  return found;
}
