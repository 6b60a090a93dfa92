import { extractOne, relationTriples, typeOf } from '../post-builder';

/**
 * Parity and denied comparisons: no winner is stated, the compared name is still typed by the model it
 * is compared with, and the one compared is the one evaluated. Sentences written for the test.
 */

const cases: [string, string, string[], string[]][] = [
  [
    '"matches" in English',
    'News\nVanta-7 matches GPT-4 on MMLU.',
    ['Vanta-7 EVALUATED_ON MMLU'],
    ['OUTPERFORMS'],
  ],
  [
    '"сопоставима с" in Russian',
    'Новости\nVanta-7 сопоставима с GPT-4 на MMLU.',
    ['Vanta-7 EVALUATED_ON MMLU'],
    ['OUTPERFORMS', 'GPT-4 EVALUATED_ON MMLU'],
  ],
  ['"не уступает" is no loss', 'Новости\nVanta-7 не уступает GPT-4 на MMLU.', [], ['OUTPERFORMS']],
  ['"does not beat" is no win', 'News\nVanta-7 does not beat GPT-4 on MMLU.', [], ['OUTPERFORMS']],
  [
    '"falls short of": the other one wins',
    'News\nVanta-7 falls short of GPT-4 on MMLU.',
    ['GPT-4 OUTPERFORMS Vanta-7'],
    [],
  ],
];

describe('parity and denied comparisons', () => {
  it.each(cases)('%s', (_name, text, expected, absent) => {
    const post = extractOne(text);
    const triples = relationTriples(post);
    expect(typeOf(post, 'Vanta-7')).toBe('Model');
    for (const t of expected) expect(triples).toContain(t);
    for (const a of absent) expect(triples.filter((t) => t.includes(a))).toEqual([]);
  });

  it('a name compared with no known model gets no type from the comparison', () => {
    expect(typeOf(extractOne('News\nReal Madrid beats Barcelona.'), 'Real Madrid')).toBeUndefined();
  });
});

describe('scores and benchmarks beside each other', () => {
  it('each benchmark gets its own score, and a comparison the benchmark named with it', () => {
    const post = extractOne('Новости\nVanta-9 набирает 91,2% на HellaSwag и обгоняет Llama 3 на MMLU.');
    const rel = (type: string, to: string) => post.relations.find((r) => r.type === type && r.to === to);
    expect(rel('EVALUATED_ON', 'HellaSwag')?.score).toBe(91.2);
    expect(rel('EVALUATED_ON', 'MMLU')?.score).toBeUndefined();
    expect(rel('OUTPERFORMS', 'Llama 3')?.benchmark).toBe('MMLU');
  });

  it('a bare number after "scores" is a score', () => {
    const post = extractOne('News\nVanta-9 scores 88.4 on MMLU, beating GPT-4 (86.4).');
    expect(post.relations.find((r) => r.type === 'EVALUATED_ON' && r.to === 'MMLU')?.score).toBe(88.4);
  });
});

describe('passive comparisons and commas', () => {
  it('"was outperformed by X": X wins, and X is no maker', () => {
    const post = extractOne('News\nLlama 3 was outperformed by Vanta-3 on GSM8K.');
    const triples = relationTriples(post);
    expect(triples).toContain('Vanta-3 OUTPERFORMS Llama 3');
    expect(triples).not.toContain('Llama 3 OUTPERFORMS Vanta-3');
    expect(triples).not.toContain('Vanta-3 RELEASED Llama 3');
    expect(typeOf(post, 'Vanta-3')).toBe('Model');
  });

  it('a comma after a benchmark makes no pair: "On GSM8K, Vanta-3 leads"', () => {
    expect(typeOf(extractOne('News\nOn GSM8K, Vanta-3 leads with 91%, ahead of Llama 3.'), 'Vanta-3')).toBe(
      'Model',
    );
  });
});

describe('digests', () => {
  it('a benchmark named in a digest evaluates nothing: "RuBench — новый бенчмарк"', () => {
    const post = extractOne(
      '📌 Подборка\n1. Kestrel-2 от Quillfeather — TTS на 40 языков\n2. RuBench — новый бенчмарк для русского языка',
    );
    expect(post.relations.filter((r) => r.type === 'EVALUATED_ON')).toEqual([]);
  });

  it('a bare number right before "на X" is the score: "Бенчмарки: 78.2 на MMLU-Pro"', () => {
    const post = extractOne(
      'Zorbex Labs выкатили Vanta-3\nБенчмарки: 78.2 на MMLU-Pro, обгоняет Qwen2.5-72B',
    );
    expect(post.relations.find((r) => r.type === 'EVALUATED_ON' && r.to === 'MMLU-Pro')?.score).toBe(78.2);
  });
});
