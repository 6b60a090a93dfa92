import { extractOne, relationTriples } from '../post-builder';

/**
 * Relations stated through a score duel, an object pronoun, a release noun, a benchmark the post is
 * about, "his talk" and a definite role. Sentences written for the test; names invented or generic.
 */

const cases: [string, string, string[], string[]][] = [
  [
    'two scores side by side: the higher wins',
    'Vanta-7 results\nVanta-7 scores 81.5% on MMLU against 78.0% for GPT-4.',
    ['Vanta-7 OUTPERFORMS GPT-4', 'Vanta-7 EVALUATED_ON MMLU'],
    ['GPT-4 OUTPERFORMS'],
  ],
  [
    'two error rates side by side: the lower wins',
    'Vanta-7 results\nThe speech model Vanta-7 reaches a WER of 7.4% on LibriSpeech versus 5.1% for Whisper.',
    ['Whisper OUTPERFORMS Vanta-7'],
    ['Vanta-7 OUTPERFORMS'],
  ],
  [
    '"против … у" in Russian',
    'Итоги\nМодель Vanta-7 набирает 84,2% на MMLU против 79,5% у GPT-4.',
    ['Vanta-7 OUTPERFORMS GPT-4'],
    [],
  ],
  [
    'equal scores state no winner',
    'Results\nVanta-7 scores 80% on MMLU vs 80% for GPT-4.',
    [],
    ['OUTPERFORMS'],
  ],
  [
    '"released it": the object pronoun is the post subject; "based on" names a base, not a release',
    'Vanta-7 is out\nThe model Vanta-7 tops the chart. Zorbex Labs released it together with two small models based on Qwen and Mistral.',
    ['Zorbex Labs RELEASED Vanta-7'],
    ['RELEASED Qwen', 'RELEASED Mistral'],
  ],
  [
    '"The same release introduced": the maker of the post subject made it',
    'Vanta-7 is out\nZorbex Labs released the model Vanta-7. The same release introduced a tiny model, Vanta-7 Mini.',
    ['Zorbex Labs RELEASED Vanta-7 Mini'],
    [],
  ],
  [
    'a model scored in a post about a benchmark is evaluated on it',
    'CodeArena\nZorbex Labs published the benchmark CodeArena with 300 tasks. GPT-4o solves 41.5% of them.',
    ['GPT-4o EVALUATED_ON CodeArena'],
    [],
  ],
  [
    '"In his talk": the previous sentence subject speaks at the event',
    'Talks\nAt NeurIPS 2024, Jane Whitfield accepted an award. In his talk the speaker argued for open models.',
    ['Jane Whitfield SPEAKS_AT NeurIPS 2024'],
    [],
  ],
  [
    '"the X co-founder": the previous sentence subject works at X',
    'People\nJane Whitfield accepted an award at NeurIPS 2024. In the talk the Zorbex Labs co-founder argued for open models.',
    ['Jane Whitfield WORKS_AT Zorbex Labs'],
    [],
  ],
];

describe('relations through duels, pronouns and definite descriptions', () => {
  it.each(cases)('%s', (_name, text, expected, absent) => {
    const triples = relationTriples(extractOne(text));
    for (const t of expected) expect(triples).toContain(t);
    for (const a of absent) expect(triples.filter((t) => t.includes(a))).toEqual([]);
  });
});
