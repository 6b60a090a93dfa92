import { extractOne, relationTriples } from '../post-builder';

/**
 * Makers named together: co-agent phrases ("совместно с", "together with"), a conjunction with an
 * agent noun ("и компанией X"), co-authors presenting together, and where a maker works (no maker
 * itself). Every sentence here is written for the test.
 */

const cases: [string, string, string[], string[]][] = [
  [
    '"совместно с" and an agent noun add makers; the place a group belongs to is none',
    'Новости\nСтартап Quillfeather совместно с группой Noctil из Heidelberg University и компанией Zorbex выпустили Vanta Diffusion — диффузионную модель.',
    [
      'Quillfeather RELEASED Vanta Diffusion',
      'Noctil RELEASED Vanta Diffusion',
      'Zorbex RELEASED Vanta Diffusion',
    ],
    ['Heidelberg University RELEASED Vanta Diffusion'],
  ],
  [
    '"together with" in English',
    'News\nQuillfeather Labs together with Google released Vanta-9, a speech model.',
    ['Quillfeather Labs RELEASED Vanta-9', 'Google RELEASED Vanta-9'],
    [],
  ],
  [
    'a team at an organisation: the team made it',
    'News\nThe Zorbex team at Quillfeather Labs released Vanta-2, a vision model.',
    ['Zorbex RELEASED Vanta-2'],
    ['Quillfeather Labs RELEASED Vanta-2'],
  ],
  [
    'co-authors who present something together made it',
    'Итоги\nВ 2019 году Лена Орлова вместе с Игорем Седовым и Анной Беловой представила модель Kestrel-1.',
    ['Лена Орлова RELEASED Kestrel-1', 'Игорь Седов RELEASED Kestrel-1', 'Анна Белова RELEASED Kestrel-1'],
    [],
  ],
  [
    'one person presenting a product did not make it',
    'Итоги\nГлава компании Игорь Седов представил Kestrel-1 на сцене.',
    [],
    ['Игорь Седов RELEASED Kestrel-1'],
  ],
  [
    '"обучила" states a release; what it was trained on is used, not an evaluation',
    'Новости\nКоманда Zorbex обучила модель Vanta-3 на датасете Pilecorp.',
    ['Zorbex RELEASED Vanta-3', 'Vanta-3 USES Pilecorp'],
    ['Vanta-3 EVALUATED_ON Pilecorp'],
  ],
];

describe('co-makers', () => {
  it.each(cases)('%s', (_name, text, expected, absent) => {
    const triples = relationTriples(extractOne(text));
    for (const t of expected) expect(triples).toContain(t);
    for (const t of absent) expect(triples).not.toContain(t);
  });
});

describe('the organisation a post is about', () => {
  it('"Также компания представила X" and "The company also released X" name the post\'s organisation', () => {
    const ru = extractOne(
      'Zorbex Labs: итоги года\nКомпания Zorbex Labs выпустила Vanta-3. Также компания представила библиотеку Vantalib.',
    );
    expect(relationTriples(ru)).toContain('Zorbex Labs RELEASED Vantalib');
    const en = extractOne(
      'Quillfeather Labs recap\nQuillfeather Labs had a busy year. The company also released Kestrel-2, a speech model.',
    );
    expect(relationTriples(en)).toContain('Quillfeather Labs RELEASED Kestrel-2');
  });

  it('without an organisation in the post the anaphor names none', () => {
    const post = extractOne('Итоги года\nТакже компания представила библиотеку Vantalib.');
    expect(post.relations.filter((r) => r.type === 'RELEASED')).toEqual([]);
  });
});

describe('more ways to say who made it', () => {
  it.each([
    ['"built by the team at X"', 'News\nKestrel-3 is built by the team at Quillfeather Labs.'],
    ['"X is behind Y"', 'News\nQuillfeather Labs is behind Kestrel-3, a new 7B model.'],
    ['"New from X: Y"', 'News\nNew from Quillfeather Labs: Kestrel-3, a 7B model.'],
  ])('%s', (_name, text) => {
    expect(relationTriples(extractOne(text))).toContain('Quillfeather Labs RELEASED Kestrel-3');
  });

  it('"стоит за моделью Y" and "Новинка от X — Y"', () => {
    expect(relationTriples(extractOne('Новости\nКоманда Zorbex Labs стоит за моделью Vanta-3.'))).toContain(
      'Zorbex Labs RELEASED Vanta-3',
    );
    expect(
      relationTriples(extractOne('Новости\nНовинка от Zorbex Labs — Vanta-3, модель для кода.')),
    ).toContain('Zorbex Labs RELEASED Vanta-3');
  });

  it('an article from an organisation about a thing is no release', () => {
    const post = extractOne('Новости\nСтатья от Hugging Face: как дообучать модель Vanta-3.');
    expect(post.relations.filter((r) => r.type === 'RELEASED')).toEqual([]);
  });
});
