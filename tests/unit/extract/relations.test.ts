import { extractOne, relationTriples } from './post-builder';

describe('relation patterns in Russian', () => {
  it('"X от Y" in a title and "Y представила X" in the text: Y released X', () => {
    const post = extractOne(
      'Vortex-7: новая модель от Baidu\nВ марте Baidu представила модель Vortex-7 для перевода.',
    );
    expect(relationTriples(post)).toContain('Baidu RELEASED Vortex-7');
  });

  it('"X превосходит Y на бенчмарке Z": outperforms with the benchmark, evaluated on Z', () => {
    const post = extractOne(
      'Сравнение\nМодель Lynx-3 превосходит GPT-4 на бенчмарке GSM8K с точностью 92,1%.',
    );
    const out = post.relations.find((r) => r.type === 'OUTPERFORMS')!;
    expect(out).toMatchObject({ from: 'Lynx-3', to: 'GPT-4', benchmark: 'GSM8K' });
    const ev = post.relations.find((r) => r.type === 'EVALUATED_ON')!;
    expect(ev).toMatchObject({ from: 'Lynx-3', to: 'GSM8K', score: 92.1, metric: 'accuracy' });
    expect(ev.evidence).toContain('превосходит');
  });

  it('"X использует Y": uses', () => {
    const post = extractOne('Технологии\nБиблиотека Fastlane использует PyTorch и ONNX.');
    expect(relationTriples(post)).toEqual(
      expect.arrayContaining(['Fastlane USES PyTorch', 'Fastlane USES ONNX']),
    );
  });

  it('a person with a role at an organisation works there; a speaker at the meetup speaks at it', () => {
    const post = extractOne(
      'Митап\nСостоится встреча Kazan ML Meetup.\nОльга Морозова, руководитель отдела NLP в Тинькофф, «Как мы учим модели»',
    );
    expect(relationTriples(post)).toEqual(
      expect.arrayContaining([
        'Ольга Морозова WORKS_AT Тинькофф',
        'Ольга Морозова SPEAKS_AT Kazan ML Meetup',
      ]),
    );
  });

  it('"X организует конференцию Y": organised', () => {
    const post = extractOne('Анонс\nЯндекс организует конференцию Practical ML Conf в сентябре.');
    expect(relationTriples(post)).toContain('Яндекс ORGANIZED Practical ML Conf');
  });
});

describe('relation patterns in English', () => {
  it('"Y released X" and "X outperforms Z"', () => {
    const post = extractOne('Big news\nAnthropic released Sonnetta, which outperforms GPT-4o on HumanEval.');
    expect(relationTriples(post)).toEqual(
      expect.arrayContaining([
        'Anthropic RELEASED Sonnetta',
        'Sonnetta OUTPERFORMS GPT-4o',
        'Sonnetta EVALUATED_ON HumanEval',
      ]),
    );
  });

  it('"A and B on Z": both are evaluated on Z', () => {
    const post = extractOne('Results\nWe evaluated Llama 3 and Mixtral on MMLU.');
    expect(relationTriples(post)).toEqual(
      expect.arrayContaining(['Llama 3 EVALUATED_ON MMLU', 'Mixtral EVALUATED_ON MMLU']),
    );
  });

  it('"a researcher at Y" works at Y; "presented at E" is presented at', () => {
    const post = extractOne('Talk\nJames Porter, a researcher at IBM, presented Quanta at NeurIPS.');
    expect(relationTriples(post)).toEqual(
      expect.arrayContaining(['James Porter WORKS_AT IBM', 'Quanta PRESENTED_AT NeurIPS']),
    );
  });

  it('every relation carries its evidence sentence and a confidence', () => {
    const post = extractOne('Big news\nOpenAI released Whisper-X for speech.');
    for (const r of post.relations) {
      expect(post.sentences.map((s) => s.text)).toContain(r.evidence);
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
    expect(post.relations.length).toBeGreaterThan(0);
  });
});

describe('moving between organisations', () => {
  it('"X joined Y": works at Y', () => {
    const post = extractOne('People\nMarta Kowalski joined Mistral AI as head of research.');
    expect(relationTriples(post)).toContain('Marta Kowalski WORKS_AT Mistral AI');
  });
});

describe('what is not a release', () => {
  it('"статья про X от Y": Y wrote about X', () => {
    const post = extractOne('Чтение\nСтатья про Orbiton от Hugging Face вышла вчера.');
    expect(relationTriples(post)).not.toContain('Hugging Face RELEASED Orbiton');
  });

  it('keeps the first word of a name that starts with a common word', () => {
    const post = extractOne('Digest\nCohere launched Command R+ for enterprise search.');
    expect(relationTriples(post)).toContain('Cohere RELEASED Command R+');
  });
});

describe('possessive roles', () => {
  it('"Meta\'s chief AI scientist X": X works at Meta', () => {
    const post = extractOne("Opinion\nMeta's chief AI scientist Yann LeCun disagrees with the letter.");
    expect(relationTriples(post)).toContain('Yann LeCun WORKS_AT Meta');
  });
});
