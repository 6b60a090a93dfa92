import { buildLuceneQuery, escapeLucene, searchTerms } from '../../../server/services/lucene';

describe('escapeLucene', () => {
  it('escapes every character with a meaning in Lucene syntax', () => {
    expect(escapeLucene('a+b-c&d|e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&d\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });
});

describe('searchTerms', () => {
  it('splits like the standard tokenizer and lower-cases, keeping underscores and inner dots', () => {
    expect(searchTerms('GPT-4o')).toEqual(['gpt', '4o']);
    expect(searchTerms('facebookresearch/av_hubert')).toEqual(['facebookresearch', 'av_hubert']);
    expect(searchTerms('GPT-3.5 turbo.')).toEqual(['gpt', '3.5', 'turbo']);
    expect(searchTerms('Ёлка  Яндекса')).toEqual(['елка', 'яндекса']);
  });

  it('drops operators and punctuation entirely', () => {
    expect(searchTerms('meta" OR *:*')).toEqual(['meta', 'or']);
    expect(searchTerms('*** ~~~')).toEqual([]);
  });
});

describe('buildLuceneQuery', () => {
  it('asks for every term exactly (boosted), as a prefix and, from four letters, fuzzily, in both scripts', () => {
    expect(buildLuceneQuery('Llama 3')).toBe(
      '((llama^3 OR llama* OR llama~1) AND (3^3 OR 3*)) OR ((ллама^3 OR ллама* OR ллама~2) AND (3^3 OR 3*))',
    );
  });

  it('lets a transliterated spelling be two edits off, the typed one only one', () => {
    expect(buildLuceneQuery('виспер')).toBe(
      '((виспер^3 OR виспер* OR виспер~1)) OR ((visper^3 OR visper* OR visper~2))',
    );
  });

  it('asks for a term with letters and digits run together as the hyphenated name too ("gpt4" -> "gpt 4")', () => {
    expect(buildLuceneQuery('gpt4')).toContain('"gpt 4"^3');
  });

  it('turns AND/OR/NOT into plain lower-case words', () => {
    expect(buildLuceneQuery('NOT AND')).toBe(
      '((not^3 OR not*) AND (and^3 OR and*)) OR ((нот^3 OR нот*) AND (анд^3 OR анд*))',
    );
  });

  it('returns null when nothing searchable is left', () => {
    expect(buildLuceneQuery('?!*')).toBeNull();
  });
});
