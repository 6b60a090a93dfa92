import type { CyElement } from '../../../server/api/contract';
import { plural } from '../../../client/src/dom';
import { cellText, truncationNote } from '../../../client/src/features/results';
import { pathsSummary } from '../../../client/src/features/paths';
import { fillMonths } from '../../../client/src/features/timeline';
import { elementsFromCyJson } from '../../../client/src/restore';

describe('client timeline months', () => {
  test('months without mentions are filled with zero, across a year end', () => {
    expect(
      fillMonths([
        { month: '2024-02', count: 1 },
        { month: '2023-11', count: 4 },
      ]),
    ).toEqual([
      { month: '2023-11', count: 4 },
      { month: '2023-12', count: 0 },
      { month: '2024-01', count: 0 },
      { month: '2024-02', count: 1 },
    ]);
  });

  test('malformed months are dropped and a single month is returned as is', () => {
    expect(
      fillMonths([
        { month: 'unknown', count: 3 },
        { month: '2024-05', count: 2 },
      ]),
    ).toEqual([{ month: '2024-05', count: 2 }]);
  });
});

describe('client results table cells', () => {
  test('nodes show their name, then title, then key', () => {
    expect(cellText({ properties: { name: 'OpenAI', key: 'org:openai' } })).toBe('OpenAI');
    expect(cellText({ title: 'A post' })).toBe('A post');
    expect(cellText({ properties: { key: 'org:x' } })).toBe('org:x');
  });

  test('lists are joined, nulls are blank, other objects are JSON', () => {
    expect(cellText([1, { name: 'A' }, null])).toBe('1, A, ');
    expect(cellText(null)).toBe('');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
  });
});

describe('client deep-link restore', () => {
  const nodeData = { id: 'org:a', label: 'A', type: 'Organization' };
  const edgeData = {
    id: 'e',
    source: 'org:a',
    target: 'org:a',
    type: 'OWNS',
    count: 1,
    posts: [],
    evidence: [],
  };
  const expected: CyElement[] = [
    { group: 'nodes', data: nodeData },
    { group: 'edges', data: edgeData },
  ];

  test('reads the JSON export, Cytoscape JSON and a plain element list alike', () => {
    expect(elementsFromCyJson({ nodes: [nodeData], edges: [edgeData] })).toEqual(expected);
    expect(
      elementsFromCyJson({ elements: { nodes: [{ data: nodeData }], edges: [{ data: edgeData }] } }),
    ).toEqual(expected);
    expect(elementsFromCyJson({ elements: expected })).toEqual(expected);
    expect(elementsFromCyJson(expected)).toEqual(expected);
    expect(elementsFromCyJson({})).toEqual([]);
  });
});

describe('client counts in words', () => {
  test('singular for one, plural otherwise, thousands separated', () => {
    expect(plural(1, 'node')).toBe('1 node');
    expect(plural(0, 'node')).toBe('0 nodes');
    expect(plural(12000, 'leaf', 'leaves')).toBe('12,000 leaves');
  });
});

describe('client paths summary', () => {
  test('says "shortest" only when every path is as short as the shortest', () => {
    expect(pathsSummary([2, 2])).toBe('2 shortest paths (2 hops).');
    expect(pathsSummary([1])).toBe('1 shortest path (1 hop).');
    expect(pathsSummary([2, 3, 4])).toBe('3 paths (2–4 hops), shortest first.');
  });
});

describe('client truncation note', () => {
  test('says what cut an answer, nothing when it is whole', () => {
    expect(truncationNote(false)).toBe('');
    expect(truncationNote('rows')).toBe(' (cut at the row limit)');
    expect(truncationNote('bytes')).toContain('size limit');
    expect(truncationNote('elements')).toContain('element limit');
  });
});
