import { extractOne, relationTriples } from '../post-builder';

/** Where people work, stated by work verbs (by lemma in Russian), tenure and roles; former employers count. */

const cases: [string, string, string[]][] = [
  [
    'a return, and years somewhere before',
    'Андрей Карпатый возвращается в OpenAI после пяти лет в Tesla.',
    ['Андрей Карпатый WORKS_AT OpenAI', 'Андрей Карпатый WORKS_AT Tesla'],
  ],
  [
    'leaving (the former employer)',
    'Джеффри Хинтон ушел из Google, чтобы свободно говорить о рисках.',
    ['Джеффри Хинтон WORKS_AT Google'],
  ],
  [
    'left and founded',
    'Илья Суцкевер покинул OpenAI и основал Safe Superintelligence.',
    ['Илья Суцкевер WORKS_AT OpenAI', 'Илья Суцкевер WORKS_AT Safe Superintelligence'],
  ],
  ['works at, present tense', 'Ян Лекун работает в Meta с 2013 года.', ['Ян Лекун WORKS_AT Meta']],
  ['English: left', 'Mira Murati left OpenAI in September.', ['Mira Murati WORKS_AT OpenAI']],
  [
    'English: joins after leaving',
    'Jan Leike joins Anthropic after leaving OpenAI.',
    ['Jan Leike WORKS_AT Anthropic', 'Jan Leike WORKS_AT OpenAI'],
  ],
  ['English: returned to', 'Noam Shazeer returned to Google in 2024.', ['Noam Shazeer WORKS_AT Google']],
  [
    'formerly of a list of organisations',
    'Andrej Karpathy, formerly of Tesla and OpenAI, teaches now.',
    ['Andrej Karpathy WORKS_AT Tesla', 'Andrej Karpathy WORKS_AT OpenAI'],
  ],
  [
    'a role "в" the organisation before the person',
    'Ведущий инженер в Яндексе Пётр Сидоренко рассказал о YaLM.',
    ['Петр Сидоренко WORKS_AT Яндекс'],
  ],
  [
    'a role of the organisation after the person',
    'Mustafa Suleyman, CEO of Microsoft AI, spoke about Copilot.',
    ['Mustafa Suleyman WORKS_AT Microsoft AI'],
  ],
];

describe('WORKS_AT', () => {
  it.each(cases)('%s', (_name, sentence, expected) => {
    const triples = relationTriples(extractOne(`Люди\n${sentence}`));
    for (const t of expected) expect(triples).toContain(t);
  });

  it('a person only talking about an organisation does not work there', () => {
    const triples = relationTriples(extractOne('Люди\nЯн Лекун раскритиковал OpenAI за закрытость.'));
    expect(triples.filter((t) => t.includes('WORKS_AT'))).toEqual([]);
  });

  it('an organisation leaving a market is no employment', () => {
    const triples = relationTriples(extractOne('News\nGoogle left the Chinese market in 2010.'));
    expect(triples.filter((t) => t.includes('WORKS_AT'))).toEqual([]);
  });
});

describe('WORKS_AT through a role with its field', () => {
  it('"директор по искусственному интеллекту Tesla"', () => {
    const triples = relationTriples(
      extractOne('Люди\nИван Вострецов, бывший директор по искусственному интеллекту Tesla, открыл курс.'),
    );
    expect(triples).toContain('Иван Вострецов WORKS_AT Tesla');
  });
});

describe('WORKS_AT from affiliations', () => {
  it('"из команды X" and "(X)" after a person', () => {
    expect(
      relationTriples(
        extractOne('Новости\nИгорь Седов из команды Zorbex Labs выступил на конференции DataFest.'),
      ),
    ).toContain('Игорь Седов WORKS_AT Zorbex Labs');
    expect(relationTriples(extractOne('Новости\nИгорь Седов (Яндекс) рассказал о YandexGPT.'))).toContain(
      'Игорь Седов WORKS_AT Яндекс',
    );
  });

  it('a bracket that holds more than the organisation is no affiliation', () => {
    expect(
      relationTriples(extractOne('Новости\nИгорь Седов (автор YandexGPT) рассказал о Яндексе.')).filter((t) =>
        t.includes('WORKS_AT'),
      ),
    ).toEqual([]);
  });
});
