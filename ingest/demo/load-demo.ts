/** The bundled demo channel (./ml-digest.result.json), loaded by the server into an empty graph. */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { ingestCypher } from '../load/cypher';
import { ingestFiles, type IngestOptions, type IngestSummary } from '../pipeline';

export const DEMO_EXPORT = path.resolve(__dirname, 'ml-digest.result.json');

/** Loads the bundled demo channel when the graph has no posts; returns null when it had some. */
export async function ingestDemoIfEmpty(
  driver: Driver,
  options: Pick<IngestOptions, 'onProgress'> = {},
): Promise<IngestSummary | null> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  let posts: number;
  try {
    const result = await session.executeRead((tx) => tx.run(ingestCypher('count-posts')));
    posts = Number(result.records[0]?.get('posts') ?? 0);
  } finally {
    await session.close();
  }
  if (posts > 0) return null;
  return ingestFiles(driver, [DEMO_EXPORT], options);
}
