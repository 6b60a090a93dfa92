/**
 * Scores stated next to a benchmark: "точность 89,4%" → { score: 89.4, metric: "accuracy" },
 * "WER 3.2%" → { score: 3.2, metric: "WER" }, "top-1 accuracy of 88.5" → { 88.5, "top-1 accuracy" }.
 */

export interface Score {
  score: number;
  metric?: string;
}

const METRICS: [RegExp, string][] = [
  [/top-?1(?:\s+accuracy)?/i, 'top-1 accuracy'],
  [/top-?5(?:\s+accuracy)?/i, 'top-5 accuracy'],
  [/точност\p{L}*|accuracy|acc\b/iu, 'accuracy'],
  [/\bWER\b|частот\p{L}* ошибок в словах|word error rate/iu, 'WER'],
  [/\bCER\b/, 'CER'],
  [/\bF1(?:-score|-мер\p{L}*)?\b|F-мер\p{L}*/iu, 'F1'],
  [/\bBLEU\b/i, 'BLEU'],
  [/\bROUGE(?:-[L12])?\b/i, 'ROUGE'],
  [/\bmAP\b/, 'mAP'],
  [/\bAUC\b|ROC-AUC/i, 'AUC'],
  [/перплекси\p{L}*|perplexity/iu, 'perplexity'],
  [/\bFID\b/, 'FID'],
  [/\bIoU\b|mIoU/, 'IoU'],
  [/pass@1/i, 'pass@1'],
  [/\bexact match\b|\bEM\b/, 'exact match'],
  [/\bElo\b/, 'Elo'],
];

/** A number that is not part of a name ("GPT-4", "top-1", "F1", "pass@1"), with an optional percent sign. */
const NUMBER = /(?<![\p{L}\d.,@-])(\d+(?:[.,]\d+)?)(?![\p{L}\d])\s*(%|процент\p{L}*)?/gu;

/** "scores 88.4", "набирает 0,77", "achieves a score of 71": a bare number stated as a score. */
const SCORED =
  /(?:scores?|scored|scoring|achiev\p{L}*|reach\p{L}*|gets|набира\p{L}*|набрал\p{L}*|достига\p{L}*|достиг\p{L}*|показал\p{L}*|показыва\p{L}*|получа\p{L}*)\s+(?:a\s+)?(?:score\s+of\s+|of\s+)?$/iu;

/** The metric named last in `text` (the longer name wins when two end together: "top-1 accuracy"). */
export function findMetric(text: string): string | undefined {
  let best: { end: number; length: number; name: string } | undefined;
  for (const [re, name] of METRICS) {
    const m = re.exec(text);
    if (!m) continue;
    const end = m.index + m[0].length;
    if (!best || end > best.end || (end === best.end && m[0].length > best.length))
      best = { end, length: m[0].length, name };
  }
  return best?.name;
}

/**
 * The first score in `text` (a clause after the model's name): a percentage, or a number right
 * after a metric name. The metric is the one named nearest before the number, else right after it.
 */
export function parseScore(text: string): Score | null {
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 50), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 25);
    const metric = findMetric(before) ?? findMetric(after);
    // "Бенчмарки: 78.2 на MMLU-Pro": a bare number right before "на/on" and the benchmark.
    const beforeBenchmark =
      /^\s*(?:на|on)\s*$/iu.test(text.slice(m.index + m[0].length)) && /(?:^|[:—–(]\s*)$/u.test(before);
    if (!m[2] && !metric && !SCORED.test(before) && !beforeBenchmark) continue;
    if (!m[2] && /^\s*(?:млрд|млн|тыс|billion|million|[BMK]\b|час|hour|раз|times|x\b)/iu.test(after))
      continue;
    const score = Number(m[1].replace(',', '.'));
    if (!Number.isFinite(score)) continue;
    return metric ? { score, metric } : { score };
  }
  return null;
}

/** Error rates and distances: the lower score wins. */
const LOWER_IS_BETTER: ReadonlySet<string> = new Set(['WER', 'CER', 'perplexity', 'FID']);
export const lowerIsBetter = (metric: string | undefined): boolean =>
  metric !== undefined && LOWER_IS_BETTER.has(metric);
