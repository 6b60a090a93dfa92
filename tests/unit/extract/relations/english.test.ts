import { extractOne, relationTriples } from '../post-builder';

/** English phrasings of news posts: informal release verbs, bases, rankings, appositions. */

const cases: [string, string, string[]][] = [
  [
    '"open-sourced", and a base model it was fine-tuned from',
    'Nous Research open-sourced Hermes 3, fine-tuned from Llama 3.1 405B.',
    ['Nous Research RELEASED Hermes 3', 'Hermes 3 USES Llama 3.1 405B'],
  ],
  [
    '"tops" a rival on a benchmark',
    "Microsoft's Phi-3.5-mini tops Llama 3.1 8B on MMLU with 69%.",
    [
      'Microsoft RELEASED Phi-3.5-mini',
      'Phi-3.5-mini OUTPERFORMS Llama 3.1 8B',
      'Phi-3.5-mini EVALUATED_ON MMLU',
    ],
  ],
  [
    '"evaluated on" names benchmarks, unknown ones too',
    'Meta has released Llama 3.2, evaluated on MMMU and ChartQA.',
    ['Llama 3.2 EVALUATED_ON MMMU', 'Llama 3.2 EVALUATED_ON ChartQA'],
  ],
  [
    'an apposition with the organisation’s role; "spoke at"',
    "Yann LeCun, Meta's chief AI scientist, spoke at ICML 2024 in Vienna.",
    ['Yann LeCun WORKS_AT Meta', 'Yann LeCun SPEAKS_AT ICML 2024'],
  ],
  [
    'launching a startup',
    'Former OpenAI researcher Andrej Karpathy launched Eureka Labs, an AI education startup.',
    ['Andrej Karpathy WORKS_AT Eureka Labs', 'Andrej Karpathy WORKS_AT OpenAI'],
  ],
  ['"dropped"', 'Mistral just dropped Codestral, a 22B code model.', ['Mistral AI RELEASED Codestral']],
];

describe('English news phrasings', () => {
  it.each(cases)('%s', (_name, sentence, expected) => {
    const triples = relationTriples(extractOne(`News\n${sentence}`));
    for (const t of expected) expect(triples).toContain(t);
  });

  it('training data is no release of the maker, and no organisation is trained on it', () => {
    const triples = relationTriples(
      extractOne('News\nStability AI releases Stable Audio Open, trained on Freesound data.'),
    );
    expect(triples).not.toContain('Stability AI RELEASED Freesound');
    expect(triples).not.toContain('Stability AI USES Freesound');
  });
});
