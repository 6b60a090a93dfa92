/** Synthetic channel files for benchmarks, generated once per size and cached in the temp dir. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateChannel } from '../generate-channel';

const CACHE_DIR = path.join(os.tmpdir(), 'mlgraph-bench-channels');

/** Path of a generated Telegram JSON export with `posts` posts (same content every time). */
export function channelFile(posts: number, seed = 42): string {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const file = path.join(CACHE_DIR, `channel-${posts}-s${seed}-v2.json`);
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(generateChannel({ posts, seed })));
    fs.renameSync(tmp, file);
  }
  return file;
}
