import { entityNames, extractOne, relationTriples, typeOf } from '../post-builder';

/** What makes an unknown name an organisation, and what does not; sentences written for the test. */

describe('organisations from evidence', () => {
  it('a team or group with a proper name: "Команда Zorbex", "the Quillfeather team"', () => {
    expect(typeOf(extractOne('Новости\nКоманда Zorbex выложила модель Vanta-3.'), 'Zorbex')).toBe(
      'Organization',
    );
    expect(typeOf(extractOne('News\nThe Quillfeather team released Vanta-4, a model.'), 'Quillfeather')).toBe(
      'Organization',
    );
  });

  it('a team named with common words is a unit, not a node: "команды Data Quality"', () => {
    const post = extractOne(
      'Новости\nОлег Петров, руководитель команды Data Quality в Ситимобил, рассказал о данных.',
    );
    expect(entityNames(post)).not.toContain('Data Quality');
  });

  it('a second organisation researchers come from: "researchers from Google and TU Berlin"', () => {
    const post = extractOne(
      'News\nResearchers from Google and TU Dresden presented Vanta-5, a robotics model.',
    );
    expect(typeOf(post, 'TU Dresden')).toBe('Organization');
  });

  it('a generic term is a library only where a library cue names it', () => {
    expect(
      typeOf(
        extractOne('Новости\nДля дообучения используются библиотеки Transformers и PEFT.'),
        'Transformers',
      ),
    ).toBe('Library');
    expect(entityNames(extractOne('News\nThe Transformers changed NLP forever.'))).not.toContain(
      'Transformers',
    );
    expect(entityNames(extractOne('News\nScalecast: Python-библиотека для прогнозов.'))).not.toContain(
      'Python',
    );
    expect(entityNames(extractOne('News\nZorbex is a Python library for tokenization.'))).not.toContain(
      'Python',
    );
  });
});

describe('headlines and comparisons that end', () => {
  it('a capitalised headline verb is no part of a name: "Meta Open-Sources Kestrel 70B"', () => {
    const post = extractOne(
      'Meta Open-Sources Kestrel 70B, A New Language Model\nKestrel 70B beats Llama 3 on MMLU.',
    );
    expect(entityNames(post)).toEqual(expect.arrayContaining(['Meta', 'Kestrel 70B']));
    expect(entityNames(post).some((n) => n.includes('Open-Sources'))).toBe(false);
    expect(relationTriples(post)).toContain('Meta RELEASED Kestrel 70B');
  });

  it('past a conjunction a comparison is over: "быстрее предыдущей версии и использует PyTorch"', () => {
    const post = extractOne(
      'Новости\nЯндекс выпустил YandexGPT 3. Она работает быстрее предыдущей версии и использует PyTorch.',
    );
    expect(relationTriples(post)).not.toContain('YandexGPT 3 OUTPERFORMS PyTorch');
  });
});
