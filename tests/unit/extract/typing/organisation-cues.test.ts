import { entityNames, extractOne, typeOf } from '../post-builder';

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
  });
});
