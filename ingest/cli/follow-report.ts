/**
 * What `npm run follow` shows while it runs: on a terminal one status line rewritten in place
 * (channel, phase, pages, posts); otherwise (CI, pipes) a line per 10 pages and per load phase.
 */
import type { FollowProgress } from '../follow/follow-channel';
import type { ChannelOutcome } from '../follow/follow-channels';

const PHASE: Record<FollowProgress['phase'], string> = {
  fetch: 'fetching',
  entities: 'writing entities',
  posts: 'writing posts',
  finalize: 'statistics',
};

export interface FollowReporter {
  update(progress: FollowProgress): void;
  log(message: string): void;
  stop(): void;
}

export function createFollowReporter(stream: NodeJS.WriteStream): FollowReporter {
  let lastKey = '';
  let lineOpen = false;
  const endLine = (): void => {
    if (lineOpen) stream.write('\n');
    lineOpen = false;
  };
  return {
    update(p) {
      const counts =
        p.phase === 'fetch'
          ? `${p.done} pages, ${p.posts} posts`
          : `${p.done}/${p.total ?? '?'} (${p.posts} posts)`;
      const line = `follow @${p.channel}: ${PHASE[p.phase]} ${counts}`;
      if (stream.isTTY) {
        stream.write(`\r${line}\x1b[K`);
        lineOpen = true;
        return;
      }
      const key = `${p.channel} ${p.phase}`;
      const due =
        p.phase === 'fetch' ? p.done === 1 || p.done % 10 === 0 : key !== lastKey || p.done === p.total;
      if (due) stream.write(`${line}\n`);
      lastKey = key;
    },
    log(message) {
      endLine();
      stream.write(`${message}\n`);
    },
    stop: endLine,
  };
}

export function formatOutcomes(outcomes: ChannelOutcome[]): string {
  return outcomes
    .map((o) => {
      if (!o.ok) return `@${o.channel}: FAILED: ${o.error.message}`;
      const r = o.result;
      const relations = Object.values(r.load?.relations ?? {}).reduce((n, c) => n + c, 0);
      const lines = [
        `@${o.channel}: ${r.pages} pages, ${r.posts} posts, ${r.written} new or changed written (newest message ${r.newestId ?? 'none'}; stopped: ${STOP[r.stoppedBy]})` +
          (r.load
            ? `, ${r.load.entities} entities, ${r.load.mentions} mentions, ${relations} relations`
            : ''),
        ...r.warnings.map((w) => `  warning: ${w}`),
      ];
      return lines.join('\n');
    })
    .join('\n');
}

const STOP = {
  known: 'reached posts already in the graph',
  since: 'reached --since',
  'max-posts': 'reached --max-posts',
  start: 'reached the first post of the channel',
} as const;
