import { extractOne, relationTriples } from '../post-builder';

/** Comparisons in every phrasing, with their direction. */

const cases: [string, string, string[]][] = [
  [
    'a gerund, the subject from the title',
    'Zenfor-7: новая модель детекции\nДетектор достигает 55% AP на COCO, обгоняя YOLOX и YOLOR.',
    ['Zenfor-7 OUTPERFORMS YOLOX', 'Zenfor-7 OUTPERFORMS YOLOR'],
  ],
  [
    'a comparative with "чем"',
    'Итоги\nМодель Whisper делает на 40% меньше ошибок, чем wav2vec 2.0.',
    ['Whisper OUTPERFORMS wav2vec 2.0'],
  ],
  [
    '"уступает": the other one wins',
    'Итоги\nНа MMLU модель Falcon 40B уступает Llama 2 70B.',
    ['Llama 2 70B OUTPERFORMS Falcon 40B'],
  ],
  [
    '"trails": the other one wins',
    'Results\nOn GSM8K, Mistral 7B trails Llama 2 13B by four points.',
    ['Llama 2 13B OUTPERFORMS Mistral 7B'],
  ],
  [
    'a plain verb',
    'Results\nGemma 2 27B beats Llama 3 70B on the arena.',
    ['Gemma 2 27B OUTPERFORMS Llama 3 70B'],
  ],
];

describe('OUTPERFORMS', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    const triples = relationTriples(extractOne(text));
    for (const t of expected) expect(triples).toContain(t);
  });

  it('a loser is never stated as the winner', () => {
    const triples = relationTriples(extractOne('Итоги\nНа MMLU модель Falcon 40B уступает Llama 2 70B.'));
    expect(triples).not.toContain('Falcon 40B OUTPERFORMS Llama 2 70B');
  });
});

describe('anaphora in comparisons', () => {
  it('"Она … быстрее X" compares the post’s subject, not a name mentioned on the way', () => {
    const triples = relationTriples(
      extractOne(
        'Релиз\nЯндекс выложил библиотеку QuillShard для обучения LLM. Она развивает идеи FSDP из PyTorch и работает на 20% быстрее FSDP.',
      ),
    );
    expect(triples).toContain('QuillShard OUTPERFORMS FSDP');
    expect(triples).not.toContain('PyTorch OUTPERFORMS FSDP');
  });
});
