import { detectLanguage, postLanguage } from '../../../ingest/extract/language';

describe('language', () => {
  it('calls any text with a Cyrillic word Russian', () => {
    expect(detectLanguage('Meta выпустила Llama 3')).toBe('ru');
    expect(detectLanguage('Meta released Llama 3')).toBe('en');
  });

  it('ignores Cyrillic inside URLs', () => {
    expect(detectLanguage('See https://ru.wikipedia.org/wiki/Нейросеть for details')).toBe('en');
  });

  it('gives a post the language of most of its text', () => {
    expect(
      postLanguage([
        { text: 'Short English title', lang: 'en' },
        { text: 'Длинный русский текст поста про модели и датасеты.', lang: 'ru' },
      ]),
    ).toBe('ru');
    expect(postLanguage([{ text: 'Only English here.', lang: 'en' }])).toBe('en');
  });
});
