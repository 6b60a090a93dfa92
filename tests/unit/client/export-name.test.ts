import {
  exportBaseName,
  exportFileName,
  fileSlug,
  neighbourhoodCentre,
  type ExportContent,
} from '../../../client/src/features/export-name';

const star: ExportContent = {
  nodes: [
    { id: 'llama', label: 'LLaMA' },
    { id: 'meta', label: 'Meta' },
    { id: 'sam', label: 'SAM' },
    { id: 'vit', label: 'ViT' },
  ],
  edges: [
    { source: 'meta', target: 'llama' },
    { source: 'sam', target: 'meta' },
    { source: 'meta', target: 'vit' },
    { source: 'sam', target: 'vit' },
  ],
};

describe('export file names', () => {
  test('one entity linked to all the others names a neighbourhood', () => {
    expect(neighbourhoodCentre(star)?.id).toBe('meta');
    expect(exportFileName('canvas', star, 'graphml')).toBe('neighbourhood-meta.graphml');
  });

  test('anything else on the canvas is named by its entity count', () => {
    const chain: ExportContent = { ...star, edges: star.edges.slice(0, 2) };
    expect(neighbourhoodCentre(chain)).toBeNull();
    expect(exportFileName('canvas', chain, 'json')).toBe('canvas-4-entities.json');
    expect(exportBaseName('canvas', { nodes: [star.nodes[0]], edges: [] })).toBe('canvas-1-entity');
    // Two linked nodes: either could be the centre, so neither is.
    expect(exportBaseName('canvas', { nodes: star.nodes.slice(0, 2), edges: [star.edges[0]] })).toBe(
      'canvas-2-entities',
    );
  });

  test('the selection says it is one, whatever its shape', () => {
    expect(exportFileName('selection', star, 'gexf')).toBe('selection-4-entities.gexf');
    expect(exportBaseName('selection', { nodes: [star.nodes[1]], edges: [] })).toBe('selection-1-entity');
  });

  test('the CSV zip keeps its neo4j-admin suffix', () => {
    expect(exportFileName('canvas', star, 'zip')).toBe('neighbourhood-meta-neo4j-csv.zip');
  });

  test('names become file-safe slugs in any script', () => {
    expect(fileSlug('Сбер')).toBe('сбер');
    expect(fileSlug('facebookresearch/llama')).toBe('facebookresearch-llama');
    expect(fileSlug('  GPT-4 (OpenAI) ')).toBe('gpt-4-openai');
    const centre = { ...star, nodes: star.nodes.map((n) => (n.id === 'meta' ? { ...n, label: '***' } : n)) };
    expect(exportBaseName('canvas', centre)).toBe('neighbourhood-meta');
  });
});
