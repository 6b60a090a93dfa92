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
