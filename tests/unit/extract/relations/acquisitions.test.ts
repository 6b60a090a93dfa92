import { extractOne, relationTriples, typeOf } from '../post-builder';

/** Who bought whom becomes PART_OF the buyer; sentences written for the test. */

const cases: [string, string, string[], string[]][] = [
  [
    'a Russian noun with an agent noun: "о покупке стартапа X"',
    'Новости\nКомпания Quillfeather объявила о покупке стартапа Zorbex.',
    ['Zorbex PART_OF Quillfeather'],
    [],
  ],
  [
    'an English verb with "the startup"',
    'News\nQuillfeather Labs acquired the startup Zorbex for $40M.',
    ['Zorbex PART_OF Quillfeather Labs'],
    [],
  ],
  [
    'buying goods from someone is no acquisition of them',
    'Новости\nКомпания Quillfeather купила новые серверы у компании Zorbex.',
    [],
    ['Zorbex PART_OF Quillfeather'],
  ],
];

describe('acquisitions', () => {
  it.each(cases)('%s', (_name, text, expected, absent) => {
    const triples = relationTriples(extractOne(text));
    for (const t of expected) expect(triples).toContain(t);
    for (const t of absent) expect(triples).not.toContain(t);
  });
});

describe('EVALUATED_ON from a win', () => {
  it('"победила в конкурсе X": the model was evaluated on X', () => {
    const post = extractOne(
      'Итоги\nВ 2015 году Лена Орлова представила Kestrel — сверточную сеть, которая победила в конкурсе ImageNet.',
    );
    expect(relationTriples(post)).toContain('Kestrel EVALUATED_ON ImageNet');
  });
});

describe('what is bought', () => {
  it('an unknown name bought is an organisation: "Hugging Face acquired XetHub"', () => {
    const post = extractOne('News\nHugging Face acquired XetHub to scale storage.');
    expect(typeOf(post, 'XetHub')).toBe('Organization');
    expect(relationTriples(post)).toContain('XetHub PART_OF Hugging Face');
  });
});
