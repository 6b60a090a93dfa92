/**
 * Which canvas elements belong to which path of a paths answer, and the colour each path is
 * highlighted in (PATH_COLOURS, canvas/styles.ts). Pure, so tested in Node; the panel numbers the paths, the canvas colours them.
 */
import type { EdgeData, PathHop, PathsResponse } from '../../../server/api/contract';
import { PATH_COLOURS } from '../canvas/styles';

export { PATH_COLOURS };

export function pathColour(index: number): string {
  return PATH_COLOURS[index % PATH_COLOURS.length];
}

/** The hop's edge among the answer's elements (same ends, either way round, same type). */
export function hopEdge(response: PathsResponse, hop: PathHop): EdgeData | null {
  for (const element of response.elements) {
    if (element.group !== 'edges') continue;
    const edge = element.data as EdgeData;
    const sameEnds =
      (edge.source === hop.from && edge.target === hop.to) ||
      (edge.source === hop.to && edge.target === hop.from);
    if (sameEnds && edge.type === hop.type) return edge;
  }
  return null;
}

/** Element ids (nodes, then the edges of its hops) of each path, in the answer's order. */
export function pathGroups(response: PathsResponse): string[][] {
  return response.paths.map((path) => {
    const ids = path.nodes.map((n) => n.id);
    for (const hop of path.hops) {
      const edge = hopEdge(response, hop);
      if (edge) ids.push(edge.id);
    }
    return [...new Set(ids)];
  });
}

/** True for a hop that only says the two were mentioned in the same posts (no stated relation). */
export function isCoMentionHop(hop: PathHop): boolean {
  return hop.type === 'CO_MENTIONED';
}
