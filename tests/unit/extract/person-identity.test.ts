import { extract } from '../../../ingest/extract';
import { samePerson } from '../../../ingest/extract/person-identity';
import { exportOf } from './post-builder';

/** One person across scripts, by the sound of the transliterated name. */

describe('samePerson', () => {
  it.each([
    ['Андрей Карпатый', 'Andrej Karpathy'],
    ['Джеффри Хинтон', 'Geoffrey Hinton'],
    ['Илья Суцкевер', 'Ilya Sutskever'],
    ['Алекс Крижевский', 'Alex Krizhevsky'],
    ['Ян Лекун', 'Yann LeCun'],
    ['Чиен-Яо Ванг', 'Chien-Yao Wang'],
  ])('%s is %s', (a, b) => expect(samePerson(a, b)).toBe(true));

  it.each([
    ['Андрей Карпатый', 'Andrew Karpov'],
    ['Иван Петров', 'Ivan Petrenko'],
    ['Анна Смирнова', 'Anna Smith'],
    ['Andrej Karpathy', 'Andrej Karpathy'],
  ])('%s is not %s', (a, b) => expect(samePerson(a, b)).toBe(false));
});

describe('persons across scripts in a channel', () => {
  it('one node, named as the channel mostly writes it, the other spelling an alias', () => {
    const out = extract(
      exportOf([
        'Новости\nИван Вострецов перешёл в OpenAI.',
        'Интервью\nМы поговорили с Иваном Вострецовым о компиляторах.',
        'People\nIvan Vostretsov joined Anthropic in May.',
      ]),
      { channelIsMl: true },
    );
    const persons = out.posts.flatMap((p) => p.entities.filter((e) => e.type === 'Person'));
    expect(new Set(persons.map((e) => e.key)).size).toBe(1);
    expect(persons.map((e) => e.name)).toEqual(['Иван Вострецов', 'Иван Вострецов', 'Иван Вострецов']);
    expect(persons[2].aliases).toContain('Ivan Vostretsov');
    const speaks = out.posts[2].relations.find((r) => r.type === 'WORKS_AT');
    expect(speaks?.from).toBe('Иван Вострецов');
  });
});
