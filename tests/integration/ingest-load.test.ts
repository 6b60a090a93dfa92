import type { Driver } from 'neo4j-driver';
import { InputError } from '../../ingest/errors';
import { loadExtraction } from '../../ingest/load/load';
import { recordsToPlain } from '../../db/to-plain';
import { extraction, TWO_POSTS_SAME_RELATION, type PostSpec } from './ingest-extractions.fixtures';
import { clearGraph, counts, testDriver } from './support/db';

// testTimeout in a jest project entry is not applied (it is a global option): set it here.
jest.setTimeout(120_000);

let driver: Driver;

beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});
beforeEach(async () => {
  await clearGraph(driver);
});

async function query<T = Record<string, unknown>>(
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  const { records } = await driver.executeQuery(cypher, params);
  return recordsToPlain(records) as T[];
}

/** Every node and relationship with its properties, in a stable order: "the same graph". */
/**
 * Every node and relationship with its properties, except Channel.importedAt: that one is the time
 * of the last import (it tells servers to drop cached answers), so it changes by design.
 */
async function snapshot(): Promise<string[]> {
  const all = await query<{ labels: string[]; props: Record<string, unknown> }>(
    'MATCH (n) RETURN labels(n) AS labels, CASE WHEN n:Channel THEN n {.*, importedAt: null} ELSE properties(n) END AS props',
  );
  const rels = await query<{ from: string; type: string; to: string; props: Record<string, unknown> }>(
    'MATCH (a)-[r]->(b) RETURN a.key AS from, type(r) AS type, b.key AS to, properties(r) AS props',
  );
  return [
    ...all.map((n) => `${[...n.labels].sort().join(':')} ${JSON.stringify(sortKeys(n.props))}`),
    ...rels.map((r) => `${r.from} -${r.type}-> ${r.to} ${JSON.stringify(sortKeys(r.props))}`),
  ].sort();
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

describe('loadExtraction', () => {
  it('leaves the same nodes, relationships and properties when the same extraction is loaded twice', async () => {
    const input = extraction('lab', TWO_POSTS_SAME_RELATION);
    const first = await loadExtraction(driver, input, { batchSize: 3 });
    const afterFirst = await counts(driver);
    const graphAfterFirst = await snapshot();
    const [{ importedAt: firstMark }] = await query<{ importedAt: string }>(
      "MATCH (c:Channel {key: 'lab'}) RETURN c.importedAt AS importedAt",
    );
    await loadExtraction(driver, input, { batchSize: 3 });
    expect(await counts(driver)).toEqual(afterFirst);
    expect(await snapshot()).toEqual(graphAfterFirst);
    const [{ importedAt: secondMark }] = await query<{ importedAt: string }>(
      "MATCH (c:Channel {key: 'lab'}) RETURN c.importedAt AS importedAt",
    );
    expect(Date.parse(secondMark)).toBeGreaterThanOrEqual(Date.parse(firstMark));
    // 1 channel + 1 forwarded-from channel + 3 posts + 6 entities.
    expect(afterFirst.nodes).toBe(11);
    expect(first).toMatchObject({
      posts: 3,
      entities: 6,
      mentions: 8,
      relations: { RELEASED: 3, USES: 1, EVALUATED_ON: 1 },
    });
  });

  it('keeps one relationship per post that states a relation, each with its own evidence', async () => {
    await loadExtraction(driver, extraction('lab', TWO_POSTS_SAME_RELATION));
    const rows = await query<{ post: string; evidence: string; date: string }>(
      `MATCH (:Entity {key: 'meta'})-[r:RELEASED]->(:Entity {key: 'llama'})
       RETURN r.post AS post, r.evidence AS evidence, r.date AS date ORDER BY post`,
    );
    expect(rows).toEqual([
      { post: 'lab/1', evidence: 'Meta released Llama today.', date: '2024-01-01T10:00:00Z' },
      {
        post: 'lab/2',
        evidence: 'A week later Meta released Llama weights for everyone.',
        date: '2024-01-02T10:00:00Z',
      },
    ]);
  });

  it('stores score and metric on EVALUATED_ON and links a forwarded post to its source channel', async () => {
    await loadExtraction(driver, extraction('lab', TWO_POSTS_SAME_RELATION));
    const [evaluated] = await query(
      `MATCH (:Model {key: 'mixtral'})-[r:EVALUATED_ON]->(:Dataset {key: 'mmlu'}) RETURN r.score AS score, r.metric AS metric`,
    );
    expect(evaluated).toEqual({ score: 70.6, metric: 'accuracy' });
    const forwarded = await query(
      `MATCH (p:Post)-[:FORWARDED_FROM]->(c:Channel) RETURN p.key AS post, c.key AS channel, c.title AS title`,
    );
    expect(forwarded).toEqual([{ post: 'lab/3', channel: 'paper-digest', title: 'Paper Digest' }]);
    const [inChannel] = await query(
      `MATCH (:Post)-[:IN_CHANNEL]->(c:Channel {key: 'lab'}) RETURN count(*) AS n`,
    );
    expect(inChannel).toEqual({ n: 3 });
  });

  it('writes MENTIONS with an integer count, integer offsets into the text and the sentences', async () => {
    await loadExtraction(driver, extraction('lab', TWO_POSTS_SAME_RELATION));
    const rows = await query<{ count: unknown; offsets: unknown[]; sentences: string[]; text: string }>(
      `MATCH (p:Post {key: 'lab/3'})-[m:MENTIONS]->(:Entity {key: 'mixtral'})
       RETURN m.count AS count, m.offsets AS offsets, m.sentences AS sentences, p.text AS text`,
    );
    expect(rows).toHaveLength(1);
    const [{ count, offsets, sentences, text }] = rows;
    expect(count).toBe(2);
    expect(offsets.every((o) => Number.isInteger(o))).toBe(true);
    expect(text.slice(offsets[0] as number, offsets[1] as number)).toBe('Mixtral');
    expect(text.slice(offsets[2] as number, offsets[3] as number)).toBe('Mixtral');
    expect(sentences).toEqual(['Mistral AI released Mixtral.', 'Mixtral scores 70.6 on MMLU.']);
    const [{ integerTypes }] = await query<{ integerTypes: boolean }>(
      `MATCH ()-[m:MENTIONS]->() RETURN all(x IN collect(m.count) WHERE valueType(x) STARTS WITH 'INTEGER') AS integerTypes`,
    );
    expect(integerTypes).toBe(true);
  });

  it('unions aliases across posts and imports without duplicates', async () => {
    await loadExtraction(driver, extraction('lab', TWO_POSTS_SAME_RELATION));
    await loadExtraction(
      driver,
      extraction('other', [
        {
          messageId: 9,
          text: 'META opened an office.',
          entities: [{ name: 'META', type: 'Organization', aliases: ['Facebook', 'Meta Platforms'] }],
        },
      ]),
    );
    const [meta] = await query<{ name: string; aliases: string[] }>(
      `MATCH (e:Entity {key: 'meta'}) RETURN e.name AS name, e.aliases AS aliases`,
    );
    expect(meta.name).toBe('Meta');
    expect([...meta.aliases].sort()).toEqual(['FB AI', 'Facebook', 'META', 'Meta Platforms']);
  });

  it('computes mentionCount, postCount, firstSeen and lastSeen over all posts', async () => {
    await loadExtraction(driver, extraction('lab', TWO_POSTS_SAME_RELATION));
    const [llama] = await query(
      `MATCH (e:Entity {key: 'llama'})
       RETURN e.mentionCount AS mentionCount, e.postCount AS postCount, e.firstSeen AS firstSeen, e.lastSeen AS lastSeen`,
    );
    expect(llama).toEqual({
      mentionCount: 2,
      postCount: 2,
      firstSeen: '2024-01-01T10:00:00Z',
      lastSeen: '2024-01-02T10:00:00Z',
    });
  });

  it('gives an entity the type most posts give it, as its only type label', async () => {
    const gemini = (messageId: number, type: 'Model' | 'Product'): PostSpec => ({
      messageId,
      text: `Gemini news number ${messageId}.`,
      entities: [{ name: 'Gemini', type }],
    });
    await loadExtraction(driver, extraction('lab', [gemini(1, 'Product')]));
    await loadExtraction(driver, extraction('lab', [gemini(2, 'Model'), gemini(3, 'Model')]));
    const [row] = await query<{ type: string; labels: string[] }>(
      `MATCH (e:Entity {key: 'gemini'}) RETURN e.type AS type, labels(e) AS labels`,
    );
    expect(row.type).toBe('Model');
    expect([...row.labels].sort()).toEqual(['Entity', 'Model']);
  });

  it('updates posts of an edited export in place and drops what the edit removed', async () => {
    await loadExtraction(driver, extraction('lab', TWO_POSTS_SAME_RELATION));
    const before = await counts(driver);
    const edited = structuredClone(TWO_POSTS_SAME_RELATION);
    // Post 1 no longer mentions PyTorch (its only mention), so USES and PyTorch itself go away.
    edited[0] = {
      messageId: 1,
      text: 'Meta released Llama today (edited).',
      entities: [
        { name: 'Meta', type: 'Organization' },
        { name: 'Llama', type: 'Model' },
      ],
      relations: [{ from: 'Meta', type: 'RELEASED', to: 'Llama' }],
    };
    await loadExtraction(driver, extraction('lab', edited));

    const [post] = await query(`MATCH (p:Post {key: 'lab/1'}) RETURN p.text AS text, count(*) AS n`);
    expect(post).toEqual({ text: 'Meta released Llama today (edited).', n: 1 });
    const after = await counts(driver);
    // One entity (PyTorch) fewer; its MENTIONS and the USES relationship fewer.
    expect(after).toEqual({ nodes: before.nodes - 1, relationships: before.relationships - 2 });
    expect(await query(`MATCH (e:Entity {key: 'pytorch'}) RETURN e.key`)).toEqual([]);
    const [released] = await query(
      `MATCH (:Entity {key: 'meta'})-[r:RELEASED {post: 'lab/1'}]->() RETURN r.evidence AS evidence`,
    );
    expect(released).toEqual({ evidence: 'Meta released Llama today (edited).' });
  });

  it('rejects an extraction whose relation has no entity in its post, writing nothing', async () => {
    const bad = extraction('lab', [
      {
        messageId: 5,
        text: 'OpenAI released Sora.',
        entities: [{ name: 'OpenAI', type: 'Organization' }],
        relations: [{ from: 'OpenAI', type: 'RELEASED', to: 'Sora' }],
      },
    ]);
    await expect(loadExtraction(driver, bad)).rejects.toThrow(InputError);
    await expect(loadExtraction(driver, bad)).rejects.toThrow(/message 5: relation OpenAI -RELEASED-> Sora/);
    expect(await counts(driver)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('reports progress for each phase up to its total', async () => {
    const seen: string[] = [];
    await loadExtraction(driver, extraction('lab', TWO_POSTS_SAME_RELATION), {
      batchSize: 4,
      onProgress: (p) => seen.push(`${p.phase} ${p.done}/${p.total}`),
    });
    expect(seen).toEqual([
      'entities 4/6',
      'entities 6/6',
      'posts 1/3',
      'posts 2/3',
      'posts 3/3',
      'finalize 4/6',
      'finalize 6/6',
    ]);
  });
});
