import { toGexf } from '../../../server/export/gexf';
import { sampleSubgraph } from '../../support/sample-subgraph';
import type { Subgraph } from '../../../server/export/subgraph';
import { children, parseXml, XML_FORBIDDEN, type XmlElement } from './readers';

interface Declared {
  title: string;
  type: string;
}

function readGexf(subgraph: Subgraph) {
  const root = parseXml(toGexf(subgraph)).gexf as XmlElement;
  const graph = root.graph as XmlElement;
  const declared = new Map<string, Map<string, Declared>>();
  for (const block of children(graph, 'attributes')) {
    const byId = new Map<string, Declared>();
    for (const a of children(block, 'attribute')) {
      byId.set(String(a['@id']), { title: String(a['@title']), type: String(a['@type']) });
    }
    declared.set(String(block['@class']), byId);
  }
  return {
    root,
    graph,
    declared,
    nodes: children(graph.nodes, 'node'),
    edges: children(graph.edges, 'edge'),
  };
}
type ReadGexf = ReturnType<typeof readGexf>;

/** Attribute title -> value of one element, failing on a value whose attribute is not declared. */
function values(read: ReadGexf, element: XmlElement, elementClass: 'node' | 'edge'): Map<string, string> {
  const result = new Map<string, string>();
  for (const v of children(element.attvalues, 'attvalue')) {
    const attribute = read.declared.get(elementClass)?.get(String(v['@for']));
    if (!attribute)
      throw new Error(`attvalue for=${String(v['@for'])} not declared in class ${elementClass}`);
    result.set(attribute.title, String(v['@value']));
  }
  return result;
}

const find = (elements: XmlElement[], id: string) => {
  const found = elements.find((e) => e['@id'] === id);
  if (!found) throw new Error(`${id} missing`);
  return found;
};

const VALUE_PATTERN: Record<string, RegExp> = {
  integer: /^-?\d+$/,
  long: /^-?\d+$/,
  double: /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i,
  boolean: /^(true|false)$/,
  string: /^/s,
};

describe('GEXF export', () => {
  const subgraph = sampleSubgraph();
  const read = readGexf(subgraph);

  it('is a GEXF 1.3 static directed graph with every node and edge', () => {
    expect(read.root['@xmlns']).toBe('http://gexf.net/1.3');
    expect(read.root['@version']).toBe('1.3');
    expect(read.graph['@defaultedgetype']).toBe('directed');
    expect(read.nodes.map((n) => n['@id'])).toEqual(subgraph.nodes.map((n) => n.id));
    expect(read.edges.map((e) => e['@id'])).toEqual(subgraph.edges.map((e) => e.id));
  });

  it('has unique ids and edges whose ends are nodes', () => {
    const ids = new Set(read.nodes.map((n) => n['@id']));
    expect(ids.size).toBe(read.nodes.length);
    expect(new Set(read.edges.map((e) => e['@id'])).size).toBe(read.edges.length);
    for (const edge of read.edges)
      expect([ids.has(edge['@source']), ids.has(edge['@target'])]).toEqual([true, true]);
  });

  it('declares every attribute it uses in <attributes class="node"> or class="edge"', () => {
    expect([...read.declared.keys()].sort()).toEqual(['edge', 'node']);
    for (const node of read.nodes) expect(() => values(read, node, 'node')).not.toThrow();
    for (const edge of read.edges) expect(() => values(read, edge, 'edge')).not.toThrow();
  });

  it('declares types that every value parses as', () => {
    for (const [elements, elementClass] of [
      [read.nodes, 'node'],
      [read.edges, 'edge'],
    ] as const) {
      for (const element of elements) {
        for (const v of children(element.attvalues, 'attvalue')) {
          const attribute = read.declared.get(elementClass)!.get(String(v['@for']))!;
          expect({ title: attribute.title, value: v['@value'] }).toEqual({
            title: attribute.title,
            value: expect.stringMatching(VALUE_PATTERN[attribute.type]),
          });
        }
      }
    }
    const nodeTypes = new Map([...read.declared.get('node')!.values()].map((a) => [a.title, a.type]));
    expect(nodeTypes.get('mentionCount')).toBe('integer');
    expect(nodeTypes.get('followers')).toBe('long');
    expect(nodeTypes.get('stars')).toBe('double');
    expect(nodeTypes.get('verified')).toBe('boolean');
    expect(nodeTypes.get('score')).toBe('string');
  });

  it('puts the label on nodes and label, kind and weight = count on edges', () => {
    expect(find(read.nodes, 'яндекс')['@label']).toBe('Яндекс, «ИИ» 🤖');
    const released = find(read.edges, 'openai|RELEASED|gpt-4o');
    expect([released['@label'], released['@kind'], released['@weight']]).toEqual([
      'RELEASED',
      'RELEASED',
      '2',
    ]);
    expect(values(read, released, 'edge').get('label_2')).toBe('an extra called label');
  });

  it('keeps two edges of different kinds between the same nodes', () => {
    const pair = read.edges.filter((e) => e['@source'] === 'openai' && e['@target'] === 'gpt-4o');
    expect(pair.map((e) => e['@kind']).sort()).toEqual(['OWNS', 'RELEASED']);
  });

  it('escapes attribute values so markup, quotes and line breaks read back exactly', () => {
    expect(find(read.nodes, 'gpt-4o')['@label']).toBe('<script>alert("x&y")</script>\'');
    const evidence = values(read, find(read.edges, 'openai|RELEASED|gpt-4o'), 'edge').get('evidence');
    expect(evidence).toBe('OpenAI released GPT-4o, "omni"; faster. | Вышла модель\nGPT-4o');
    // A raw newline or tab inside an attribute would be turned into a space by conforming parsers.
    for (const match of toGexf(subgraph).matchAll(/="([^"]*)"/g)) expect(match[1]).not.toMatch(/[\n\t\r]/);
  });

  it('removes control characters XML 1.0 forbids', () => {
    expect(toGexf(subgraph)).not.toMatch(XML_FORBIDDEN);
    expect(values(read, find(read.nodes, 'яндекс'), 'node').get('note')).toBe('ctl chars\r\nline two\ttab');
  });

  it('writes finite canvas positions as viz:position with y flipped for Gephi', () => {
    expect(find(read.nodes, 'openai')['viz:position']).toEqual({ '@x': '10', '@y': '-20.5', '@z': '0' });
    expect(find(read.nodes, 'gpt-4o')['viz:position']).toEqual({ '@x': '-30', '@y': '0', '@z': '0' });
    expect(find(read.nodes, '@karpathy')['viz:position']).toBeUndefined();
    expect(read.root['@xmlns:viz']).toBe('http://gexf.net/1.3/viz');
  });

  it('writes no weight when an edge has no usable count', () => {
    const edge = {
      id: 'e',
      source: 'a',
      target: 'a',
      type: 'USES',
      count: Number.NaN,
      posts: [],
      evidence: [],
    };
    const noCount = readGexf({ nodes: [{ id: 'a', label: 'A', type: 'Model' }], edges: [edge] });
    expect(noCount.edges[0]['@weight']).toBeUndefined();
  });
});
