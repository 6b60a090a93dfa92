/**
 * What "the same graph" means in follow tests: node counts by label, relationship counts by type,
 * and a hash of the content (posts with their text, entities with type and counts, every
 * relationship with its ends and properties that come from posts). Fetch bookkeeping (:Follow
 * times, the channel's importedAt) is left out: it differs between two runs by design.
 */
import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';

export interface GraphSnapshot {
  labels: Record<string, number>;
  types: Record<string, number>;
  hash: string;
}

export async function graphSnapshot(driver: Driver): Promise<GraphSnapshot> {
  const labels = await driver.executeQuery(
    'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label',
  );
  const types = await driver.executeQuery(
    'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type',
  );
  const content = await driver.executeQuery(`
    CALL () { MATCH (p:Post) RETURN collect([p.key, p.text, p.date, p.title]) AS posts }
    CALL () { MATCH (e:Entity) RETURN collect([e.key, e.type, e.name, toString(e.mentionCount)]) AS entities }
    CALL () {
      MATCH (a)-[r]->(b) WHERE NOT a:Follow
      RETURN collect([coalesce(a.key, ''), type(r), coalesce(b.key, ''), coalesce(r.post, ''), coalesce(r.evidence, ''), toString(coalesce(r.count, ''))]) AS rels
    }
    RETURN posts, entities, rels`);
  const record = content.records[0];
  const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
  const hash = createHash('sha256')
    .update(
      JSON.stringify([
        sorted(record.get('posts') as unknown[][]),
        sorted(record.get('entities') as unknown[][]),
        sorted(record.get('rels') as unknown[][]),
      ]),
    )
    .digest('hex');
  return {
    labels: Object.fromEntries(
      labels.records.map((r) => [r.get('label') as string, r.get('n').toNumber() as number]),
    ),
    types: Object.fromEntries(
      types.records.map((r) => [r.get('type') as string, r.get('n').toNumber() as number]),
    ),
    hash,
  };
}
