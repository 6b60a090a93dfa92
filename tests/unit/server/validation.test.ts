import { z } from 'zod';
import { BadRequestError } from '../../../server/errors';
import { boundedInt, entityTypesParam, parseInput, relationTypesParam } from '../../../server/api/validation';

const schema = z.object({ limit: boundedInt(1, 100, 20), types: entityTypesParam, rels: relationTypesParam });

describe('parseInput', () => {
  it('applies defaults and converts query-string numbers', () => {
    expect(parseInput(schema, {})).toEqual({ limit: 20, types: null, rels: null });
    expect(parseInput(schema, { limit: '7' }).limit).toBe(7);
  });

  it('reads type lists comma-separated or repeated', () => {
    expect(parseInput(schema, { types: 'Model, Person' }).types).toEqual(['Model', 'Person']);
    expect(parseInput(schema, { rels: ['RELEASED', 'USES,OWNS'] }).rels).toEqual([
      'RELEASED',
      'USES',
      'OWNS',
    ]);
    expect(parseInput(schema, { types: '' }).types).toBeNull();
  });

  it.each([
    [{ limit: '0' }, 'limit: must be at least 1'],
    [{ limit: '101' }, 'limit: must be at most 100'],
    [{ limit: '2.5' }, 'limit: must be a whole number'],
    [{ limit: 'ten' }, 'limit: must be a number'],
    [{ types: 'Model,Robot' }, 'types: unknown entity type "Robot"'],
    [{ rels: 'LIKES' }, 'rels: unknown relationship type "LIKES"'],
  ])('refuses %j with a 400 that names the parameter', (input, message) => {
    expect(() => parseInput(schema, input)).toThrow(BadRequestError);
    expect(() => parseInput(schema, input)).toThrow(message);
  });
});
