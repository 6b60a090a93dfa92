/**
 * The t.me client's settings (FOLLOW_*, TME_BASE_URL), read by `npm run follow` and by the server's
 * scheduled refresh (server/config.ts). Listed with their defaults in .env.example.
 */
import { ConfigError, EnvReader, type Env } from '../../db/config';

export interface FollowConfig {
  /** Minutes between refreshes of every followed channel while the server runs; 0: no schedule. */
  intervalMin: number;
  /** Where the channel previews live: https://t.me, or a local server in tests. */
  baseUrl: string;
  /** Pause between two requests to t.me (ms). */
  pageDelayMs: number;
  /** Longest wait for one t.me response (ms). */
  timeoutMs: number;
}

export function readFollowConfig(read: EnvReader): FollowConfig {
  return {
    intervalMin: read.integer('FOLLOW_INTERVAL_MIN', 0, 0, 10_080),
    baseUrl: read.httpUrl('TME_BASE_URL', 'https://t.me'),
    pageDelayMs: read.integer('FOLLOW_PAGE_DELAY_MS', 2000, 0, 600_000),
    timeoutMs: read.integer('FOLLOW_TIMEOUT_MS', 20_000, 100, 600_000),
  };
}

/** The FOLLOW_* variables alone; reports all bad ones at once. */
export function loadFollowConfig(env: Env = process.env): FollowConfig {
  const problems: string[] = [];
  const follow = readFollowConfig(new EnvReader(env, problems));
  if (problems.length > 0) throw new ConfigError(problems);
  return follow;
}
