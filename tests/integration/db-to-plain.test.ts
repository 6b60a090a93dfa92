import type { Driver } from 'neo4j-driver';
import { recordsToPlain, toPlain } from '../../db/to-plain';
import { clearGraph, counts, testDriver } from './support/db';

describe('toPlain (values as the driver returns them from a real Neo4j)', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await clearGraph(driver);
  });
  afterAll(async () => {
    await clearGraph(driver);
    await driver.close();
  });

  it('turns Integers into numbers, and integers beyond 2^53 into exact strings', async () => {
    const { records } = await driver.executeQuery(
      'RETURN 42 AS small, 9007199254740993 AS big, [1, 2] AS list',
    );
    expect(recordsToPlain(records)).toEqual([{ small: 42, big: '9007199254740993', list: [1, 2] }]);
  });

  it('turns temporal values and durations into ISO 8601 strings', async () => {
    const { records } = await driver.executeQuery(
      "RETURN date('2024-05-01') AS d, datetime('2024-05-01T10:00:00Z') AS dt, " +
        "localdatetime('2024-05-01T10:00:00') AS ldt, duration('P1M2DT3S') AS dur",
    );
    expect(toPlain(records[0])).toEqual({
      d: '2024-05-01',
      dt: '2024-05-01T10:00:00Z',
      ldt: '2024-05-01T10:00:00',
      dur: 'P1M2DT3S',
    });
  });

  it('turns nodes, relationships and paths into plain objects with element ids', async () => {
    const { records } = await driver.executeQuery(
      "CREATE path = (a:Entity:Model {key: 'gpt-4', mentionCount: 3})-[r:EVALUATED_ON {score: 86.4}]->(b:Entity:Dataset {key: 'mmlu'}) " +
        'RETURN a, r, path',
    );
    const plain = toPlain(records[0]) as Record<string, Record<string, unknown>>;
    expect(plain.a).toEqual({
      elementId: expect.any(String),
      labels: expect.arrayContaining(['Entity', 'Model']),
      properties: { key: 'gpt-4', mentionCount: 3 },
    });
    expect(plain.r).toEqual({
      elementId: expect.any(String),
      type: 'EVALUATED_ON',
      start: plain.a.elementId,
      end: expect.any(String),
      properties: { score: 86.4 },
    });
    expect(plain.path.nodes).toEqual([plain.a, expect.objectContaining({ properties: { key: 'mmlu' } })]);
    expect(plain.path.relationships).toEqual([plain.r]);
    expect(await counts(driver)).toEqual({ nodes: 2, relationships: 1 });
  });

  it('leaves nulls, strings and booleans as they are and converts maps recursively', async () => {
    const { records } = await driver.executeQuery(
      "RETURN null AS n, 'x' AS s, true AS b, {k: 1, inner: {m: 2}} AS map",
    );
    expect(toPlain(records[0])).toEqual({ n: null, s: 'x', b: true, map: { k: 1, inner: { m: 2 } } });
  });
});
