import type { EdgeData, NodeData } from '../../../server/api/contract';
import {
  NO_FILTERS,
  edgePasses,
  isActive,
  nodePasses,
  type FilterState,
} from '../../../client/src/features/filters';

const node = (extra: Partial<NodeData> = {}): NodeData => ({
  id: 'org:x',
  label: 'X',
  type: 'Organization',
  ...extra,
});
const edge = (extra: Partial<EdgeData> = {}): EdgeData => ({
  id: 'e1',
  source: 'org:x',
  target: 'model:y',
  type: 'RELEASED',
  count: 1,
  posts: ['c/1'],
  evidence: [],
  ...extra,
});
const filters = (extra: Partial<FilterState>): FilterState => ({ ...NO_FILTERS, ...extra });

describe('client filter predicates', () => {
  test('with no filters every node and edge passes and the state is inactive', () => {
    expect(nodePasses(NO_FILTERS, node({ firstSeen: '2020-01-01' }))).toBe(true);
    expect(edgePasses(NO_FILTERS, edge({ firstDate: '2020-01-01' }))).toBe(true);
    expect(isActive(NO_FILTERS)).toBe(false);
  });

  test('a hidden entity type hides nodes of that type only', () => {
    const state = filters({ hiddenTypes: ['Person'] });
    expect(nodePasses(state, node({ type: 'Person' }))).toBe(false);
    expect(nodePasses(state, node({ type: 'Organization' }))).toBe(true);
    expect(isActive(state)).toBe(true);
  });

  test('a hidden relationship type hides edges of that type only', () => {
    const state = filters({ hiddenRels: ['USES'] });
    expect(edgePasses(state, edge({ type: 'USES' }))).toBe(false);
    expect(edgePasses(state, edge({ type: 'RELEASED' }))).toBe(true);
  });

  test('a node passes the date range when its first..last seen span overlaps it', () => {
    const state = filters({ dateFrom: '2024-03-01', dateTo: '2024-03-31' });
    const seen = (firstSeen: string, lastSeen: string) => nodePasses(state, node({ firstSeen, lastSeen }));
    expect(seen('2024-01-01T10:00:00Z', '2024-03-01T00:00:00Z')).toBe(true); // ends on the first day
    expect(seen('2024-03-31T23:59:00Z', '2024-05-01')).toBe(true); // starts on the last day
    expect(seen('2023-01-01', '2025-01-01')).toBe(true); // spans the range
    expect(seen('2024-01-01', '2024-02-29')).toBe(false); // before
    expect(seen('2024-04-01', '2024-05-01')).toBe(false); // after
  });

  test('a node with only firstSeen is judged by that date on both ends', () => {
    const state = filters({ dateFrom: '2024-03-01' });
    expect(nodePasses(state, node({ firstSeen: '2024-02-01' }))).toBe(false);
    expect(nodePasses(state, node({ firstSeen: '2024-03-02' }))).toBe(true);
  });

  test('undated nodes and edges pass any date range', () => {
    const state = filters({ dateFrom: '2024-03-01', dateTo: '2024-03-31' });
    expect(nodePasses(state, node({ firstSeen: null, lastSeen: null }))).toBe(true);
    expect(edgePasses(state, edge({ firstDate: null }))).toBe(true);
  });

  test('an edge first stated after the range ends is hidden', () => {
    expect(edgePasses(filters({ dateTo: '2024-03-31' }), edge({ firstDate: '2024-04-02' }))).toBe(false);
  });

  test('an edge first stated before the range is hidden only when it was stated once', () => {
    const state = filters({ dateFrom: '2024-03-01' });
    expect(edgePasses(state, edge({ firstDate: '2024-01-01', count: 1 }))).toBe(false);
    // Stated again later (count > 1): its later statements may fall inside the range.
    expect(edgePasses(state, edge({ firstDate: '2024-01-01', count: 3 }))).toBe(true);
  });

  test('a date range alone makes the state active', () => {
    expect(isActive(filters({ dateTo: '2024-01-01' }))).toBe(true);
  });
});
