import { splitSentences } from '../../../../ingest/extract/sentences';
import { extractOne, relationTriples, typeOf } from '../post-builder';

/**
 * Paper posts and list posts: authors with affiliations in brackets, people known by their role,
 * an acronym title with its expansion, a titled bullet list, an organisation's versioned product.
 * Sentences written for the test; names invented.
 */

describe('paper posts and list posts', () => {
  it('hyphen bullets on consecutive lines are separate sentences; a lone dash line still continues', () => {
    const list = splitSentences('Title\n- Vanta-3, a model\n- Quillpad, a library');
    expect(list.map((s) => s.text)).toEqual(['Title', '- Vanta-3, a model', '- Quillpad, a library']);
    const continued = splitSentences('Title\nIntro line\nFairseq\n- это библиотека');
    expect(continued.map((s) => s.text)).toContain('Fairseq\n- это библиотека');
  });

  it('"from X" in a title over a bullet list: X made each item', () => {
    const triples = relationTriples(
      extractOne(
        'Two things from Zorbex Labs this week\n- Vanta-3, a small language model\n- Quillpad, the library it was trained with',
      ),
    );
    expect(triples).toEqual(
      expect.arrayContaining(['Zorbex Labs RELEASED Vanta-3', 'Zorbex Labs RELEASED Quillpad']),
    );
  });

  it('authors with an organisation in brackets made what they propose and work there', () => {
    const post = extractOne(
      'Paper\nTarin Vosk (Google) and Mira Sollen (Microsoft) propose Vanta-3, a state space model.',
    );
    const triples = relationTriples(post);
    expect(typeOf(post, 'Tarin Vosk')).toBe('Person');
    expect(triples).toEqual(
      expect.arrayContaining([
        'Tarin Vosk RELEASED Vanta-3',
        'Mira Sollen RELEASED Vanta-3',
        'Tarin Vosk WORKS_AT Google',
        'Mira Sollen WORKS_AT Microsoft',
      ]),
    );
    expect(triples.filter((t) => t.startsWith('Microsoft RELEASED'))).toEqual([]);
  });

  it('people by their role: "is the first author", "X\'s group", "leads the project at Y"', () => {
    const post = extractOne(
      'Paper\nTarin Vosk is the first author. Mira Sollen’s group spent a year on it. Oren Kasdi leads the project at Zorbex Labs.',
    );
    for (const name of ['Tarin Vosk', 'Mira Sollen', 'Oren Kasdi']) expect(typeOf(post, name)).toBe('Person');
    expect(relationTriples(post)).toContain('Oren Kasdi WORKS_AT Zorbex Labs');
  });

  it('"ACR: Long Name Networks" opening a post: one model with its expansion as alias', () => {
    const post = extractOne('VAN: Vosk-Arden Networks\nA new architecture replaces fixed activations.');
    expect(typeOf(post, 'VAN')).toBe('Model');
    expect(post.entities.find((e) => e.name === 'VAN')?.aliases).toContain('Vosk-Arden Networks');
    expect(post.entities.some((e) => e.type === 'Person')).toBe(false);
  });

  it('"Midjourney v6": a known organisation with a version names its product', () => {
    const triples = relationTriples(extractOne('Review\nVanta-3 beats Midjourney v6 on typography.'));
    expect(triples).toEqual(
      expect.arrayContaining(['Midjourney RELEASED Midjourney v6', 'Vanta-3 OUTPERFORMS Midjourney v6']),
    );
  });

  it('"X describes Y" in a paper post states the release', () => {
    expect(relationTriples(extractOne('Paper\nZorbex Labs describes Vanta-3, a diffusion model.'))).toContain(
      'Zorbex Labs RELEASED Vanta-3',
    );
  });
});

describe('news phrasing', () => {
  const cases: [string, string, string[], string[]][] = [
    [
      '"X hired P" is where P works',
      'News\nZorbex Labs hired Tarin Vosk to lead its speech unit.',
      ['Tarin Vosk WORKS_AT Zorbex Labs'],
      [],
    ],
    [
      'an aside "the startup founded by A and B" names founders, not makers',
      'News\nZorbex Labs, the Oslo startup founded by Tarin Vosk and Mira Sollen, released Vanta-3.',
      ['Zorbex Labs RELEASED Vanta-3', 'Tarin Vosk WORKS_AT Zorbex Labs', 'Mira Sollen WORKS_AT Zorbex Labs'],
      ['Tarin Vosk RELEASED'],
    ],
    [
      '"a fine-tuned version of Y" uses Y',
      'News\nVanta-3 is a fine-tuned version of Llama 3.',
      ['Vanta-3 USES Llama 3'],
      [],
    ],
    [
      'a leaderboard is a benchmark, not a rival',
      'News\nVanta-3 tops the Zorbex Reasoning Leaderboard.',
      ['Vanta-3 EVALUATED_ON Zorbex Reasoning Leaderboard'],
      ['OUTPERFORMS'],
    ],
    [
      '"launched X and its first model, Y": X made Y',
      'News\nThe team launched Zorbex Labs and its first model, Vanta-3.',
      ['Zorbex Labs RELEASED Vanta-3'],
      [],
    ],
    [
      '"leads … by 40 points over Y" is a win',
      'News\nVanta-3 leads the arena by 40 Elo points over GPT-4o.',
      ['Vanta-3 OUTPERFORMS GPT-4o'],
      [],
    ],
    [
      'a name ending in Robotics, listed with a known organisation, made it too',
      'News\nHugging Face and Dunmore Robotics released Vanta-3, an open-source robot.',
      ['Hugging Face RELEASED Vanta-3', 'Dunmore Robotics RELEASED Vanta-3'],
      [],
    ],
    [
      '"В основе X лежит Y": X uses Y',
      'Новости\nВ основе Vanta-3 лежит визуальный энкодер ViT.',
      ['Vanta-3 USES ViT'],
      [],
    ],
    [
      '"At the core of X is Y": X uses Y',
      'News\nAt the core of Vanta-3 is a Mamba backbone.',
      ['Vanta-3 USES Mamba'],
      [],
    ],
  ];
  it.each(cases)('%s', (_name, text, expected, absent) => {
    const triples = relationTriples(extractOne(text));
    for (const t of expected) expect(triples).toContain(t);
    for (const a of absent) expect(triples.filter((t) => t.includes(a))).toEqual([]);
  });
});
