// The part of the client's GraphCanvas (client/src/canvas/graph.ts) that ui.bench drives. The
// client is an ES module checked by its own tsconfig, so the root type check sees only this
// declaration; vite bundles the real module under the alias 'app-canvas'.
declare module 'app-canvas' {
  import type cytoscape from 'cytoscape';
  import type { CyElement, EdgeData, NodeData } from '../../server/api/contract';
  export class GraphCanvas {
    readonly cy: cytoscape.Core;
    constructor(
      container: HTMLElement,
      events: {
        onNodeTap(data: NodeData): void;
        onEdgeTap(data: EdgeData): void;
        onNodeDoubleTap(data: NodeData): void;
        onBackgroundTap(): void;
        onContentChange(): void;
      },
    );
    add(elements: CyElement[], near?: string): { added: number; sampledOut: number; danglingEdges: number };
    runLayout(name?: string, options?: { fit?: boolean; randomize?: boolean }): void;
    size(): { nodes: number; edges: number };
  }
}

// As in client/src/vendor.d.ts (which the root type check does not see).
declare module 'cytoscape-fcose' {
  const fcose: import('cytoscape').Ext;
  export default fcose;
}
