import path from 'node:path';
import { SCORER, scoreFile, scorerPresent as present } from './scorer';

/**
 * Runs the real scorer (../shared/eval/score.mjs) on the held-out posts (tests/fixtures/holdout) and on
 * our blind check (tests/fixtures/extract/blind), and holds the floors reached, a little below the
 * measured scores. ../shared is found through SHARED_DIR
 * or beside the repository; without it the test is skipped with a warning, unless REQUIRE_SHARED=1.
 */
const HOLDOUT = path.resolve(__dirname, '../../fixtures/holdout');

const BLIND = path.resolve(__dirname, '../../fixtures/extract/blind');

const DEV = path.resolve(__dirname, '../../fixtures/dev-2026-12');

const CASES = [
  // The December English development sets (tuned on): measured 0.98 / 0.97 and 0.96 / 0.85.
  {
    name: 'English dev set, news (t.me text)',
    dir: DEV,
    input: 'loss-curve-en.txt',
    gold: 'loss-curve-en.gold.json',
    entity: 0.95,
    relation: 0.93,
  },
  {
    name: 'English dev set, papers (t.me text)',
    dir: DEV,
    input: 'paper-stack-en.txt',
    gold: 'paper-stack-en.gold.json',
    entity: 0.93,
    relation: 0.8,
  },
  // Measured RU 0.96 / 0.97 and EN 0.93 / 0.88 when the floors were set.
  {
    name: 'held-out Russian t.me text copy',
    dir: HOLDOUT,
    input: 'holdout-ru.txt',
    gold: 'holdout-ru.gold.json',
    entity: 0.94,
    relation: 0.95,
  },
  {
    name: 'held-out English Telegram JSON',
    dir: HOLDOUT,
    input: 'holdout-en.result.json',
    gold: 'holdout-en.gold.json',
    entity: 0.91,
    relation: 0.85,
  },
  // Our own six posts (tests/fixtures/extract/blind), written before the rules were tuned and never
  // tuned on; measured EN 0.97 / 0.92 and RU 0.87 / 1.00.
  {
    name: 'blind English Telegram JSON',
    dir: BLIND,
    input: 'blind-en.result.json',
    gold: 'blind-en.gold.json',
    entity: 0.94,
    relation: 0.88,
  },
  {
    name: 'blind Russian t.me text copy',
    dir: BLIND,
    input: 'blind-ru.txt',
    gold: 'blind-ru.gold.json',
    entity: 0.85,
    relation: 0.95,
  },
];

if (!present && process.env.REQUIRE_SHARED !== '1')
  console.warn(`holdout-score: ${SCORER} not found, skipping (set SHARED_DIR, or REQUIRE_SHARED=1 to fail)`);

(present || process.env.REQUIRE_SHARED === '1' ? describe : describe.skip)(
  'held-out and blind scores',
  () => {
    it.each(CASES)('$name reaches entity F1 ≥ $entity and relation F1 ≥ $relation', (c) => {
      expect(present).toBe(true);
      const report = scoreFile(path.join(c.dir, c.input), path.join(c.dir, c.gold));
      expect(report.posts.matched).toBe(report.posts.gold);
      expect(report.typedEntities.f1).toBeGreaterThanOrEqual(c.entity);
      expect(report.relations.f1).toBeGreaterThanOrEqual(c.relation);
    });
  },
);
