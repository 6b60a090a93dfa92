import { extractOne } from './post-builder';

describe('mention offsets', () => {
  it('point at the surface text in the post and at the right sentence', () => {
    const text =
      'Обзор недели\nКомпания Яндекс выпустила модель QuillNet. По словам Анны Орловой из Сбера, QuillNet обгоняет GPT-4 на MMLU.\nCode: https://github.com/yandex/quillnet';
    const post = extractOne(text);
    let checked = 0;
    for (const e of post.entities)
      for (const m of e.mentions) {
        expect(text.slice(m.start, m.end)).toBe(m.surface);
        const s = post.sentences[m.sentence];
        expect(m.start).toBeGreaterThanOrEqual(s.start);
        expect(m.end).toBeLessThanOrEqual(s.end);
        checked += 1;
      }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('keeps post fields: title without the emoji, id from the channel and message id', () => {
    const post = extractOne('🔥🔥 Большой релиз\nТекст поста.');
    expect(post.title).toBe('Большой релиз');
    expect(post.id).toBe('test_channel/1');
    expect(post.language).toBe('ru');
  });
});
