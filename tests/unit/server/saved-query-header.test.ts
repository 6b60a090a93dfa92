import { readdirSync } from 'node:fs';
import { parseSavedQuery, SavedQueryHeaderError } from '../../../server/saved-queries/header';
import { loadSavedQueries, SAVED_QUERIES_DIR } from '../../../server/saved-queries/registry';
import { resolveParams } from '../../../server/services/saved-queries';
import { BadRequestError } from '../../../server/errors';

const QUERY = [
  '// @name by-org',
  '// @title Releases of one organisation',
  '// @description First line',
  '// @description second line.',
  '// @param org string "Meta AI" Organisation name',
  '// @param limit integer 20 Rows at most',
  '// @param min float 0.5 Lowest confidence',
  '// @param strict boolean false Exact names only',
  '// @param since date "2024-01" Month to start from',
  '// @param tag string null Optional tag',
  'MATCH (o:Organization) RETURN o LIMIT $limit',
].join('\n');

describe('parseSavedQuery', () => {
  it('reads title, description and typed parameters with defaults from the header', () => {
    const query = parseSavedQuery('by-org.cypher', QUERY);
    expect(query).toMatchObject({
      name: 'by-org',
      title: 'Releases of one organisation',
      description: 'First line second line.',
    });
    expect(query.params.map((p) => [p.name, p.type, p.default, p.description])).toEqual([
      ['org', 'string', 'Meta AI', 'Organisation name'],
      ['limit', 'integer', 20, 'Rows at most'],
      ['min', 'float', 0.5, 'Lowest confidence'],
      ['strict', 'boolean', false, 'Exact names only'],
      ['since', 'date', '2024-01', 'Month to start from'],
      ['tag', 'string', null, 'Optional tag'],
    ]);
    expect(query.cypher).toBe(QUERY);
  });

  it.each([
    ['// @name other\nRETURN 1', 'line 1: @name "other" differs from the file name "q"'],
    ['// @param x number 1 X\nRETURN 1', 'line 1: @param x: type "number" is not one of'],
    ['// @param x integer "1" X\nRETURN 1', 'line 1: @param x: default "1" is not a integer'],
    [
      '// @title T\n// @param x string Meta X\nRETURN 1',
      'line 2: @param x: default Meta is not a JSON value',
    ],
    ['// @param x date "May" X\nRETURN 1', 'default "May" is not a date'],
    ['// @param x string "" X\n// @param x string "" X\nRETURN 1', 'line 2: @param x is declared twice'],
    ['// @param params string "" X\nRETURN 1', 'cannot be called "params"'],
    ['// @author me\nRETURN 1', 'unknown header tag "@author"'],
    ['// @param\nRETURN 1', 'expected "@param <name> <type> <default> <description>"'],
    ['// @title Only a header\n', 'the file has a header but no query'],
    ['// @label x X\n// @param x string "" X\nRETURN $x', 'line 1: @label x: no @param x above it'],
    ['// @param x string "" X\n// @input x colour\nRETURN $x', 'line 2: @input x: "colour" is not one of'],
    ['// @param x integer 1 X\n// @input x entity\nRETURN $x', 'line 2: @input x: "entity" is not one of'],
    ['// @param x string "" X\n// @label x\nRETURN $x', 'line 2: expected "@label <parameter> <value>"'],
  ])('refuses a malformed header %j, naming the file and line', (text, message) => {
    expect(() => parseSavedQuery('q.cypher', text)).toThrow(SavedQueryHeaderError);
    expect(() => parseSavedQuery('q.cypher', text)).toThrow(message);
    expect(() => parseSavedQuery('q.cypher', text)).toThrow(/^cypher\/queries\/q\.cypher: line \d+: /);
  });
});

describe('parameter labels and inputs', () => {
  it('labels a parameter as @label says, else by its name in words, and keeps its @input', () => {
    const query = parseSavedQuery(
      'q.cypher',
      [
        '// @param org string "" Organisation name or key',
        '// @label org Organisation',
        '// @input org entity',
        '// @param type string "" Entity type',
        '// @input type entity-type',
        '// @param maxHops integer 3 Hops at most',
        'RETURN $org, $type, $maxHops',
      ].join('\n'),
    );
    expect(query.params.map((p) => [p.name, p.label, p.input])).toEqual([
      ['org', 'Organisation', 'entity'],
      ['type', 'Type', 'entity-type'],
      ['maxHops', 'Max hops', undefined],
    ]);
  });

  it('every shipped query labels its parameters, and its entity parameters have a picker', () => {
    for (const query of loadSavedQueries().values())
      for (const param of query.params) {
        const takesEntity = /name or key/i.test(param.description);
        expect([query.name, param.name, param.label !== param.name, param.input === 'entity']).toEqual([
          query.name,
          param.name,
          true,
          takesEntity,
        ]);
      }
  });
});

describe('cypher/queries', () => {
  it('ships at least ten saved queries, each with a title, a description and parameters in use', () => {
    const files = readdirSync(SAVED_QUERIES_DIR).filter((f) => f.endsWith('.cypher'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    const queries = loadSavedQueries();
    expect(queries.size).toBe(files.length);
    for (const query of queries.values()) {
      expect([query.name, query.title === query.name, query.description === '']).toEqual([
        query.name,
        false,
        false,
      ]);
      for (const param of query.params)
        expect([query.name, query.cypher.includes(`$${param.name}`)]).toEqual([query.name, true]);
    }
  });
});

describe('resolveParams', () => {
  const query = parseSavedQuery('by-org.cypher', QUERY);

  it('fills defaults and converts form strings to the declared types', () => {
    expect(resolveParams(query, { limit: '5', min: '0.75', strict: 'true', since: '2024-03-01' })).toEqual({
      org: 'Meta AI',
      limit: 5,
      min: 0.75,
      strict: true,
      since: '2024-03-01',
      tag: null,
    });
  });

  it.each([
    [{ limit: 'ten' }, 'params.limit'],
    [{ limit: 1.5 }, 'params.limit'],
    [{ min: 'abc' }, 'params.min'],
    [{ strict: 'yes' }, 'params.strict'],
    [{ since: '03/2024' }, 'params.since'],
    [{ org: { $ne: 1 } }, 'params.org'],
    [{ org: 'x'.repeat(501) }, 'params.org'],
    [{ colour: 'red' }, 'params.colour'],
  ])('refuses %j with a 400 naming the parameter', (given, parameter) => {
    expect(() => resolveParams(query, given)).toThrow(BadRequestError);
    expect(() => resolveParams(query, given)).toThrow(`api/queries/by-org: ${parameter}: `);
  });
});
