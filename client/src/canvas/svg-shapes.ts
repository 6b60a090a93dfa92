/**
 * A workaround for SVG export of round polygons (Event's round-triangle, Product's round-pentagon):
 * Cytoscape's drawRoundPolygonPath starts drawing without beginPath(). On screen it draws into a
 * fresh Path2D, so nothing shows, but cytoscape-svg draws into canvas2svg with paths off, where
 * the corners were added to no path element: the shape was missing and its fill went to the
 * previous label ("Attempted to apply path command to node text"). Starting a path first fixes it.
 */
import type cytoscape from 'cytoscape';

type DrawRoundPolygon = (context: { beginPath?: () => void }, ...rest: unknown[]) => void;

export function fixRoundPolygonPaths(cy: cytoscape.Core): void {
  const renderer = (cy as unknown as { renderer(): { drawRoundPolygonPath?: DrawRoundPolygon } }).renderer();
  const original = renderer.drawRoundPolygonPath;
  if (typeof original !== 'function') return; // another Cytoscape version: nothing to fix here
  renderer.drawRoundPolygonPath = function (this: unknown, context, ...rest) {
    // A Path2D has no beginPath (and needs none); a 2D context or canvas2svg does.
    if (typeof context.beginPath === 'function') context.beginPath();
    return original.call(this, context, ...rest);
  };
}
