import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The read-only shared folder (corpus, gold, real Telegram samples) lives next to the checkout:
 * SHARED_DIR overrides it. When it is absent the tests that need it are skipped with a warning,
 * unless REQUIRE_SHARED=1, in which case they fail.
 */
export const SHARED_DIR = process.env.SHARED_DIR ?? path.resolve(__dirname, '../../../../shared');

export function sharedAvailable(): boolean {
  if (existsSync(SHARED_DIR)) return true;
  if (process.env.REQUIRE_SHARED === '1')
    throw new Error(`REQUIRE_SHARED=1 but ${SHARED_DIR} does not exist`);
  console.warn(`skipping tests over ${SHARED_DIR}: folder absent (set SHARED_DIR)`);
  return false;
}

export const describeIfShared = sharedAvailable() ? describe : describe.skip;
