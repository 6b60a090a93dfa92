/**
 * Deterministic generator of synthetic channels in the Telegram Desktop JSON export format, for
 * benchmarks. Names follow a long-tailed (Zipf) distribution like a real channel: a few
 * organisations and models appear in most posts, most names appear once or twice.
 * Posts mix RU (70%) and EN sentence templates in varying order; about a third hide the repository
 * link behind words (text_link) and a few are forwards from other channels.
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

interface Slots {
  org: string;
  model: string;
  rival: string;
  lib: string;
  data: string;
  person: string;
  score: string;
  repo: string;
}
type Template = (s: Slots) => string;

const EN_TEMPLATES: { headline: Template[]; body: Template[]; linkLine: Template } = {
  headline: [
    (s) => `🚀 ${s.model} from ${s.org}`,
    (s) => `New release: ${s.model}`,
    (s) => `${s.org} ships ${s.model}`,
  ],
  body: [
    (s) => `${s.org} released ${s.model}, a new model trained with ${s.lib}.`,
    (s) => `${s.model} outperforms ${s.rival} on ${s.data} with ${s.score}% accuracy.`,
    (s) => `${s.person}, a researcher at ${s.org}, presented the results.`,
    (s) => `The authors report ${s.score} on ${s.data} and plan a larger version next year.`,
    (s) => `Inference runs on a single GPU thanks to ${s.lib} kernels.`,
    (s) => `Compared with ${s.rival}, the new model needs half the training compute.`,
    (s) => `${s.person} said the team at ${s.org} will open the training data later.`,
  ],
  linkLine: (s) => s.repo,
};

const RU_TEMPLATES: { headline: Template[]; body: Template[]; linkLine: Template } = {
  headline: [
    (s) => `🔥 ${s.model} от ${s.org}`,
    (s) => `Новый релиз: ${s.model}`,
    (s) => `${s.org} выложила ${s.model}`,
  ],
  body: [
    (s) => `Компания ${s.org} представила модель ${s.model}, обученную с помощью ${s.lib}.`,
    (s) =>
      `По словам авторов, ${s.model} превосходит ${s.rival} на бенчмарке ${s.data}: ${s.score.replace('.', ',')}% точности.`,
    (s) => `Исследователь ${s.person} из ${s.org} рассказал о работе.`,
    (s) => `На ${s.data} модель набирает ${s.score.replace('.', ',')} — заметно выше прошлой версии.`,
    (s) => `Для обучения использовали ${s.lib} и кластер из нескольких сотен GPU.`,
    (s) => `В сравнении с ${s.rival} новинка вдвое дешевле в инференсе.`,
    (s) => `${s.person} отмечает, что веса открыты для исследовательского использования.`,
  ],
  linkLine: (s) => `Код доступен на GitHub: ${s.repo}`,
};

const FORWARD_SOURCES = ['AI Papers Daily', 'Нейросети и жизнь', 'ML Weekly', 'Data Science Digest'];

/** Fisher-Yates on a copy, driven by the seeded PRNG. */
function shuffle<T>(xs: T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

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
    const slots: Slots = {
      org: orgs[pickOrg()],
      model: models[pickModel()],
      rival: models[pickModel()],
      lib: REAL_LIBS[pickLib()],
      data: REAL_DATASETS[pickData()],
      person: `${pick(FIRST)} ${pick(LAST)}`,
      score: (50 + rnd() * 49).toFixed(1),
      repo: '',
    };
    slots.repo = `https://github.com/${slots.org.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'lab'}/${slots.model.toLowerCase()}`;
    const english = rnd() < 0.3;
    const templates = english ? EN_TEMPLATES : RU_TEMPLATES;
    // A headline, two to four body sentences in random order, then the link line.
    const body = shuffle(templates.body, rnd).slice(0, 2 + Math.floor(rnd() * 3));
    const lines = [pick(templates.headline), ...body].map((t) => t(slots));
    // About a third of posts hide the repository behind words (a text_link), as channels often do.
    const hiddenLink = rnd() < 0.35;
    const linkWords = english ? 'Code and weights' : 'Код и веса';
    const plainText = `${lines.join('\n')}\n${hiddenLink ? linkWords : templates.linkLine(slots)}`;
    const unix = start + id * 3600 * 7 + Math.floor(rnd() * 3600);
    const message: Record<string, unknown> = {
      id,
      type: 'message',
      date: new Date(unix * 1000).toISOString().slice(0, 19),
      date_unixtime: String(unix),
      from: 'Synthetic ML Channel',
      from_id: 'channel1000000001',
    };
    if (rnd() < 0.08) message.forwarded_from = pick(FORWARD_SOURCES);
    if (hiddenLink) {
      const head = `${lines.join('\n')}\n`;
      message.text = [head, { type: 'text_link', text: linkWords, href: slots.repo }];
      message.text_entities = [
        { type: 'plain', text: head },
        { type: 'text_link', text: linkWords, href: slots.repo },
      ];
    } else {
      message.text = plainText;
      message.text_entities = [{ type: 'plain', text: plainText }];
    }
    messages.push(message);
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
