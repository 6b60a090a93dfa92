// Declarations for packages that ship without (resolvable) types; only what the client uses.
declare module 'cytoscape-fcose' {
  const fcose: import('cytoscape').Ext;
  export default fcose;
}
declare module 'cytoscape-svg' {
  const svg: import('cytoscape').Ext;
  export default svg;
}
// The package has types, but its "exports" map hides them from moduleResolution "bundler".
declare module '@neo4j-cypher/codemirror' {
  import type { EditorView } from '@codemirror/view';
  export interface EditorApi {
    codemirror: EditorView;
    setValue(value?: string, parseOnSetValue?: boolean): void;
    focus(): void;
    onKeyDown(listener: (event: KeyboardEvent) => void): () => void;
    destroy(): void;
    /** Labels, relationship types, property keys and parameters that autocomplete offers. */
    setSchema(schema?: {
      labels?: string[];
      relationshipTypes?: string[];
      propertyKeys?: string[];
      parameters?: string[];
    }): void;
  }
  export function createCypherEditor(
    parent: Element | DocumentFragment,
    options: {
      value?: string;
      theme?: 'light' | 'dark' | 'auto';
      lineNumbers?: boolean;
      lineWrapping?: boolean;
      autocomplete?: boolean;
      lint?: boolean;
      placeholder?: string;
    },
  ): { editor: EditorApi }; // 1.0.3 wraps the API in { editor }, unlike its own .d.ts
}
// Vite bundles a CSS import; the package ships the file without a declaration.
declare module '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
