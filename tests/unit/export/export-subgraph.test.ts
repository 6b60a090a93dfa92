import {
  EXPORT_FORMATS,
  exportFileName,
  ExportInputError,
  exportSubgraph,
  parseExportFormat,
  type Subgraph,
} from '../../../server/export/index';
import { sampleSubgraph } from '../../support/sample-subgraph';

const node = (id: string) => ({ id, label: id, type: 'Model' });
const edge = (id: string, source: string, target: string) => ({
  id,
  source,
  target,
  type: 'USES',
  count: 1,
  posts: [],
  evidence: [],
});

describe('exportSubgraph', () => {
  it.each([
    ['graphml', 'application/graphml+xml; charset=utf-8', 'graphml'],
    ['gexf', 'application/gexf+xml; charset=utf-8', 'gexf'],
    ['cyjs', 'application/json; charset=utf-8', 'cyjs'],
    ['csv', 'application/zip', 'zip'],
    ['json', 'application/json; charset=utf-8', 'json'],
  ] as const)('gives %s its content type and file extension', (format, contentType, fileExtension) => {
    const file = exportSubgraph(sampleSubgraph(), format);
    expect({ contentType: file.contentType, fileExtension: file.fileExtension }).toEqual({
      contentType,
      fileExtension,
    });
    expect(file.body.length).toBeGreaterThan(0);
  });

  it('writes the CSV export as a zip (PK signature) and the text formats as strings', () => {
    const zip = exportSubgraph(sampleSubgraph(), 'csv').body;
    expect(Buffer.isBuffer(zip) && zip.subarray(0, 4).toString('binary')).toBe('PK\u0003\u0004');
    expect(typeof exportSubgraph(sampleSubgraph(), 'graphml').body).toBe('string');
  });

  it('writes JSON as plain { nodes, edges } that parses back to the subgraph', () => {
    const subgraph = sampleSubgraph();
    const parsed = JSON.parse(String(exportSubgraph(subgraph, 'json').body));
    expect(Object.keys(parsed)).toEqual(['nodes', 'edges']);
    expect(parsed.edges).toEqual(subgraph.edges);
    expect(parsed.nodes[0]).toEqual(subgraph.nodes[0]);
  });

  it('refuses a subgraph with a duplicate node id, naming the id', () => {
    const subgraph: Subgraph = { nodes: [node('a'), node('a')], edges: [] };
    expect(() => exportSubgraph(subgraph, 'graphml')).toThrow(ExportInputError);
    expect(() => exportSubgraph(subgraph, 'graphml')).toThrow(
      'server/export: nodes[1]: duplicate node id "a"',
    );
  });

  it('refuses an edge whose end is not among the nodes instead of dropping it', () => {
    const subgraph: Subgraph = { nodes: [node('a')], edges: [edge('e1', 'a', 'missing')] };
    expect(() => exportSubgraph(subgraph, 'csv')).toThrow(
      'edge "e1": target "missing" is not among the nodes',
    );
  });

  it('refuses duplicate edge ids', () => {
    const subgraph: Subgraph = {
      nodes: [node('a'), node('b')],
      edges: [edge('e', 'a', 'b'), edge('e', 'b', 'a')],
    };
    expect(() => exportSubgraph(subgraph, 'gexf')).toThrow('edges[1]: duplicate edge id "e"');
  });

  it('exports an empty subgraph in every format', () => {
    for (const format of EXPORT_FORMATS) {
      expect(() => exportSubgraph({ nodes: [], edges: [] }, format)).not.toThrow();
    }
  });
});

describe('parseExportFormat', () => {
  it('accepts each listed format and rejects anything else with the list of formats', () => {
    for (const format of EXPORT_FORMATS) expect(parseExportFormat(format)).toBe(format);
    expect(() => parseExportFormat('xlsx')).toThrow('format must be one of graphml, gexf, cyjs, csv, json');
    expect(() => parseExportFormat(undefined)).toThrow(ExportInputError);
  });
});

describe('exportFileName', () => {
  it('names the file after the format and keeps only header-safe characters of the base', () => {
    expect(exportFileName('graphml')).toBe('subgraph.graphml');
    expect(exportFileName('csv', 'openai')).toBe('openai-neo4j-csv.zip');
    expect(exportFileName('gexf', 'Яндекс "x"; y\r\n')).toBe('x-y.gexf');
    expect(exportFileName('json', '///')).toBe('subgraph.json');
  });
});
