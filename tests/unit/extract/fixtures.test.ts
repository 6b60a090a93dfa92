import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extract } from '../../../ingest/extract';
import type { ExtractedPost } from '../../../ingest/model';
import { exportOf } from './post-builder';

/**
 * Hand-written English and Russian posts (tests/fixtures/extract) with what must be found: a guard
 * against rules that only work for the seed corpus.
 */

interface FixturePost {
  text: string;
  entities: { name: string; type: string }[];
  relations: { from: string | string[]; type: string; to: string; score?: number; metric?: string }[];
  absent: string[];
}

function load(name: string): FixturePost[] {
  const file = path.resolve(__dirname, '../../fixtures/extract', `${name}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { posts: FixturePost[] }).posts;
}

function check(fixture: FixturePost, post: ExtractedPost): void {
  for (const e of fixture.entities)
    expect(post.entities.map((x) => `${x.type}:${x.name}`)).toContain(`${e.type}:${e.name}`);
  for (const r of fixture.relations) {
    const froms = Array.isArray(r.from) ? r.from : [r.from];
    for (const from of froms) {
      const hit = post.relations.find((x) => x.from === from && x.type === r.type && x.to === r.to);
      expect(
        hit ? `${from} ${r.type} ${r.to}` : post.relations.map((x) => `${x.from} ${x.type} ${x.to}`),
      ).toBe(`${from} ${r.type} ${r.to}`);
      if (r.score !== undefined) expect(hit).toMatchObject({ score: r.score, metric: r.metric });
    }
  }
  for (const name of fixture.absent) expect(post.entities.map((x) => x.name)).not.toContain(name);
}

describe.each(['english-ml-news', 'russian-ml-news'])('fixture %s', (name) => {
  const fixtures = load(name);
  const posts = extract(exportOf(fixtures.map((f) => f.text))).posts;

  it.each(fixtures.map((f, i) => [f.text.split('\n')[0], i] as const))(
    'finds what "%s" states',
    (_title, i) => {
      check(fixtures[i], posts[i]);
    },
  );

  it('keeps precision: at most one entity in five is not expected', () => {
    const expected = fixtures.reduce((n, f) => n + f.entities.length, 0);
    const found = posts.reduce((n, p) => n + p.entities.filter((e) => e.type !== 'Repository').length, 0);
    const expectedNonRepo = fixtures.reduce(
      (n, f) => n + f.entities.filter((e) => e.type !== 'Repository').length,
      0,
    );
    expect(expected).toBeGreaterThan(0);
    expect(found).toBeLessThanOrEqual(Math.ceil(expectedNonRepo * 1.25));
  });
});
