/**
 * The path search's bounds: a count of links read decides how far it looks (the same on every
 * run), and the clock can only turn the answer into a TimeoutError. The clock here is a counter
 * the reader advances, so no verdict depends on how fast the machine is.
 */
import { TimeoutError } from '../../../server/errors';
import { Deadline, searchPaths, type LinkRow, type ReadLinks } from '../../../server/services/path-search';

/**
 * A ladder of `rungs` squares from a to z: every rung offers two entities (top t<i>, bottom b<i>),
 * so there are 2^rungs shortest paths and many longer ones; plus a direct but long detour.
 */
function ladder(rungs: number): LinkRow[] {
  const rows: LinkRow[] = [];
  const link = (from: string, to: string, type = 'USES') => rows.push({ from, to, type, forward: true });
  let ends = ['a'];
  for (let i = 1; i <= rungs; i++) {
    for (const from of ends) {
      link(from, `t${i}`);
      link(from, `b${i}`, 'PART_OF');
    }
    link(`t${i}`, `b${i}`, 'OWNS');
    ends = [`t${i}`, `b${i}`];
  }
  for (const from of ends) link(from, 'z');
  return rows;
}

/**
 * Reads links from rows in memory, both ways (co-mentions, `symmetric`: forward either way, as
 * path-links-via-posts.cypher gives them), and tells how it was called.
 */
function reader(
  rows: LinkRow[],
  onRead: () => void = () => undefined,
  shuffle = false,
  symmetric = false,
): ReadLinks {
  return async (keys, limit) => {
    onRead();
    const wanted = new Set(keys);
    const out: LinkRow[] = [];
    for (const r of rows) {
      if (wanted.has(r.from)) out.push(r);
      if (wanted.has(r.to))
        out.push({ from: r.to, to: r.from, type: r.type, forward: symmetric || !r.forward });
    }
    // The database gives rows in no promised order: a reversed order must not change the answer.
    if (shuffle) out.reverse();
    return out.slice(0, limit);
  };
}

const request = { from: 'a', to: 'z', max: 6, k: 10, symmetric: false };
const roomy = () => new Deadline(1_000_000, 'test', () => 0);
const summary = (paths: { nodes: string[] }[]) => paths.map((p) => p.nodes.join(' '));

