import { lemmasOf, parses } from '../../../../ingest/extract/morphology';
import { extractOne, typeOf } from '../post-builder';

/** Persons written in Cyrillic, found by the morphological analyser whatever their case or origin. */

function persons(text: string): string[] {
  return extractOne(text)
    .entities.filter((e) => e.type === 'Person')
    .map((e) => e.name);
}

describe('Russian morphology', () => {
  it('gives lemmas of verbs in any form, passive participles included', () => {
    expect(lemmasOf('представлена')).toContain('представить');
    expect(lemmasOf('выпустили')).toContain('выпустить');
    expect(lemmasOf('покинула')).toContain('покинуть');
  });

  it('reads given names and surnames only when capitalised', () => {
    expect(parses('Тимофеем').some((p) => p.tags.has('Name'))).toBe(true);
    expect(parses('тимофеем').some((p) => p.tags.has('Name'))).toBe(false);
  });
});

describe('persons in Cyrillic', () => {
  it('a given name outside the first-name list, with an unknown surname, in the instrumental', () => {
    expect(persons('Интервью\nМы поговорили с Тимофеем Вострецовым о компиляторах.')).toEqual([
      'Тимофей Вострецов',
    ]);
  });

  it('a woman’s surname comes back to the feminine nominative', () => {
    expect(persons('Доклад\nСлайды доклада Ярославы Ковальчук уже выложены.')).toEqual([
      'Ярослава Ковальчук',
    ]);
    expect(persons('Награда\nПремию вручили Ульяне Соболевской.')).toEqual(['Ульяна Соболевская']);
  });

  it('foreign names written in Cyrillic, in any order of given name and surname', () => {
    const found = persons('Статья\nАвторы работы — Мин-Сюань Дэвид Чжоу и Лю Йенс из Цинхуа.');
    expect(found).toContain('Мин-Сюань Дэвид Чжоу');
  });

  it('a given name beside a place or a common word is no person', () => {
    expect(persons('Новости\nВ Москве Проект запустили летом.')).toEqual([]);
    expect(persons('Матч\nСпартак Москва проиграл дома.')).toEqual([]);
  });

  it('every case form of one person is one entity', () => {
    const post = extractOne(
      'Лекция\nВчера выступал Тимофей Вострецов. После лекции с Тимофеем Вострецовым говорили час.',
    );
    expect(post.entities.filter((e) => e.type === 'Person').map((e) => e.name)).toEqual([
      'Тимофей Вострецов',
    ]);
    expect(typeOf(post, 'Тимофей Вострецов')).toBe('Person');
  });
});
