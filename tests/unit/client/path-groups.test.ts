import type { PathsResponse } from '../../../server/api/contract';
import { PATH_COLOURS, pathColour, pathGroups } from '../../../client/src/features/path-groups';
import { TYPE_STYLES } from '../../../client/src/canvas/styles';

const node = (id: string) => ({ id, label: id.toUpperCase(), type: 'Organization' as const });
const edge = (id: string, source: string, target: string, type: string) => ({
  group: 'edges' as const,
  data: { id, source, target, type },
});

describe('paths on the canvas', () => {
  const response = {
    from: 'a',
    to: 'c',
    paths: [
      {
        length: 2,
        nodes: [node('a'), node('b'), node('c')],
        hops: [
          { from: 'a', to: 'b', type: 'RELEASED', forward: true, evidence: [] },
          { from: 'b', to: 'c', type: 'USES', forward: false, evidence: [] },
        ],
      },
      {
        length: 2,
        nodes: [node('a'), node('d'), node('c')],
        hops: [
          { from: 'a', to: 'd', type: 'OWNS', forward: true, evidence: [] },
          { from: 'd', to: 'c', type: 'OWNS', forward: true, evidence: [] },
        ],
      },
    ],
    elements: [
      edge('e1', 'a', 'b', 'RELEASED'),
      edge('e2', 'c', 'b', 'USES'),
      edge('e3', 'a', 'd', 'OWNS'),
      edge('e4', 'd', 'c', 'OWNS'),
      edge('e5', 'a', 'b', 'OWNS'),
    ],
  } as unknown as PathsResponse;

  test('each path holds its nodes and the edges of its hops (either direction, same type)', () => {
    expect(pathGroups(response)).toEqual([
      ['a', 'b', 'c', 'e1', 'e2'],
      ['a', 'd', 'c', 'e3', 'e4'],
    ]);
  });

  test('colours differ from each other and from the selection amber, and repeat after the last', () => {
    expect(new Set(PATH_COLOURS).size).toBe(PATH_COLOURS.length);
    expect(PATH_COLOURS).not.toContain('#f59e0b');
    for (const { color } of Object.values(TYPE_STYLES)) expect(PATH_COLOURS).not.toContain(color);
    expect(pathColour(PATH_COLOURS.length)).toBe(pathColour(0));
  });
});
