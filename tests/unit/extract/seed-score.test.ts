import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extract } from '../../../ingest/extract';
import { parseText } from '../../../ingest/parse';

/**
 * Runs the real scorer (../shared/eval/score.mjs) on the seed corpus and holds the floors reached.
 * ../shared is found through SHARED_DIR or beside the repository; without it the test is skipped
 * with a warning, unless REQUIRE_SHARED=1 (then it fails).
 */
const SHARED = process.env.SHARED_DIR ?? path.resolve(__dirname, '../../../../shared');
const CORPUS = path.join(SHARED, 'corpus/deep-dive-2-deep-learning.txt');
const GOLD = path.join(SHARED, 'eval/deep-dive-2-deep-learning.gold.json');
const SCORER = path.join(SHARED, 'eval/score.mjs');
const present = [CORPUS, GOLD, SCORER].every((f) => existsSync(f));

const FLOORS = { typedEntityF1: 0.98, relationF1: 0.97 };

if (!present && process.env.REQUIRE_SHARED !== '1')
  console.warn(`seed-score: ${SHARED} not found, skipping (set SHARED_DIR, or REQUIRE_SHARED=1 to fail)`);

(present || process.env.REQUIRE_SHARED === '1' ? describe : describe.skip)('seed corpus score', () => {
  it(`reaches typed entity F1 ≥ ${FLOORS.typedEntityF1} and relation F1 ≥ ${FLOORS.relationF1}`, () => {
    expect(present).toBe(true);
    const parsed = parseText(readFileSync(CORPUS), CORPUS);
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'seed-score-')), 'extraction.json');
    writeFileSync(out, JSON.stringify(extract(parsed)));
    const stdout = execFileSync(process.execPath, [SCORER, GOLD, out, '--json'], { encoding: 'utf8' });
    // The JSON report is followed by a one-line summary.
    const report = JSON.parse(stdout.slice(0, stdout.lastIndexOf('\n}') + 2));
    expect(report.posts.matched).toBe(report.posts.gold);
    expect(report.typedEntities.f1).toBeGreaterThanOrEqual(FLOORS.typedEntityF1);
    expect(report.relations.f1).toBeGreaterThanOrEqual(FLOORS.relationF1);
  });
});
