import { extractOne, relationTriples } from '../post-builder';

/**
 * Russian news phrasing: an attributive participle with "в X", a maker described by an adjective and
 * "стартап", a role with "стартапа", a verb left out ("а Сбер — B"), a sentence that opens with its
 * benchmark, "на базе". Sentences written for the test; names invented where they are unknown.
 */

const cases: [string, string, string[]][] = [
  [
    '"Разработанная в X модель Y"',
    'Новости\nРазработанная в Zorbex Labs модель Vanta-3 доступна всем.',
    ['Zorbex Labs RELEASED Vanta-3'],
  ],
  [
    '"от китайского стартапа X"',
    'Новости\nМодель Vanta-3 от китайского стартапа Zorbex обходит GPT-4o на MATH.',
    ['Zorbex RELEASED Vanta-3', 'Vanta-3 OUTPERFORMS GPT-4o'],
  ],
  [
    '"CTO стартапа X Имя Фамилия"',
    'Новости\nCTO стартапа Zorbex Labs Марина Ветрова рассказала о планах.',
    ['Марина Ветрова WORKS_AT Zorbex Labs'],
  ],
  [
    'a verb left out: "X выпустила A, а Y — B"',
    'Новости\nZorbex Labs выпустила Vanta-3, а Сбер — Nimbus-2.',
    ['Zorbex Labs RELEASED Vanta-3', 'Сбер RELEASED Nimbus-2'],
  ],
  [
    'a sentence that opens with its benchmark',
    'Новости\nНа HumanEval Vanta-3 набирает 81,1%, а Llama 3 70B — 67%.',
    ['Vanta-3 EVALUATED_ON HumanEval', 'Llama 3 70B EVALUATED_ON HumanEval'],
  ],
  [
    'slang release verbs: "дропнули"',
    'Новости\nРебята из Hugging Face дропнули Vanta-3 — маленькую VLM.',
    ['Hugging Face RELEASED Vanta-3'],
  ],
  [
    'slang release verbs: "опенсорснула"',
    'Новости\nMicrosoft опенсорснула Vanta-3 под лицензией MIT.',
    ['Microsoft RELEASED Vanta-3'],
  ],
  [
    'a score after "на X модель набрала" names a benchmark',
    'Новости\nOpenAI показала Vanta-3: на Zorbex-Arc модель набрала 75,7%.',
    ['Vanta-3 EVALUATED_ON Zorbex-Arc'],
  ],
  ['"на базе X" is use', 'Новости\nVanta-3 — открытая модель на базе Qwen 2.5.', ['Vanta-3 USES Qwen 2.5']],
];

describe('Russian news phrasing', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    const triples = relationTriples(extractOne(text));
    for (const t of expected) expect(triples).toContain(t);
  });
});
