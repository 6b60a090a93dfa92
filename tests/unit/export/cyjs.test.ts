import { toCyjs } from '../../../server/export/cyjs';
import { sampleSubgraph } from '../../support/sample-subgraph';

interface Element {
  data: Record<string, unknown>;
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return `list of ${[...new Set(value.map(jsonType))].join('/') || 'string'}`;
  return value === null ? 'null' : typeof value;
}

describe('Cytoscape .cyjs export', () => {
  const subgraph = sampleSubgraph();
  const document = JSON.parse(toCyjs(subgraph, 'my subgraph'));
  const nodes: Element[] = document.elements.nodes;
  const edges: Element[] = document.elements.edges;
  const node = (id: string) => nodes.find((n) => n.data.id === id)!.data;
  const edge = (id: string) => edges.find((e) => e.data.id === id)!.data;

  it('has the header Cytoscape desktop writes and reads, with the network name', () => {
    expect(document.format_version).toBe('1.0');
    expect(typeof document.generated_by).toBe('string');
    expect(typeof document.target_cytoscapejs_version).toBe('string');
    expect(document.data.name).toBe('my subgraph');
  });

  it('lists every node and edge, with unique ids and edge ends among the nodes', () => {
    expect(nodes.map((n) => n.data.id)).toEqual(subgraph.nodes.map((n) => n.id));
    expect(edges.map((e) => e.data.id)).toEqual(subgraph.edges.map((e) => e.id));
    const ids = new Set(nodes.map((n) => n.data.id));
    expect(ids.size).toBe(nodes.length);
    for (const e of edges) expect([ids.has(e.data.source), ids.has(e.data.target)]).toEqual([true, true]);
  });

  it('names nodes by their label and gives edges an interaction and a Cytoscape-style name', () => {
    expect(node('яндекс').name).toBe('Яндекс, «ИИ» 🤖');
    expect(node('gpt-4o').name).toBe('<script>alert("x&y")</script>\'');
    expect(edge('openai|RELEASED|gpt-4o').interaction).toBe('RELEASED');
    expect(edge('openai|RELEASED|gpt-4o').name).toBe('OpenAI (RELEASED) <script>alert("x&y")</script>\'');
  });

  it('keeps numbers as numbers, booleans as booleans and lists as string arrays', () => {
    expect(node('openai').mentionCount).toBe(42);
    expect(node('openai').followers).toBe(5_000_000_000);
    expect(node('openai').verified).toBe(true);
    expect(node('openai').aliases).toEqual(['Open AI', 'OpenAI Inc.']);
    expect(edge('openai|RELEASED|gpt-4o').count).toBe(2);
    expect(edge('openai|RELEASED|gpt-4o').evidence).toEqual([
      'OpenAI released GPT-4o, "omni"; faster.',
      'Вышла модель\nGPT-4o',
    ]);
  });

  it('gives every column one JSON type across all elements, turning mixed columns into strings', () => {
    for (const elements of [nodes, edges]) {
      const types = new Map<string, Set<string>>();
      for (const { data } of elements) {
        for (const [name, value] of Object.entries(data)) {
          types.set(name, (types.get(name) ?? new Set()).add(jsonType(value)));
        }
      }
      for (const [name, seen] of types)
        expect({ name, types: [...seen] }).toEqual({ name, types: [[...seen][0]] });
    }
    expect(node('openai').score).toBe('0.5');
    expect(node('gpt-4o').score).toBe('high');
    expect(edge('openai|OWNS|gpt-4o').confidence).toBe('1');
  });

  it('writes the canvas position of nodes that have a finite one', () => {
    const position = (id: string) => (nodes.find((n) => n.data.id === id) as { position?: unknown }).position;
    expect(position('openai')).toEqual({ x: 10, y: 20.5 });
    expect(position('@karpathy')).toBeUndefined();
    expect(position('яндекс')).toBeUndefined();
  });

  it('leaves out nulls and keeps extras that collide with reserved names under a new name', () => {
    expect('lastSeen' in node('gpt-4o')).toBe(false);
    expect('url' in node('gpt-4o')).toBe(false);
    expect(node('gpt-4o').name_2).toBe('an extra called name');
    expect(edge('openai|RELEASED|gpt-4o').label).toBe('an extra called label');
  });
});
