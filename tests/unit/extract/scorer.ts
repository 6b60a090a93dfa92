import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extract } from '../../../ingest/extract';
import { parseText } from '../../../ingest/parse';

/** The real scorer of ../shared/eval (found through SHARED_DIR or beside the repository). */
export const SHARED = process.env.SHARED_DIR ?? path.resolve(__dirname, '../../../../shared');
export const SCORER = path.join(SHARED, 'eval/score.mjs');
export const scorerPresent = existsSync(SCORER);

export interface ScoreReport {
  posts: { matched: number; gold: number };
  typedEntities: { f1: number };
  relations: { f1: number; recall: number };
}

/** Extracts `input` (its format detected from the content) and scores it against `gold`. */
export function scoreFile(input: string, gold: string): ScoreReport {
  const parsed = parseText(readFileSync(input), input);
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'score-')), 'extraction.json');
  writeFileSync(out, JSON.stringify(extract(parsed)));
  const stdout = execFileSync(process.execPath, [SCORER, gold, out, '--json'], { encoding: 'utf8' });
  // The JSON report is followed by a one-line summary.
  return JSON.parse(stdout.slice(0, stdout.lastIndexOf('\n}') + 2)) as ScoreReport;
}
