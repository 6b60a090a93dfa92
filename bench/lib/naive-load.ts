/**
 * BASELINE FOR BENCHMARKS ONLY: writes the same graph as loadExtraction, but one query (and one
 * auto-commit transaction) per row, the way a first version would. bench/ingest.bench.ts compares
 * the two; nothing else should call this.
 */
import type { Driver } from 'neo4j-driver';
import { ENTITY_TYPES } from '../../vocabulary/types';
import type { Extraction } from '../../ingest/model';
import { ingestCypher, relationCypher } from '../../ingest/load/cypher';
import type { LoadSummary } from '../../ingest/load/load';
import { planCounts, planLoad } from '../../ingest/load/plan';
import { staleWrites, type ExistingPost } from '../../ingest/load/stale';

export async function loadExtractionNaive(driver: Driver, extraction: Extraction): Promise<LoadSummary> {
  const started = performance.now();
  const plan = planLoad(extraction);
  const session = driver.session({ defaultAccessMode: 'WRITE' });
  try {
    await session.run(ingestCypher('channel'), { channel: plan.channel });
    for (const entity of plan.entities) await session.run(ingestCypher('entities'), { rows: [entity] });
    const touched = new Set(plan.entities.map((e) => e.key));
    for (const { post, mentions, relations } of plan.posts) {
      const result = await session.run(ingestCypher('existing-posts'), { keys: [post.key] });
      const existing = result.records.map((r) => r.toObject() as ExistingPost);
      const stale = staleWrites(existing, [post]);
      for (const m of stale.mentions) {
        await session.run(ingestCypher('delete-mentions'), { rows: [m] });
        touched.add(m.entity);
      }
      for (const r of stale.relations) {
        await session.run(relationCypher(r.type, 'delete-relations'), { rows: [r] });
      }
      await session.run(ingestCypher('posts'), { rows: [post] });
      for (const mention of mentions) await session.run(ingestCypher('mentions'), { rows: [mention] });
      for (const relation of relations) {
        await session.run(relationCypher(relation.type), { rows: [relation] });
      }
    }
    for (const key of touched) {
      await session.run(ingestCypher('delete-orphans'), { keys: [key] });
      await session.run(ingestCypher('entity-stats'), { keys: [key], typeLabels: [...ENTITY_TYPES] });
    }
    await session.run(ingestCypher('channel-months'), { channel: plan.channel.key });
  } finally {
    await session.close();
  }
  return { ...planCounts(plan), seconds: (performance.now() - started) / 1000 };
}
