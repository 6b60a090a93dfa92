import type { Driver } from 'neo4j-driver';
import { migrate, splitCypherStatements } from '../../db/migrate';
import { toPlain } from '../../db/to-plain';
import { clearGraph, testDriver } from './support/db';

// JVM starts take 5-30 s on a busy machine; the project-level testTimeout in jest.config.js is not applied.
jest.setTimeout(180_000);

async function schemaSnapshot(driver: Driver): Promise<{ constraints: unknown[]; indexes: unknown[] }> {
  const constraints = await driver.executeQuery(
    'SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties RETURN * ORDER BY name',
  );
  const indexes = await driver.executeQuery(
    'SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state RETURN * ORDER BY name',
  );
  return {
    constraints: constraints.records.map((record) => toPlain(record)),
    indexes: indexes.records.map((record) => toPlain(record)),
  };
}

describe('migrate (cypher/schema.cypher)', () => {
  let driver: Driver;
  beforeAll(() => {
    driver = testDriver();
  });
  afterAll(async () => {
    await clearGraph(driver);
    await driver.close();
  });

  it('is idempotent: applying it again leaves the same constraints and indexes', async () => {
    // global-setup applied it once already.
    const before = await schemaSnapshot(driver);
    const result = await migrate(driver);
    const after = await schemaSnapshot(driver);
    expect(result.statements).toBeGreaterThan(20);
    expect(after).toEqual(before);
  });

  it('creates the key constraints, query indexes and full-text indexes the explorer relies on', async () => {
    const { constraints, indexes } = await schemaSnapshot(driver);
    const constraintNames = constraints.map((row) => (row as { name: string }).name);
    expect(constraintNames).toEqual(
      expect.arrayContaining(['channel_key', 'post_key', 'entity_key', 'model_key']),
    );
    const byName = new Map(
      indexes.map((row) => [(row as { name: string }).name, row as Record<string, unknown>]),
    );
    expect(byName.get('entity_names')).toMatchObject({
      type: 'FULLTEXT',
      labelsOrTypes: ['Entity'],
      properties: ['name', 'aliases'],
      state: 'ONLINE',
    });
    expect(byName.get('post_text')).toMatchObject({ type: 'FULLTEXT', properties: ['title', 'text'] });
    expect(byName.get('post_date')).toMatchObject({
      type: 'RANGE',
      labelsOrTypes: ['Post'],
      properties: ['date'],
    });
    expect(byName.get('released_post')).toMatchObject({ entityType: 'RELATIONSHIP', properties: ['post'] });
  });

  it('rejects a second entity with the same key', async () => {
    await clearGraph(driver);
    await driver.executeQuery("CREATE (:Entity:Model {key: 'gpt-4', name: 'GPT-4'})");
    await expect(
      driver.executeQuery("CREATE (:Entity:Library {key: 'gpt-4', name: 'gpt-4'})"),
    ).rejects.toMatchObject({
      code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
    });
  });

  it('finds entities by an alias stored in the aliases list through the entity_names full-text index', async () => {
    await clearGraph(driver);
    await driver.executeQuery(
      "CREATE (:Entity:Organization {key: 'meta', name: 'Meta', aliases: ['Facebook AI', 'FAIR']}), " +
        "(:Entity:Organization {key: 'яндекс', name: 'Яндекс', aliases: ['Yandex']})",
    );
    const { records } = await driver.executeQuery(
      "CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node RETURN node.key AS key",
      { query: 'fair' },
    );
    expect(records.map((record) => record.get('key'))).toEqual(['meta']);
    const cyrillic = await driver.executeQuery(
      "CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node RETURN node.key AS key",
      { query: 'яндекс' },
    );
    expect(cyrillic.records.map((record) => record.get('key'))).toEqual(['яндекс']);
  });
});

describe('splitCypherStatements', () => {
  it('splits on semicolons and drops comments and empty statements', () => {
    expect(splitCypherStatements('// head\nRETURN 1;\n\n/* block; */ RETURN 2 ; ;\nRETURN 3')).toEqual([
      'RETURN 1',
      'RETURN 2',
      'RETURN 3',
    ]);
  });

  it('keeps semicolons and comment markers inside strings and backtick names', () => {
    expect(
      splitCypherStatements("RETURN 'a;b' AS `x;y`, \"http://t.me/x\" AS url, 'it\\'s; fine' AS s;RETURN 2"),
    ).toEqual(["RETURN 'a;b' AS `x;y`, \"http://t.me/x\" AS url, 'it\\'s; fine' AS s", 'RETURN 2']);
  });

  it('names the line of an unterminated string', () => {
    expect(() => splitCypherStatements("RETURN 1;\nRETURN 'oops")).toThrow(
      "db/migrate: unterminated ' starting on line 2",
    );
  });
});
