import { cellText, compareCells, resultCsv, sortedOrder } from '../../../client/src/features/result-cells';
import { fileStem } from '../../../client/src/features/results';

const openai = {
  elementId: 'n1',
  labels: ['Entity', 'Organization'],
  properties: { key: 'openai', name: 'OpenAI' },
};
const released = { elementId: 'r1', type: 'RELEASED', start: 'n1', end: 'n2', properties: { post: 'p1' } };
const ends = { n1: { id: 'openai', label: 'OpenAI' }, n2: { id: 'gpt-4', label: 'GPT-4' } };

describe('query result cells', () => {
  test('a relationship names its ends, not its element ids', () => {
    expect(cellText(released, ends)).toBe('OpenAI –RELEASED→ GPT-4');
    expect(cellText(released)).toBe('? –RELEASED→ ?');
  });

  test('a node shows its name; a list of the same statement says it once with a count', () => {
    expect(cellText(openai)).toBe('OpenAI');
    expect(cellText([released, released, released], ends)).toBe('OpenAI –RELEASED→ GPT-4 (×3)');
    expect(cellText([null, null])).toBe(', ');
  });

  test('a path shows its chain of names', () => {
    const gpt = { labels: ['Entity'], properties: { name: 'GPT-4' } };
    expect(cellText({ nodes: [openai, gpt], relationships: [released] })).toBe('OpenAI → GPT-4');
  });

  test('numbers sort as numbers, names as people read them, blanks last either way', () => {
    expect(compareCells(9, 10)).toBeLessThan(0);
    expect(compareCells('GPT-4', 'GPT-10')).toBeLessThan(0);
    const rows = [[3], [null], [10], [1]];
    expect(sortedOrder(rows, 0, false)).toEqual([3, 0, 2, 1]);
    expect(sortedOrder(rows, 0, true)).toEqual([2, 0, 3, 1]);
  });

  test('CSV holds what the table shows, quoted and guarded against formulas', () => {
    const csv = resultCsv(['org', 'r', 'n', 'note'], [[openai, released, -2, '=HYPERLINK("x")']], ends);
    expect(csv).toBe('org,r,n,note\r\nOpenAI,OpenAI –RELEASED→ GPT-4,-2,"\'=HYPERLINK(""x"")"\r\n');
  });

  test('the file is named after the query', () => {
    expect(fileStem('Who released what')).toBe('who-released-what');
    expect(fileStem('Cypher result')).toBe('cypher-result');
  });
});
