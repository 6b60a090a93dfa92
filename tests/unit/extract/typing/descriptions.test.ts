import { entityNames, extractOne, relationTriples, typeOf } from '../post-builder';

/**
 * Types from descriptions around a name: a modifier before the cue word, "subset", "a Python tool",
 * organisation head words, "X, who leads … at Y"; and what is not a name or a list. Sentences written
 * for the test.
 */

describe('types from descriptions', () => {
  it('one adjective may stand between a name and its cue word', () => {
    expect(typeOf(extractOne('News\nThe service runs on the Zorbex-9 wafer-scale chip.'), 'Zorbex-9')).toBe(
      'Product',
    );
    expect(typeOf(extractOne('Новости\nВышла Vanta-3 — открытая модель от Zorbex Labs.'), 'Vanta-3')).toBe(
      'Model',
    );
  });

  it('a verb between a name and a cue word is no modifier: "Команда Zorbex выложила модель"', () => {
    expect(typeOf(extractOne('Новости\nКоманда Zorbex выложила модель Vanta-3.'), 'Zorbex')).toBe(
      'Organization',
    );
  });

  it('"the X subset" is a dataset', () => {
    expect(
      typeOf(extractOne('News\nFor the PileMix-Edu subset, annotators rated samples.'), 'PileMix-Edu'),
    ).toBe('Dataset');
  });

  it('"a Python tool" is a library, a bare "tool" is not', () => {
    expect(
      typeOf(extractOne('News\nZorbex open-sourced Quillpad, a Python tool for parsing.'), 'Quillpad'),
    ).toBe('Library');
  });

  it('a name ending in Club or Society is an organisation, not a person', () => {
    const post = extractOne(
      'News\nThe rangers and the Sierra Club advise hikers. He has worked with the Dunmore Isle Research Society for years.',
    );
    expect(typeOf(post, 'Sierra Club')).toBe('Organization');
    expect(typeOf(post, 'Dunmore Isle Research Society')).toBe('Organization');
  });

  it('"X, who leads … at Y": X is a person who works at Y', () => {
    const post = extractOne('News\nTarin Vosk, who leads model evaluation at Zorbex Labs, praised it.');
    expect(typeOf(post, 'Tarin Vosk')).toBe('Person');
    expect(relationTriples(post)).toContain('Tarin Vosk WORKS_AT Zorbex Labs');
  });

  it('a connector before a cue word ends the name: "Markdown for LLM pipelines"', () => {
    expect(
      entityNames(extractOne('News\nIt converts documents into Markdown for LLM pipelines.')),
    ).not.toContain('Markdown for LLM');
  });

  it('a relative clause ends a list of released things', () => {
    const post = extractOne(
      'News\nZorbex released Quillpad, a Python tool that converts PDF, Word, PowerPoint and Excel files.',
    );
    expect(relationTriples(post).filter((t) => t.includes('PowerPoint'))).toEqual([]);
  });
});
