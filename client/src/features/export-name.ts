/**
 * What an export holds, as its file name says it: "neighbourhood-meta" when the canvas is one
 * entity and its neighbours, "canvas-25-entities" for anything else on the canvas,
 * "selection-3-entities" for the selection. Plain data in, a string out (tested in Node).
 */

export type ExportScope = 'canvas' | 'selection';

/** Entity nodes and the edges between them, as exported (filters applied). */
export interface ExportContent {
  nodes: { id: string; label: string }[];
  edges: { source: string; target: string }[];
}

/** A file-name part: lower case, letters (any script) and digits, runs of anything else as "-". */
export function fileSlug(text: string): string {
  return text
    .toLocaleLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * The node linked to every other node, when there are at least three (with two, either end would
 * do): the canvas is its neighbourhood. Of several such nodes the best connected wins, then the
 * first listed.
 */
export function neighbourhoodCentre(content: ExportContent): { id: string; label: string } | null {
  if (content.nodes.length < 3) return null;
  const neighbours = new Map<string, Set<string>>(content.nodes.map((n) => [n.id, new Set()]));
  for (const { source, target } of content.edges) {
    if (source === target) continue;
    neighbours.get(source)?.add(target);
    neighbours.get(target)?.add(source);
  }
  const others = content.nodes.length - 1;
  let best: { id: string; label: string } | null = null;
  let bestDegree = -1;
  for (const node of content.nodes) {
    const degree = neighbours.get(node.id)?.size ?? 0;
    if (degree === others && degree > bestDegree) {
      best = node;
      bestDegree = degree;
    }
  }
  return best;
}

function entities(count: number): string {
  return `${count}-${count === 1 ? 'entity' : 'entities'}`;
}

/** The file name without its extension. */
export function exportBaseName(scope: ExportScope, content: ExportContent): string {
  if (scope === 'selection') return `selection-${entities(content.nodes.length)}`;
  const centre = neighbourhoodCentre(content);
  const name = centre ? fileSlug(centre.label) || fileSlug(centre.id) : '';
  return name ? `neighbourhood-${name}` : `canvas-${entities(content.nodes.length)}`;
}

/** The whole file name; the CSV zip also says it is for neo4j-admin, as the server's name does. */
export function exportFileName(scope: ExportScope, content: ExportContent, ext: string): string {
  const base = exportBaseName(scope, content);
  return ext === 'zip' ? `${base}-neo4j-csv.zip` : `${base}.${ext}`;
}
