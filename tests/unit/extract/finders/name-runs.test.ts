import { entityNames, extractOne, relationTriples, typeOf } from '../post-builder';

/** Name runs: what joins a name and what ends it. Sentences written for the test. */

describe('name runs', () => {
  it('a code-file name is a name in English too: "llm.c", "whisper.cpp"', () => {
    const post = extractOne('News\nAndrej Karpathy released llm.c, a library for training GPT-2 in C.');
    expect(typeOf(post, 'llm.c')).toBe('Library');
    expect(relationTriples(post)).toContain('Andrej Karpathy RELEASED llm.c');
    expect(relationTriples(post)).not.toContain('Andrej Karpathy RELEASED GPT-2');
  });

  it("another given name before a known person's surname is another person", () => {
    const post = extractOne('News\nMaria Karpathy released Vantalib, a library.');
    expect(entityNames(post)).toContain('Maria Karpathy');
    expect(entityNames(post)).not.toContain('Andrej Karpathy');
  });

  it('a known person by surname alone is still that person', () => {
    expect(entityNames(extractOne('News\nKarpathy released nanoGPT, a library.'))).toContain(
      'Andrej Karpathy',
    );
  });
});

describe('where a name ends', () => {
  it('a known name of another kind after a known event is its own name: "AI Journey 2024 Сбер"', () => {
    const post = extractOne('Новости\nНа конференции AI Journey 2024 Сбер показал Kandinsky 4.0.');
    expect(entityNames(post)).toEqual(expect.arrayContaining(['AI Journey 2024', 'Сбер', 'Kandinsky 4.0']));
    expect(relationTriples(post)).toContain('Сбер RELEASED Kandinsky 4.0');
  });

  it('what a score is stated on is a benchmark: "На ruMMLU она набирает 0,77"', () => {
    const post = extractOne('Новости\nТ-Банк выложил модель T-Pro. На ruMMLU она набирает 0,77.');
    expect(typeOf(post, 'ruMMLU')).toBe('Dataset');
    expect(relationTriples(post)).toContain('T-Pro EVALUATED_ON ruMMLU');
  });
});

describe('families and dates', () => {
  it('a new version of a known model family is a model: "YOLOv9", "GPT-7"', () => {
    expect(typeOf(extractOne('Новости\nИгорь Седов рассказал о YOLOv9.'), 'YOLOv9')).toBe('Model');
    expect(typeOf(extractOne('News\nWe tested GPT-7 yesterday.'), 'GPT-7')).toBe('Model');
  });

  it('a month is no part of a name: "by Quillfeather Labs in May"', () => {
    const post = extractOne('News\nVanta-8 was released by Quillfeather Labs in May.');
    expect(relationTriples(post)).toContain('Quillfeather Labs RELEASED Vanta-8');
  });
});

describe('packages and generic terms', () => {
  it('a pip package named after its maker and a known name is that name: "openai-whisper"', () => {
    const post = extractOne('News\nOpenAI released Whisper. Install: pip install openai-whisper');
    expect(entityNames(post)).not.toContain('openai-whisper');
    expect(entityNames(post)).toContain('Whisper');
  });

  it('an architecture word is no name: "трансформер типа encoder-decoder"', () => {
    expect(
      entityNames(extractOne('Новости\nАрхитектура модели Vanta: трансформер типа encoder-decoder.')),
    ).not.toContain('encoder-decoder');
  });
});
