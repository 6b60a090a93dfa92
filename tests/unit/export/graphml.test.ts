import { toGraphml } from '../../../server/export/graphml';
import { sampleSubgraph } from '../../support/sample-subgraph';
import type { Subgraph } from '../../../server/export/subgraph';
import { children, parseXml, textOf, XML_FORBIDDEN, type XmlElement } from './readers';

interface ReadGraph {
  keys: Map<string, { domain: string; name: string; type: string }>;
  graph: XmlElement;
  nodes: XmlElement[];
  edges: XmlElement[];
}

function readGraphml(subgraph: Subgraph): ReadGraph {
  const document = parseXml(toGraphml(subgraph));
  const root = document.graphml as XmlElement;
  const keys = new Map(
    children(root, 'key').map((key) => [
      String(key['@id']),
      { domain: String(key['@for']), name: String(key['@attr.name']), type: String(key['@attr.type']) },
    ]),
  );
  const graph = root.graph as XmlElement;
  return { keys, graph, nodes: children(graph, 'node'), edges: children(graph, 'edge') };
}

/** attr.name -> text of every <data> of an element, checked against its key declaration. */
function dataByName(element: XmlElement, keys: ReadGraph['keys'], domain: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const data of children(element, 'data')) {
    const key = keys.get(String(data['@key']));
    if (!key) throw new Error(`data key ${String(data['@key'])} is not declared`);
    if (key.domain !== domain)
      throw new Error(`key ${key.name} is declared for ${key.domain}, used on ${domain}`);
    values.set(key.name, textOf(data));
  }
  return values;
}

function nodeData(read: ReadGraph, id: string): Map<string, string> {
  const node = read.nodes.find((n) => n['@id'] === id);
  if (!node) throw new Error(`node ${id} missing`);
  return dataByName(node, read.keys, 'node');
}

function edgeData(read: ReadGraph, id: string): Map<string, string> {
  const edge = read.edges.find((e) => e['@id'] === id);
  if (!edge) throw new Error(`edge ${id} missing`);
  return dataByName(edge, read.keys, 'edge');
}

const VALUE_PATTERN: Record<string, RegExp> = {
  int: /^-?\d+$/,
  long: /^-?\d+$/,
  double: /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$|^NaN$|^-?Infinity$/i,
  boolean: /^(true|false)$/,
  string: /^/s,
};

describe('GraphML export', () => {
  const subgraph = sampleSubgraph();
  const read = readGraphml(subgraph);

  it('writes a directed graph with every node and edge of the subgraph', () => {
    expect(read.graph['@edgedefault']).toBe('directed');
    expect(read.nodes.map((n) => n['@id'])).toEqual(subgraph.nodes.map((n) => n.id));
    expect(read.edges.map((e) => e['@id'])).toEqual(subgraph.edges.map((e) => e.id));
  });

  it('has unique node ids and edges whose ends are nodes', () => {
    const ids = new Set(read.nodes.map((n) => n['@id']));
    expect(ids.size).toBe(read.nodes.length);
    for (const edge of read.edges) {
      expect(ids.has(edge['@source'])).toBe(true);
      expect(ids.has(edge['@target'])).toBe(true);
    }
  });

  it('declares every data key it uses, with one attr.name per domain', () => {
    for (const node of read.nodes) expect(() => dataByName(node, read.keys, 'node')).not.toThrow();
    for (const edge of read.edges) expect(() => dataByName(edge, read.keys, 'edge')).not.toThrow();
    for (const domain of ['node', 'edge']) {
      const names = [...read.keys.values()].filter((k) => k.domain === domain).map((k) => k.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('declares key types that every value of the key parses as', () => {
    for (const [elements, domain] of [
      [read.nodes, 'node'],
      [read.edges, 'edge'],
    ] as const) {
      for (const element of elements) {
        for (const data of children(element, 'data')) {
          const key = read.keys.get(String(data['@key']))!;
          expect({ key: key.name, domain, value: textOf(data) }).toEqual({
            key: key.name,
            domain,
            value: expect.stringMatching(VALUE_PATTERN[key.type]),
          });
        }
      }
    }
  });

  it('infers types from the data: int, long past 32 bits, double when mixed with fractions, string when mixed', () => {
    const typeOf = (name: string) =>
      [...read.keys.values()].find((k) => k.domain === 'node' && k.name === name)?.type;
    expect(typeOf('mentionCount')).toBe('int');
    expect(typeOf('followers')).toBe('long');
    expect(typeOf('stars')).toBe('double');
    expect(typeOf('verified')).toBe('boolean');
    expect(typeOf('score')).toBe('string');
    expect(typeOf('aliases')).toBe('string');
    expect(nodeData(read, 'openai').get('followers')).toBe('5000000000');
    expect(nodeData(read, 'openai').get('score')).toBe('0.5');
  });

  it('escapes markup and quotes so that labels and ids read back exactly', () => {
    expect(nodeData(read, 'gpt-4o').get('label')).toBe('<script>alert("x&y")</script>\'');
    expect(edgeData(read, 'post:mlchan/812|MENTIONS|яндекс').get('evidence')).toBe(
      'Яндекс & <OpenAI> "quoted" \'single\'',
    );
    const tricky: Subgraph = { nodes: [{ id: 'a"<&>\'b', label: 'x', type: 'Model' }], edges: [] };
    expect(readGraphml(tricky).nodes[0]['@id']).toBe('a"<&>\'b');
  });

  it('removes control characters XML 1.0 forbids but keeps CR, LF and tab', () => {
    const xml = toGraphml(subgraph);
    expect(xml).not.toMatch(XML_FORBIDDEN);
    expect(nodeData(read, 'яндекс').get('note')).toBe('ctl chars\r\nline two\ttab');
  });

  it('keeps Cyrillic and emoji', () => {
    expect(nodeData(read, 'яндекс').get('label')).toBe('Яндекс, «ИИ» 🤖');
    expect(nodeData(read, 'post:mlchan/812').get('label')).toBe('Пост 812');
  });

  it('joins lists with " | " and writes objects as JSON', () => {
    expect(nodeData(read, 'openai').get('aliases')).toBe('Open AI | OpenAI Inc.');
    expect(edgeData(read, 'openai|RELEASED|gpt-4o').get('posts')).toBe('mlchan/812 | mlchan/815');
    expect(nodeData(read, 'gpt-4o').get('meta')).toBe('{"nested":[1,2]}');
  });

  it('gives edges the label and weight Gephi reads, and keeps an extra called label as label_2', () => {
    const released = edgeData(read, 'openai|RELEASED|gpt-4o');
    expect(released.get('label')).toBe('RELEASED');
    expect(released.get('weight')).toBe('2');
    expect(released.get('count')).toBe('2');
    expect(released.get('label_2')).toBe('an extra called label');
  });

  it('leaves out null values instead of writing them as text', () => {
    const gpt = nodeData(read, 'gpt-4o');
    expect(gpt.has('lastSeen')).toBe(false);
    expect(gpt.has('url')).toBe(false);
    expect([...read.keys.values()].some((k) => k.name === 'url')).toBe(false);
  });

  it('writes a readable document for an empty subgraph', () => {
    const empty = readGraphml({ nodes: [], edges: [] });
    expect(empty.nodes).toEqual([]);
    expect(empty.keys.size).toBe(0);
  });
});
