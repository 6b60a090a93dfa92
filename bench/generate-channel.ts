/**
 * Deterministic generator of synthetic channels in the Telegram Desktop JSON export format, for
 * benchmarks. Names follow a long-tailed (Zipf) distribution like a real channel: a few
 * organisations and models appear in most posts, most names appear once or twice.
 *
 *   npx tsx bench/generate-channel.ts 10000 > /tmp/ch10k.json
 */
import { writeFileSync } from 'node:fs';

/** mulberry32: a tiny seeded PRNG so every run generates the same channel. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks index i with probability proportional to 1/(i+1)^s. */
function zipfPicker(n: number, s: number, rnd: () => number): () => number {
  const cdf: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) cdf.push((total += 1 / Math.pow(i + 1, s)));
  return () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const REAL_ORGS = [
  'Meta',
  'Google',
  'OpenAI',
  'Microsoft',
  'NVIDIA',
  'DeepMind',
  'Яндекс',
  'Сбер',
  'Hugging Face',
  'Anthropic',
  'Mistral AI',
  'Stability AI',
];
const REAL_LIBS = [
  'PyTorch',
  'TensorFlow',
  'JAX',
  'scikit-learn',
  'Transformers',
  'LangChain',
  'ONNX Runtime',
  'DeepSpeed',
];
const REAL_DATASETS = [
  'ImageNet',
  'COCO',
  'MMLU',
  'GLUE',
  'SQuAD',
  'HumanEval',
  'LibriSpeech',
  'Common Crawl',
];
const FIRST = ['Алекс', 'Иван', 'Мария', 'Анна', 'Дмитрий', 'John', 'Emily', 'David', 'Sarah', 'Wei'];
const LAST = ['Smith', 'Chen', 'Петров', 'Иванова', 'Garcia', 'Kim', 'Соколов', 'Brown', 'Novak', 'Lee'];
const SYL = [
  'Neo',
  'Vi',
  'Lu',
  'Tra',
  'Gen',
  'Omni',
  'Fast',
  'Deep',
  'Byte',
  'Ora',
  'Quant',
  'Sem',
  'Hyper',
  'Mo',
];

export interface GeneratorOptions {
  posts: number;
  seed?: number;
}

export function generateChannel({ posts, seed = 42 }: GeneratorOptions): object {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const syntheticName = (i: number, suffix: string) =>
    `${SYL[i % SYL.length]}${SYL[(i * 7 + 3) % SYL.length]}${suffix}`;
  const nOrgs = Math.max(20, Math.round(posts / 50));
  const nModels = Math.max(40, Math.round(posts / 5));
  const orgs = [...REAL_ORGS, ...Array.from({ length: nOrgs }, (_, i) => `${syntheticName(i, 'Labs')}${i}`)];
  const models = Array.from({ length: nModels }, (_, i) => `${syntheticName(i, '')}-${1 + (i % 9)}B${i}`);
  const pickOrg = zipfPicker(orgs.length, 1.1, rnd);
  const pickModel = zipfPicker(models.length, 0.9, rnd);
  const pickLib = zipfPicker(REAL_LIBS.length, 1.2, rnd);
  const pickData = zipfPicker(REAL_DATASETS.length, 1.2, rnd);
  const start = Date.UTC(2020, 0, 1) / 1000;

  const messages: object[] = [];
  for (let id = 1; id <= posts; id++) {
    const org = orgs[pickOrg()];
    const model = models[pickModel()];
    const rival = models[pickModel()];
    const lib = REAL_LIBS[pickLib()];
    const data = REAL_DATASETS[pickData()];
    const person = `${pick(FIRST)} ${pick(LAST)}`;
    const score = (50 + rnd() * 49).toFixed(1);
    const repo = `https://github.com/${org.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'lab'}/${model.toLowerCase()}`;
    const english = rnd() < 0.3;
    const lines = english
      ? [
          `🚀 ${model} from ${org}`,
          `${org} released ${model}, a new model trained with ${lib}.`,
          `${model} outperforms ${rival} on ${data} with ${score}% accuracy.`,
          `${person}, a researcher at ${org}, presented the results.`,
          repo,
        ]
      : [
          `🔥 ${model} от ${org}`,
          `Компания ${org} представила модель ${model}, обученную с помощью ${lib}.`,
          `По словам авторов, ${model} превосходит ${rival} на бенчмарке ${data}: ${score.replace('.', ',')}% точности.`,
          `Исследователь ${person} из ${org} рассказал о работе.`,
          `Код доступен на GitHub: ${repo}`,
        ];
    const unix = start + id * 3600 * 7 + Math.floor(rnd() * 3600);
    messages.push({
      id,
      type: 'message',
      date: new Date(unix * 1000).toISOString().slice(0, 19),
      date_unixtime: String(unix),
      from: 'Synthetic ML Channel',
      from_id: 'channel1000000001',
      text: lines.join('\n'),
      text_entities: [{ type: 'plain', text: lines.join('\n') }],
    });
  }
  return { name: 'Synthetic ML Channel', type: 'public_channel', id: 1000000001, messages };
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 1000);
  if (!Number.isInteger(n) || n <= 0) {
    console.error('bench/generate-channel: usage: generate-channel.ts POSTS [OUT_FILE]');
    process.exit(1);
  }
  const json = JSON.stringify(generateChannel({ posts: n }));
  if (process.argv[3]) writeFileSync(process.argv[3], json);
  else process.stdout.write(json);
}
