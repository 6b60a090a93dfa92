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
