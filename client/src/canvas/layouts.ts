/** The layouts the toolbar offers; apart from graph.ts so the URL state can use them without Cytoscape. */
export const LAYOUTS = ['fcose', 'concentric', 'breadthfirst', 'circle'] as const;
export type LayoutName = (typeof LAYOUTS)[number];
