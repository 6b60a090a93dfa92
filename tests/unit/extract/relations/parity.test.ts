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