describe('searchPaths', () => {
  it('answers the same whatever order the rows come in', async () => {
    const rows = ladder(4);
    const one = await searchPaths(request, reader(rows), { maxLinks: 10_000, deadline: roomy() });
    const other = await searchPaths(request, reader([...rows].reverse(), undefined, true), {
      maxLinks: 10_000,
      deadline: roomy(),
    });
    expect(other).toEqual(one);
    expect(one.searchedHops).toBe(6);
    expect(one.paths).toHaveLength(10);
    // 16 shortest paths of 5 hops: the first 10 in key order (b before t at every rung).
    expect(summary(one.paths).slice(0, 3)).toEqual(['a b1 b2 b3 b4 z', 'a b1 b2 b3 t4 z', 'a b1 b2 t3 b4 z']);
    expect(one.paths.every((p) => p.links.length === 5)).toBe(true);
  });

  it('stops at a level that would read more links than allowed, and says how far it searched', async () => {
    const rows = ladder(4);
    const full = await searchPaths(request, reader(rows), { maxLinks: 10_000, deadline: roomy() });
    const bounded = await searchPaths(request, reader(rows), { maxLinks: 12, deadline: roomy() });
    expect(bounded.searchedHops).toBeLessThan(5);
    expect(bounded.paths).toEqual([]);
    expect(bounded.linksRead).toBeLessThanOrEqual(12);
    // The same bound gives the same answer on every run: the bound is a count, not a time.
    expect(await searchPaths(request, reader(rows), { maxLinks: 12, deadline: roomy() })).toEqual(bounded);
    expect(full.searchedHops).toBe(6);
  });

  it('goes on from the other end when one end is a hub whose level passes the bound', async () => {
    // `a` has 30 leaves besides the chain a - x - y - z: reading it at all would pass 20 links.
    const rows: LinkRow[] = Array.from({ length: 30 }, (_, i) => ({
      from: 'a',
      to: `leaf${i}`,
      type: 'USES',
      forward: true,
    }));
    for (const [from, to] of [
      ['a', 'x'],
      ['x', 'y'],
      ['y', 'z'],
    ])
      rows.push({ from, to, type: 'PART_OF', forward: true });
    const found = await searchPaths({ ...request, max: 3 }, reader(rows), {
      maxLinks: 20,
      deadline: roomy(),
    });
    expect(summary(found.paths)).toEqual(['a x y z']);
    expect(found.searchedHops).toBe(3);
    const tooFar = await searchPaths({ ...request, max: 4 }, reader(rows), {
      maxLinks: 20,
      deadline: roomy(),
    });
    // Both ends blocked after the other side's three levels: exact up to 3 hops, and said so.
    expect(tooFar).toMatchObject({ searchedHops: 3 });
    expect(summary(tooFar.paths)).toEqual(['a x y z']);
  });

  it('runs out of time with a TimeoutError, never with fewer paths', async () => {
    const rows = ladder(4);
    let clock = 0;
    const slowReader = reader(rows, () => {
      clock += 10;
    });
    const answers: string[] = [];
    const answered: number[] = [];
    const failures: number[] = [];
    // Budgets from too small for one read to enough for all: each gives the full answer or fails.
    for (let budget = 5; budget <= 200; budget += 5) {
      clock = 0;
      const deadline = new Deadline(budget, 'api/paths', () => clock);
      try {
        const found = await searchPaths(request, slowReader, { maxLinks: 10_000, deadline });
        answers.push(JSON.stringify(found));
        answered.push(budget);
      } catch (error) {
        expect(error).toBeInstanceOf(TimeoutError);
        expect((error as TimeoutError).status).toBe(504);
        expect((error as Error).message).toMatch(
          /^api\/paths: .*time limit of \d+ ms; it gives no partial answer/,
        );
        failures.push(budget);
      }
    }
    expect(failures.length).toBeGreaterThan(0);
    expect(answers.length).toBeGreaterThan(0);
    expect(new Set(answers).size).toBe(1);
    // Every budget that fails is smaller than every budget that answers.
    expect(Math.max(...failures)).toBeLessThan(Math.min(...answered));
  });

  it('with a bound between two levels, answers every path up to the last level read in full', async () => {
    const rows = ladder(4);
    const asked = { ...request, k: 40 };
    const full = await searchPaths(asked, reader(rows), { maxLinks: 10_000, deadline: roomy() });
    expect([...new Set(full.paths.map((p) => p.links.length))]).toEqual([5, 6]);
    for (let maxLinks = 0; maxLinks <= full.linksRead; maxLinks++) {
      const bounded = await searchPaths(asked, reader(rows), { maxLinks, deadline: roomy() });
      const within = full.paths.filter((p) => p.links.length <= bounded.searchedHops);
      expect(bounded.paths).toEqual(within);
      if (maxLinks < full.linksRead) expect(bounded.searchedHops).toBeLessThan(6);
    }
  });

  it('stops early once k paths are found: no longer path can come before them', async () => {
    let reads = 0;
    const found = await searchPaths(
      { ...request, k: 2 },
      reader(ladder(4), () => (reads += 1)),
      {
        maxLinks: 10_000,
        deadline: roomy(),
      },
    );
    expect(summary(found.paths)).toEqual(['a b1 b2 b3 b4 z', 'a b1 b2 b3 t4 z']);
    expect(found.searchedHops).toBe(6);
    expect(reads).toBe(5);
  });

  it('takes co-mentions either way as one link when symmetric', async () => {
    const rows: LinkRow[] = [
      { from: 'a', to: 'm', type: 'CO_MENTIONED', forward: true },
      { from: 'z', to: 'm', type: 'CO_MENTIONED', forward: true },
    ];
    const found = await searchPaths({ ...request, symmetric: true }, reader(rows, undefined, false, true), {
      maxLinks: 100,
      deadline: roomy(),
    });
    expect(found.paths).toEqual([
      {
        nodes: ['a', 'm', 'z'],
        links: [
          { to: 'm', type: 'CO_MENTIONED', forward: true },
          { to: 'z', type: 'CO_MENTIONED', forward: true },
        ],
      },
    ]);
  });
});
