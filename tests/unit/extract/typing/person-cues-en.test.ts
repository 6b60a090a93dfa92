import { extractOne, typeOf } from '../post-builder';

/**
 * English persons the given-name list and the tagger miss, typed by what only people do or are:
 * saying, "et al.", a role in an apposition, being hired. Names invented for the test.
 */

const persons: [string, string, string][] = [
  [
    'said X, a researcher at Y',
    'News\n"Scaling is not dead," said Tarin Vosk, a researcher at Zorbex Labs.',
    'Tarin Vosk',
  ],
  ['X says', 'News\nTarin Vosk says the model was trained in two weeks.', 'Tarin Vosk'],
  ['X et al.', 'News\nThe work by Tarin Vosk et al. shows a simple trick.', 'Tarin Vosk'],
  ['X wrote', 'News\nOren Kasdi wrote the first kernel as a student.', 'Oren Kasdi'],
  ['X, a student at Y', 'News\nThe kernel is by Ziran Lio, a student at MIT.', 'Ziran Lio'],
];

describe('English persons from context', () => {
  it.each(persons)('%s', (_name, text, person) => {
    expect(typeOf(extractOne(text), person)).toBe('Person');
  });

  it('an organisation that says something stays an organisation when a person is "from" it', () => {
    const post = extractOne('News\nOur guide Rosa Quell from Dunmore Trekking says the route is busy.');
    expect(typeOf(post, 'Dunmore Trekking')).toBe('Organization');
  });
});
