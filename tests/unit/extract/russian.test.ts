import { firstNameForms, stemKey, surnameNominative } from '../../../ingest/extract/russian';
import { entityNames, extractOne, typeOf } from './post-builder';

describe('Russian inflection', () => {
  it('brings surnames back to the nominative for the case of the first name', () => {
    expect(surnameNominative('Петровым', 'm', 'ins')).toBe('Петров');
    expect(surnameNominative('Жуковского', 'm', 'gen')).toBe('Жуковский');
    expect(surnameNominative('Смирновой', 'f', 'ins')).toBe('Смирнова');
    expect(surnameNominative('Остапенко', 'm', 'dat')).toBe('Остапенко');
  });

  it('knows the case forms of given names', () => {
    const forms = firstNameForms(
      new Map([
        ['игорь', 'm'],
        ['мария', 'f'],
        ['никита', 'm'],
      ]),
    );
    expect(forms.get('игорем')).toMatchObject({ nominative: 'Игорь', case: 'ins' });
    expect(forms.get('марии')).toMatchObject({ nominative: 'Мария', case: 'gen' });
    expect(forms.get('никиты')).toMatchObject({ nominative: 'Никита', case: 'gen' });
  });

  it('gives case forms of a name the same stem key', () => {
    expect(stemKey('Сбербанком')).toBe(stemKey('Сбербанк'));
    expect(stemKey('Лаборатории Касперского')).toBe(stemKey('Лаборатория Касперского'));
  });

  it('resolves an organisation in an oblique case to its known name', () => {
    const post = extractOne('Новости\nНовую модель показали в Сбере, а потом и у Яндекса.');
    expect(entityNames(post)).toEqual(expect.arrayContaining(['Сбер', 'Яндекс']));
    expect(entityNames(post)).not.toContain('Яндекса');
  });

  it('finds a person named in an oblique case under the nominative', () => {
    const post = extractOne(
      'Интервью\nМы поговорили с Игорем Соколовым о будущем. Игорь Соколов ответил на вопросы.',
    );
    expect(typeOf(post, 'Игорь Соколов')).toBe('Person');
    const person = post.entities.find((e) => e.name === 'Игорь Соколов')!;
    expect(person.mentions.map((m) => m.surface)).toEqual(['Игорем Соколовым', 'Игорь Соколов']);
  });

  it('counts a later bare surname as the same person', () => {
    const post = extractOne('Доклад\nВыступила Мария Лебедева. Лебедева рассказала о датасетах.');
    expect(post.entities.find((e) => e.name === 'Мария Лебедева')?.mentions).toHaveLength(2);
  });
});

describe('Russian names after cue nouns', () => {
  it('takes quoted names and a capitalised word after "компания" as names of the cue type', () => {
    const post = extractOne(
      'Инвестиции\nСтартап «Квантограф» привлёк инвестиции. Компания Нейрополис выпустила модель «Былина» для текстов.',
    );
    expect(typeOf(post, 'Квантограф')).toBe('Organization');
    expect(typeOf(post, 'Нейрополис')).toBe('Organization');
    expect(typeOf(post, 'Былина')).toBe('Model');
    expect(post.relations.map((r) => `${r.from} ${r.type} ${r.to}`)).toContain('Нейрополис RELEASED Былина');
  });
});
