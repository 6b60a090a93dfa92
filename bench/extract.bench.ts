/**
 * npm run bench:extract [-- --quick] [-- --posts N]
 *
 * Extraction speed on one core: the seed corpus (../shared/corpus, found through SHARED_DIR or
 * beside the repository) replicated to at least 2,000 posts, each copy with its own message id.
 * Without the corpus the synthetic channel of bench/generate-channel.ts is used instead.
 * Prints one line and writes bench/results/extract.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extract } from '../ingest/extract';
import { loadKnowledge } from '../ingest/extract/knowledge';
import { morphologyStats, parses } from '../ingest/extract/morphology';
import type { ParsedExport } from '../ingest/model';
import { parseText } from '../ingest/parse';
import { generateChannel } from './generate-channel';
import { newResult, round, writeResult } from './lib/results';

const GOAL_POSTS_PER_S = 1000;

function corpus(): { parsed: ParsedExport; source: string } {
  const shared = process.env.SHARED_DIR ?? path.resolve(__dirname, '../../shared');
  const file = path.join(shared, 'corpus/deep-dive-2-deep-learning.txt');
  if (fs.existsSync(file)) return { parsed: parseText(fs.readFileSync(file), file), source: file };
  const json = JSON.stringify(generateChannel({ posts: 200 }));
  return {
    parsed: parseText(json, 'generated-channel.json', { format: 'telegram-json' }),
    source: 'generated',
  };
}

function replicate(parsed: ParsedExport, count: number): ParsedExport {
  const posts = [];
  for (let i = 0; posts.length < count; i++) {
    const p = parsed.posts[i % parsed.posts.length];
    posts.push({ ...p, messageId: String(i + 1) });
  }
  return { ...parsed, posts };
}

function main(): void {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' }, posts: { type: 'string' } } });
  const quick = !!values.quick;
  const target = Number(values.posts ?? (quick ? 2000 : 4000));
  const started = performance.now();

  const t0 = performance.now();
  loadKnowledge();
  const knowledgeMs = performance.now() - t0;
  parses('модель'); // loads the Russian dictionaries (az) now, so that their cost is reported apart
  const morphology = morphologyStats()!;

  const { parsed, source } = corpus();
  const input = replicate(parsed, target);
  const bytes = input.posts.reduce((n, p) => n + Buffer.byteLength(p.text, 'utf8'), 0);

  extract(replicate(parsed, Math.min(200, target))); // warm up the JIT and the caches
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  let entities = 0;
  let relations = 0;
  for (let r = 0; r < (quick ? 2 : 3); r++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const out = extract(input);
    runs.push((performance.now() - t) / 1000);
    const used = process.cpuUsage(cpu);
    cpuRuns.push((used.user + used.system) / 1e6);
    entities = out.posts.reduce((n, p) => n + p.entities.length, 0);
    relations = out.posts.reduce((n, p) => n + p.relations.length, 0);
  }
  const best = Math.min(...runs);
  const postsPerS = input.posts.length / best;
  const mbPerS = bytes / 1e6 / best;
  // CPU time says what one core can do even on a busy shared machine, where wall time waits for others.
  const bestCpu = Math.min(...cpuRuns);
  const postsPerCpuS = input.posts.length / bestCpu;

  const result = newResult('extract', quick, { posts: input.posts.length, source, bytes });
  result.figures.push(
    {
      benchmark: 'extract',
      metric: 'posts per second (one core)',
      value: round(postsPerS, 0),
      unit: 'posts/s',
    },
    {
      benchmark: 'extract',
      metric: 'posts per CPU second',
      value: round(postsPerCpuS, 0),
      unit: 'posts/s',
      goal: { text: `≥ ${GOAL_POSTS_PER_S}`, met: postsPerCpuS >= GOAL_POSTS_PER_S },
    },
    { benchmark: 'extract', metric: 'text throughput', value: round(mbPerS, 2), unit: 'MB/s' },
    { benchmark: 'extract', metric: 'knowledge load', value: round(knowledgeMs, 0), unit: 'ms' },
    {
      benchmark: 'extract',
      metric: 'Russian dictionaries load',
      value: round(morphology.loadMs, 0),
      unit: 'ms',
    },
    {
      benchmark: 'extract',
      metric: 'Russian dictionaries heap',
      value: round(morphology.heapMb, 1),
      unit: 'MiB',
    },
  );
  result.details = {
    runsSeconds: runs.map((s) => round(s, 3)),
    cpuSeconds: cpuRuns.map((s) => round(s, 3)),
    entities,
    relations,
    heapUsedMiB: round(process.memoryUsage().heapUsed / 2 ** 20, 1),
  };
  const file = writeResult(result, started);
  console.log(
    `extract: ${input.posts.length} posts, ${round(bytes / 1e6, 2)} MB in ${round(best, 2)} s → ` +
      `${round(postsPerS, 0)} posts/s, ${round(mbPerS, 2)} MB/s wall; ${round(postsPerCpuS, 0)} posts per CPU second ` +
      `(knowledge load ${round(knowledgeMs, 0)} ms; Russian dictionaries ${round(morphology.loadMs, 0)} ms, ` +
      `${round(morphology.heapMb, 1)} MiB heap) · ${file}`,
  );
}

main();
