import { loadKnowledge } from '../../../ingest/extract/knowledge';
import { findEnglishPersons, needsPersonTagger } from '../../../ingest/extract/persons-en';
import { entityNames, extractOne, typeOf } from './post-builder';

describe('English persons', () => {
  it('finds persons whose given name is not in the list, with offsets into the post', () => {
    const sentence = 'Yesterday Tomasz Wrobel presented the work.';
    const found = findEnglishPersons(sentence, 100, 2, loadKnowledge());
    for (const p of found) expect(sentence.slice(p.start - 100, p.end - 100)).toBe(p.surface);
    expect(found.every((p) => p.type === 'Person' && p.sentence === 2)).toBe(true);
    expect(found.map((p) => p.name)).toEqual(['Tomasz Wrobel']);
  });

  it('runs the tagger only where two capitalised words are left unexplained', () => {
    expect(needsPersonTagger('the model is fast.', 0, [])).toBe(false);
    expect(needsPersonTagger('We met Tomasz Wrobel.', 0, [])).toBe(true);
  });

  it('a person found by the tagger replaces an unknown name run', () => {
    const post = extractOne('Interview\nOn Monday Tomasz Wrobel said that agents are overrated.');
    expect(typeOf(post, 'Tomasz Wrobel')).toBe('Person');
  });

  it('does not tag words of a Title Case headline as names', () => {
    const post = extractOne('OpenAI Launches New Reasoning Model Zeta-9\nThe model is available today.');
    expect(entityNames(post).sort()).toEqual(['OpenAI', 'Zeta-9']);
  });
});
