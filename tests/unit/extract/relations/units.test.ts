import { extractOne, relationTriples, typeOf } from '../post-builder';

/** A team, group or lab and what it belongs to (PART_OF); sentences written for the test. */

describe('PART_OF from a unit word', () => {
  it('"группой X из Y": the group is part of Y, and both are organisations', () => {
    const post = extractOne(
      'Новости\nQuillfeather совместно с группой Noctil из Heidelberg University выпустила модель Vanta-7.',
    );
    expect(typeOf(post, 'Noctil')).toBe('Organization');
    expect(typeOf(post, 'Heidelberg University')).toBe('Organization');
    expect(relationTriples(post)).toContain('Noctil PART_OF Heidelberg University');
  });

  it('"the X team at Y" in English', () => {
    const post = extractOne('News\nThe Zorbex team at Quillfeather Labs released Vanta-2, a vision model.');
    expect(relationTriples(post)).toContain('Zorbex PART_OF Quillfeather Labs');
  });

  it('without a unit word an organisation "from" another is no part of it', () => {
    const post = extractOne(
      'News\nResearchers from Google and Quillfeather Labs presented Vanta-5, a robotics model.',
    );
    expect(relationTriples(post).filter((t) => t.includes('PART_OF'))).toEqual([]);
  });
});
