/**
 * How a query result is best drawn. Rows of entities with a count are a ranking, and a ranking
 * whose rows share one entity (the query's centre: "mentioned with Meta") is a star: drawn as
 * edges from the centre, as wide as the count (shared posts), around the centre. Without this the
 * canvas shows the rows' entities alone: a grid of dots without edges. Pure, so tested in Node.
 */
import type { CyElement, EdgeData, QueryResult } from '../../../server/api/contract';
import { entityKeyOf, isNode } from './result-cells';

export type ResultShape =
  | { kind: 'star'; centre: string; weights: Map<string, number>; countColumn: string }
  | { kind: 'ranking'; weights: Map<string, number>; countColumn: string }
  | { kind: 'plain' };

/** The edge type of a star's edges: what the path finder calls a link through shared posts. */
export const CO_MENTIONED = 'CO_MENTIONED';

const entityKeys = (rows: unknown[][], column: number): (string | null)[] =>
  rows.map((row) => (isNode(row[column]) ? entityKeyOf(row[column]) : null));

export function resultShape(result: QueryResult): ResultShape {
  const { columns, rows } = result;
  if (rows.length === 0) return { kind: 'plain' };
  const countColumn = columns.findIndex((_, c) => rows.every((row) => typeof row[c] === 'number'));
  if (countColumn < 0) return { kind: 'plain' };
  let centre: string | null = null;
  let ranked: (string | null)[] | null = null;
  columns.forEach((_, c) => {
    const keys = entityKeys(rows, c);
    if (keys.some((key) => key === null)) return;
    const distinct = new Set(keys).size;
    // One entity in every row (of several) is the centre; one per row is what is ranked.
    if (distinct === 1 && rows.length > 1) centre ??= keys[0];
    else if (distinct === rows.length) ranked ??= keys;
  });
  if (!ranked) return { kind: 'plain' };
  const weights = new Map<string, number>();
  (ranked as string[]).forEach((key, i) => weights.set(key, rows[i][countColumn] as number));
  const name = columns[countColumn];
  if (centre && !weights.has(centre)) return { kind: 'star', centre, weights, countColumn: name };
  return { kind: 'ranking', weights, countColumn: name };
}

/** A star's edges, centre to each entity, with the count as the edge's count (its width). */
export function starEdges(shape: Extract<ResultShape, { kind: 'star' }>): CyElement[] {
  return [...shape.weights].map(([key, weight]) => {
    const data: EdgeData = {
      id: `${shape.centre}|${CO_MENTIONED}|${key}`,
      source: shape.centre,
      target: key,
      type: CO_MENTIONED,
      count: weight,
      posts: [],
      evidence: [],
    };
    return { group: 'edges', data };
  });
}
