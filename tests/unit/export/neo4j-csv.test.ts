import { unzipSync, strFromU8 } from 'fflate';
import { guardFormula, textCell } from '../../../vocabulary/csv';
import { toNeo4jCsvZip } from '../../../server/export/neo4j-csv';
import { sampleSubgraph } from '../../support/sample-subgraph';
import { csvObjects, readCsv, type CsvField } from './readers';

function unzip(zip: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(zip));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('neo4j-admin CSV zip export', () => {
  const subgraph = sampleSubgraph();
  const files = unzip(toNeo4jCsvZip(subgraph, new Date('2024-06-01T00:00:00Z')));
  const nodes = csvObjects(files['nodes.csv']);
  const relationships = csvObjects(files['relationships.csv']);
  const nodeRow = (id: string) => nodes.rows.find((row) => row.get('id:ID')!.value === id)!;
  const value = (row: Map<string, CsvField>, column: string) => row.get(column)?.value;

  it('holds nodes.csv, relationships.csv and a README with the import command', () => {
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'nodes.csv', 'relationships.csv']);
    expect(files['README.txt']).toContain('neo4j-admin database import full');
    expect(files['README.txt']).toContain('--multiline-fields=true');
  });

  it('writes neo4j-admin headers with typed property columns', () => {
    expect(nodes.header.slice(0, 3)).toEqual(['id:ID', 'name', ':LABEL']);
    expect(nodes.header).toEqual(
      expect.arrayContaining(['type', 'mentionCount:int', 'degree:int', 'followers:long', 'stars:double']),
    );
    expect(nodes.header).toEqual(
      expect.arrayContaining(['verified:boolean', 'aliases:string[]', 'score', 'name_2']),
    );
    expect(relationships.header.slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
    expect(relationships.header).toEqual(
      expect.arrayContaining(['count:int', 'posts:string[]', 'evidence:string[]']),
    );
  });

  it('has one row per node and relationship, every relationship end among the node ids', () => {
    expect(nodes.rows).toHaveLength(subgraph.nodes.length);
    expect(relationships.rows).toHaveLength(subgraph.edges.length);
    const ids = new Set(nodes.rows.map((row) => value(row, 'id:ID')));
    expect(ids.size).toBe(nodes.rows.length);
    for (const row of relationships.rows) {
      expect([ids.has(value(row, ':START_ID')), ids.has(value(row, ':END_ID'))]).toEqual([true, true]);
    }
  });

  it('labels entities with Entity and their type, other nodes with their type', () => {
    expect(value(nodeRow('openai'), ':LABEL')).toBe('Entity;Organization');
    expect(value(nodeRow('post:mlchan/812'), ':LABEL')).toBe('Post');
  });

  it('round-trips commas, quotes, line breaks and Cyrillic through RFC 4180 quoting', () => {
    const released = relationships.rows.find((row) => value(row, 'id') === 'openai|RELEASED|gpt-4o')!;
    expect(value(released, 'evidence:string[]')!.split(';')).toEqual([
      'OpenAI released GPT-4o, "omni"\uFF1B faster.',
      'Вышла модель\nGPT-4o',
    ]);
    expect(value(nodeRow('gpt-4o'), 'name')).toBe('<script>alert("x&y")</script>\'');
    expect(value(nodeRow('яндекс'), 'name')).toBe('Яндекс, «ИИ» 🤖');
    expect(value(nodeRow('яндекс'), 'note')).toBe(
      'ctl\u0001\u0008\u000B\u001F\uFFFE\uFFFD chars\r\nline two\ttab',
    );
  });

  it('keeps list items whole by writing a ";" inside an item as a full-width semicolon', () => {
    expect(value(nodeRow('яндекс'), 'aliases:string[]')!.split(';')).toEqual([
      'Yandex\uFF1B Russia',
      '=HYPERLINK("http://evil")',
    ]);
  });

  it('prefixes text cells that start with = + - @ with an apostrophe, ids alike in both files', () => {
    expect(value(nodeRow("'@karpathy"), 'name')).toBe("'-Andrej Karpathy");
    expect(value(nodeRow("'@karpathy"), 'aliases:string[]')).toBe("'+AK;@karpathy");
    const worksAt = relationships.rows.find((row) => value(row, ':TYPE') === 'WORKS_AT')!;
    expect(value(worksAt, ':START_ID')).toBe("'@karpathy");
    const owns = relationships.rows.find((row) => value(row, ':TYPE') === 'OWNS')!;
    expect(value(owns, 'evidence:string[]')).toBe("'=1+1");
  });

  it('writes numbers unquoted and unguarded, and tells absent values from empty strings', () => {
    const raw = readCsv(files['nodes.csv']);
    const column = raw[0].findIndex((field) => field.value === 'mentionCount:int');
    expect(raw[1][column]).toEqual({ value: '42', quoted: false });
    expect(nodeRow('gpt-4o').has('lastSeen')).toBe(false);
    expect(nodeRow('gpt-4o').has('aliases:string[]')).toBe(false);
    expect(value(nodeRow('openai'), 'score')).toBe('0.5');
  });

  it('ends records with CRLF', () => {
    expect(files['nodes.csv'].endsWith('\r\n')).toBe(true);
    expect(files['nodes.csv'].split('\r\n')[0]).toBe(nodes.header.join(','));
  });
});

describe('CSV cells', () => {
  it('quotes only what needs quoting and doubles quotes', () => {
    expect(textCell('plain')).toBe('plain');
    expect(textCell('a,b')).toBe('"a,b"');
    expect(textCell('say "hi"')).toBe('"say ""hi"""');
    expect(textCell('two\nlines')).toBe('"two\nlines"');
    expect(textCell('')).toBe('""');
  });

  it('guards every formula-starting character', () => {
    expect(['=1', '+1', '-1', '@a', '\tx', '\rx'].map(guardFormula)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@a",
      "'\tx",
      "'\rx",
    ]);
    expect(guardFormula('a=1')).toBe('a=1');
  });
});
