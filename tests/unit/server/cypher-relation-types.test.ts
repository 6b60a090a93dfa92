/**
 * API queries spell the entity-entity relationship types out in their patterns (a typed expansion
 * skips a hub's MENTIONS without reading them). A type added to RELATION_TYPES but missed in one
 * of these lists would silently vanish from neighbourhoods, paths or exports: this keeps them equal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RELATION_TYPES } from '../../../vocabulary/types';
import { CYPHER_DIR } from '../../../server/repositories/cypher-files';

const apiDir = path.join(CYPHER_DIR, 'api');
const files = readdirSync(apiDir).filter((f) => f.endsWith('.cypher'));
/** A relationship pattern naming several types: [r:A|B|C], [:A|B] or [:A|B*..6]. */
const TYPE_LIST = /\[\w*:([A-Z_]+(?:\|[A-Z_]+)+)(?:\*[.\d]*)?\]/g;
/** A typed COUNT of one type, as entity.cypher writes per type: COUNT { (e)-[:A]-() }. */
const COUNTED_TYPE = /\{type: '([A-Z_]+)', count: COUNT \{ \(e\)-\[:([A-Z_]+)\]-\(\) \}\}/g;

const sorted = (types: Iterable<string>) => [...types].sort();

describe('relationship types written out in cypher/api', () => {
  const lists = files.flatMap((file) =>
    [...readFileSync(path.join(apiDir, file), 'utf8').matchAll(TYPE_LIST)].map((m) => ({
      file,
      types: m[1].split('|'),
    })),
  );

  it('finds the typed patterns of the neighbourhood, subgraph, path and evidence queries', () => {
    expect(new Set(lists.map((l) => l.file))).toEqual(
      new Set([
        'neighbours.cypher',
        'subgraph.cypher',
        'path-links.cypher',
        'hop-evidence.cypher',
        'relation-evidence.cypher',
      ]),
    );
  });

  it.each(lists.map((l, i) => [`${l.file} #${i}`, l.types] as const))(
    '%s lists exactly RELATION_TYPES',
    (_name, types) => {
      expect(sorted(types)).toEqual(sorted(RELATION_TYPES));
    },
  );

  it('counts every type in entity.cypher, each under its own name', () => {
    const text = readFileSync(path.join(apiDir, 'entity.cypher'), 'utf8');
    const counted = [...text.matchAll(COUNTED_TYPE)];
    for (const m of counted) expect(m[1]).toBe(m[2]);
    expect(sorted(counted.map((m) => m[1]))).toEqual(sorted(RELATION_TYPES));
  });
});
