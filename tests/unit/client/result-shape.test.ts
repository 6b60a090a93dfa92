import type { QueryResult } from '../../../server/api/contract';
import { resultShape, starEdges } from '../../../client/src/features/result-shape';

const node = (key: string) => ({ labels: ['Entity'], properties: { key, name: key.toUpperCase() } });
const result = (columns: string[], rows: unknown[][]): QueryResult => ({
  columns,
  rows,
  elements: [],
  truncated: false,
});

describe('how a query result is drawn', () => {
  test('rows sharing one entity, each with another and a count, are a star around it', () => {
    const shape = resultShape(
      result(
        ['entity', 'sharedPosts', 'centre', 'node'],
        [
          ['A', 3, node('meta'), node('a')],
          ['B', 1, node('meta'), node('b')],
        ],
      ),
    );
    expect(shape).toEqual({
      kind: 'star',
      centre: 'meta',
      weights: new Map([
        ['a', 3],
        ['b', 1],
      ]),
      countColumn: 'sharedPosts',
    });
    if (shape.kind !== 'star') throw new Error('not a star');
    expect(starEdges(shape).map((e) => [e.data.id, (e.data as { count: number }).count])).toEqual([
      ['meta|CO_MENTIONED|a', 3],
      ['meta|CO_MENTIONED|b', 1],
    ]);
  });

  test('one entity per row with a count is a ranking', () => {
    expect(
      resultShape(
        result(
          ['relationships', 'node'],
          [
            [13, node('openai')],
            [8, node('meta')],
          ],
        ),
      ),
    ).toMatchObject({
      kind: 'ranking',
      countColumn: 'relationships',
      weights: new Map([
        ['openai', 13],
        ['meta', 8],
      ]),
    });
  });

  test('rows without a count, or without entities, are drawn as they come', () => {
    expect(resultShape(result(['node'], [[node('a')], [node('b')]]))).toEqual({ kind: 'plain' });
    expect(resultShape(result(['name', 'n'], [['a', 1]]))).toEqual({ kind: 'plain' });
    expect(resultShape(result(['n', 'node'], []))).toEqual({ kind: 'plain' });
  });
});
