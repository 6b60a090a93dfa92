import { entityNames, extractOne, relationTriples, typeOf } from '../post-builder';

/** English news phrasings; every sentence written for the test. */

describe('English news', () => {
  it('a new model named after a known architecture stays one name: "Codestral Mamba"', () => {
    const post = extractOne(
      'News\nMistral AI dropped Codestral Mamba, a 7B code model built on the Mamba architecture.',
    );
    expect(typeOf(post, 'Codestral Mamba')).toBe('Model');
    expect(relationTriples(post)).toContain('Mistral AI RELEASED Codestral Mamba');
    expect(relationTriples(post)).not.toContain('Mistral AI RELEASED Mamba');
  });

  it('a venue after "published in" is not what was released', () => {
    const post = extractOne('News\nGoogle DeepMind unveiled AlphaFold 3 in a paper published in Nature.');
    expect(relationTriples(post).filter((t) => t.endsWith('Nature'))).toEqual([]);
  });

  it('an apposition of common words is a description, not an organisation: "the Chinese AI lab"', () => {
    const post = extractOne(
      'News\nDeepSeek, the Chinese AI lab, open-sourced DeepSeek-V2, a mixture-of-experts model.',
    );
    expect(entityNames(post)).not.toContain('Chinese AI');
    expect(relationTriples(post)).toContain('DeepSeek RELEASED DeepSeek-V2');
  });

  it('an organisation that uses a thing: "Apple is using Google Gemini"', () => {
    expect(
      relationTriples(extractOne('News\nApple is using Google Gemini to power the new Siri.')),
    ).toContain('Apple USES Gemini');
  });

  it('past a conjunction "trained on" is over: "trained on 9 trillion tokens and scores 81 on MMLU"', () => {
    const triples = relationTriples(
      extractOne(
        'News\nNVIDIA introduced Nemotron-4 340B. The model was trained on 9 trillion tokens and scores 81.1 on MMLU.',
      ),
    );
    expect(triples).toContain('Nemotron-4 340B EVALUATED_ON MMLU');
    expect(triples).not.toContain('Nemotron-4 340B USES MMLU');
  });
});

describe('evidence through a chain of relations', () => {
  it('a name placed by a relation to a name placed by a relation is kept', () => {
    const post = extractOne('Vanta-4 от Zorbex Labs\nМодель обгоняет Llama 3 и использует FlashAttention.');
    expect(relationTriples(post)).toContain('Vanta-4 USES FlashAttention');
  });
});

describe('people and teams', () => {
  it('a name paired with a person is a person, not a thing "from" an organisation', () => {
    const post = extractOne('News\nOpenAI has hired Lucas Beyer and Xiaohua Zhai from Google.');
    expect(typeOf(post, 'Xiaohua Zhai')).toBe('Person');
    expect(relationTriples(post)).not.toContain('Google RELEASED Xiaohua Zhai');
  });

  it('"the Qwen team" is the people behind a model, not the model', () => {
    const post = extractOne(
      'Qwen team ships QwQ-32B\nAlibaba Qwen team published QwQ-32B, a reasoning model. It rivals DeepSeek-R1 on AIME 2024.',
    );
    expect(entityNames(post)).not.toContain('Qwen');
    expect(relationTriples(post)).toContain('Alibaba RELEASED QwQ-32B');
    expect(relationTriples(post)).toContain('QwQ-32B EVALUATED_ON AIME');
  });
});

describe('titles and comparisons', () => {
  it('"Zorbex-2: Quillfeather’s new speech model": the owner is an organisation that released it', () => {
    const post = extractOne('Zorbex-2: Quillfeather’s new speech model\nIt outperforms Whisper on FLEURS.');
    expect(typeOf(post, 'Quillfeather')).toBe('Organization');
    expect(relationTriples(post)).toContain('Quillfeather RELEASED Zorbex-2');
  });

  it('where two models are compared is a benchmark: "outperforms Whisper on FLEURS"', () => {
    const post = extractOne('Zorbex-2: a new speech model\nIt outperforms Whisper on FLEURS.');
    expect(typeOf(post, 'FLEURS')).toBe('Dataset');
    expect(relationTriples(post)).toContain('Zorbex-2 EVALUATED_ON FLEURS');
  });
});

describe('sentences full of names', () => {
  it('a sentence with a lower-case verb is no headline: "Andrej Karpathy founded Eureka Labs"', () => {
    const post = extractOne('News\nAndrej Karpathy founded Eureka Labs.');
    expect(typeOf(post, 'Eureka Labs')).toBe('Organization');
    expect(relationTriples(post)).toContain('Andrej Karpathy WORKS_AT Eureka Labs');
  });

  it('"Sam Altman, OpenAI chief executive,": a role after the organisation in an apposition', () => {
    expect(
      relationTriples(extractOne('News\nSam Altman, OpenAI chief executive, announced GPT-5.')),
    ).toContain('Sam Altman WORKS_AT OpenAI');
  });
});

describe('clauses and anaphora', () => {
  it('a score after a conjunction belongs to the next benchmark', () => {
    const post = extractOne(
      'Kestrel-4 is here\nQuillfeather Labs released Kestrel-4 today. It beats Llama 3.1 70B on MATH and scores 86% on HumanEval.',
    );
    const on = (to: string) => post.relations.find((r) => r.type === 'EVALUATED_ON' && r.to === to);
    expect(on('HumanEval')?.score).toBe(86);
    expect(on('MATH')?.score).toBeUndefined();
  });

  it('"It is maintained by X": the post\'s subject was made by X', () => {
    const post = extractOne('Vantalib 2.0\nThe library now supports JAX. It is maintained by Zorbex Labs.');
    expect(relationTriples(post)).toContain('Zorbex Labs RELEASED Vantalib 2.0');
  });
});
