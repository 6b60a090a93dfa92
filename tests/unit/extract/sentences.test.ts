import { splitSentences } from '../../../ingest/extract/sentences';

describe('splitSentences', () => {
  it('splits at sentence ends and keeps offsets into the text', () => {
    const text = 'Первое предложение. Второе предложение! Third one?';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['Первое предложение.', 'Второе предложение!', 'Third one?']);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('does not split after Russian and English abbreviations', () => {
    const s = splitSentences(
      'Это быстрее, т.е. лучше. Проф. Петров согласен. Dr. Smith agreed in 2020 г. too.',
    );
    expect(s.map((x) => x.text)).toEqual([
      'Это быстрее, т.е. лучше.',
      'Проф. Петров согласен.',
      'Dr. Smith agreed in 2020 г. too.',
    ]);
  });

  it('does not split inside numbers, versions and domain names', () => {
    const s = splitSentences('Версия 2.0 вышла на сайте example.com вчера. Точность 89.4%.');
    expect(s).toHaveLength(2);
  });

  it('treats lines as paragraphs but joins a line that continues the previous one', () => {
    const text = 'Заголовок поста\nNameX\n— это новая библиотека.\nОтдельная строка.';
    expect(splitSentences(text).map((x) => x.text)).toEqual([
      'Заголовок поста',
      'NameX\n— это новая библиотека.',
      'Отдельная строка.',
    ]);
  });

  it('never joins code lines to the text before them', () => {
    const s = splitSentences('Заголовок\nУстановить так:\npip install something');
    expect(s.map((x) => x.text)).toContain('pip install something');
  });

  it('marks each sentence with its language', () => {
    const s = splitSentences('Title\nThis is English. А это по-русски с GPT-4.');
    expect(s.map((x) => x.lang)).toEqual(['en', 'en', 'ru']);
  });
});
