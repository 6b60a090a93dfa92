import { extractOne, relationTriples } from '../post-builder';

/** Who released what, in the phrasings real posts use: passive, relative clauses, lists of makers. */

const cases: [string, string, string[]][] = [
  [
    'Russian passive with an agent noun',
    'Модель Gemma 2 была представлена компанией Google в июне.',
    ['Google RELEASED Gemma 2'],
  ],
  [
    'Russian short passive participle',
    'Библиотека Polars выпущена командой Polars Inc.',
    ['Polars Inc RELEASED Polars'],
  ],
  ['English passive', 'Llama 3 was released by Meta in April 2024.', ['Meta RELEASED Llama 3']],
  [
    'a relative clause after the thing',
    'CatBoost — библиотека градиентного бустинга, которую разрабатывает Яндекс.',
    ['Яндекс RELEASED CatBoost'],
  ],
  [
    'makers and things listed, read in order',
    'OpenAI и Microsoft представили GPT-4o и Phi-3.',
    ['OpenAI RELEASED GPT-4o', 'Microsoft RELEASED Phi-3'],
  ],
  [
    'several makers of one thing',
    'Google и DeepMind выпустили Gemma 2.',
    ['Google RELEASED Gemma 2', 'DeepMind RELEASED Gemma 2'],
  ],
];

describe('RELEASED', () => {
  it.each(cases)('%s', (_name, sentence, expected) => {
    const triples = relationTriples(extractOne(`Релиз\n${sentence}`));
    for (const t of expected) expect(triples).toContain(t);
  });

  it('things listed in order with their makers are not crossed', () => {
    const triples = relationTriples(extractOne('Релиз\nOpenAI и Microsoft представили GPT-4o и Phi-3.'));
    expect(triples).not.toContain('OpenAI RELEASED Phi-3');
    expect(triples).not.toContain('Microsoft RELEASED GPT-4o');
  });

  it('a passive verb with a place after it names no maker', () => {
    const triples = relationTriples(
      extractOne('Релиз\nМодель Gemma 2 была представлена в Google Cloud и на Kaggle.'),
    );
    expect(triples.filter((t) => t.includes('RELEASED Gemma 2'))).toEqual([]);
  });
});

describe('RELEASED by people', () => {
  it('people who built a thing released it', () => {
    const triples = relationTriples(
      extractOne('Релиз\nМарта Ольсен и Тимофей Вострецов выпустили Zorvath-3.'),
    );
    expect(triples).toEqual(
      expect.arrayContaining(['Марта Ольсен RELEASED Zorvath-3', 'Тимофей Вострецов RELEASED Zorvath-3']),
    );
  });

  it('the organisation people are from, nearest the verb, released it; they work there', () => {
    const triples = relationTriples(
      extractOne('Релиз\nМарта Ольсен и Тимофей Вострецов из Quillfeather Research выпустили Zorvath-3.'),
    );
    expect(triples).toEqual(
      expect.arrayContaining([
        'Quillfeather Research RELEASED Zorvath-3',
        'Марта Ольсен WORKS_AT Quillfeather Research',
        'Тимофей Вострецов WORKS_AT Quillfeather Research',
      ]),
    );
  });

  it('a chief executive presenting a product did not make it', () => {
    const triples = relationTriples(extractOne('Keynote\nJensen Huang unveiled the Blackwell GPU on stage.'));
    expect(triples.filter((t) => t.includes('RELEASED'))).toEqual([]);
  });

  it('"xAI Илона Маска опубликовала": the organisation of the person released it', () => {
    const triples = relationTriples(
      extractOne('Релиз\nКомпания xAI Илона Маска опубликовала веса модели Grok-1.'),
    );
    expect(triples).toContain('xAI RELEASED Grok-1');
    expect(triples).not.toContain('Илон Маск RELEASED Grok-1');
  });
});

describe('post-level release and ownership', () => {
  it('a thing published "alongside" with no maker named was released by the subject’s maker', () => {
    const triples = relationTriples(
      extractOne(
        'Zorvath-3 от Quillfeather Labs\nКоманда представила модель. Вместе с моделью опубликован датасет ZorvSet-1B для обучения.',
      ),
    );
    expect(triples).toContain('Quillfeather Labs RELEASED ZorvSet-1B');
  });

  it('a GitHub account named like a person of the post is owned by that person, in either script', () => {
    const post = extractOne('Релиз\nАндрей Карпатый выложил nanoGPT: https://github.com/karpathy/nanoGPT', [
      { url: 'https://github.com/karpathy/nanoGPT', text: null },
    ]);
    expect(relationTriples(post)).toContain('Андрей Карпатый OWNS karpathy/nanoGPT');
  });
});

describe('titles and appositions', () => {
  it('a title "Org: Thing" names the maker', () => {
    expect(
      relationTriples(extractOne('Zorbex Labs: Vanta-3\nНовая модель для кода доступна на Hugging Face.')),
    ).toContain('Zorbex Labs RELEASED Vanta-3');
  });

  it('"Vanta-3 — новая модель Zorbex Labs": the maker in the genitive after a thing noun', () => {
    expect(
      relationTriples(extractOne('Vanta-3 — новая модель Zorbex Labs\nОна обгоняет Llama 3.')),
    ).toContain('Zorbex Labs RELEASED Vanta-3');
  });

  it('a title with more than the two names is no such statement', () => {
    const post = extractOne('Zorbex Labs: Vanta-3 против Llama 3\nСравнение моделей.');
    expect(relationTriples(post)).not.toContain('Zorbex Labs RELEASED Vanta-3');
  });
});

describe('Russian word order', () => {
  it('the maker after the verb: "Модель Vanta-3 представила компания Zorbex Labs"', () => {
    expect(
      relationTriples(extractOne('Новости\nМодель Vanta-3 представила компания Zorbex Labs.')),
    ).toContain('Zorbex Labs RELEASED Vanta-3');
  });

  it('an object pronoun for the post\'s subject: "Её разработала команда X"', () => {
    expect(relationTriples(extractOne('Vanta-3\nЕё разработала команда Zorbex Labs из Казани.'))).toContain(
      'Zorbex Labs RELEASED Vanta-3',
    );
  });

  it('the usual order still reads the same: "Zorbex Labs представила Vanta-3"', () => {
    const triples = relationTriples(extractOne('Новости\nВ мае Zorbex Labs представила Vanta-3.'));
    expect(triples).toContain('Zorbex Labs RELEASED Vanta-3');
    expect(triples).not.toContain('Vanta-3 RELEASED Zorbex Labs');
  });
});
