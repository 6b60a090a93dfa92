import type { QueryResult, SavedQuery } from '../../../server/api/contract';
import { schemaFrom } from '../../../client/src/features/cypher-schema';

const answer: QueryResult = {
  columns: ['labels', 'relationshipTypes', 'propertyKeys'],
  rows: [
    [
      ['Model', 'Entity'],
      ['USES', 'RELEASED'],
      ['name', 'key'],
    ],
  ],
  elements: [],
  truncated: false,
};
const query = (...names: string[]): SavedQuery => ({
  name: 'q',
  title: 'Q',
  description: '',
  params: names.map((name) => ({ name, type: 'string', default: null, description: '' })),
});

test('the editor completes the live schema and each saved-query parameter once', () => {
  expect(schemaFrom(answer, [query('org', 'limit'), query('limit')])).toEqual({
    labels: ['Entity', 'Model'],
    relationshipTypes: ['RELEASED', 'USES'],
    propertyKeys: ['key', 'name'],
    parameters: ['limit', 'org'],
  });
});

test('what failed to load is left out', () => {
  expect(schemaFrom(null, null)).toEqual({
    labels: [],
    relationshipTypes: [],
    propertyKeys: [],
    parameters: [],
  });
});
