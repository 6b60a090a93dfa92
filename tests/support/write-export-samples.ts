import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXPORT_FORMATS, exportSubgraph } from '../../server/export/index';
import { sampleSubgraph } from './sample-subgraph';

/**
 * Writes the sample subgraph in every export format into DIR (sample.graphml, sample.gexf, sample.cyjs,
 * sample.zip, sample.json) plus sample.counts.json with the expected node and edge counts, so that
 * .ci/check-exports.py can open them with independent readers:
 *   npx tsx tests/support/write-export-samples.ts DIR && python3 .ci/check-exports.py DIR
 */
function main(): void {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: tsx tests/support/write-export-samples.ts DIR');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  const subgraph = sampleSubgraph();
  for (const format of EXPORT_FORMATS) {
    const file = exportSubgraph(subgraph, format);
    writeFileSync(path.join(dir, `sample.${file.fileExtension}`), file.body);
  }
  const counts = { nodes: subgraph.nodes.length, edges: subgraph.edges.length };
  writeFileSync(path.join(dir, 'sample.counts.json'), JSON.stringify(counts));
  console.log(`write-export-samples: wrote ${EXPORT_FORMATS.length} sample exports to ${dir}`);
}

main();
