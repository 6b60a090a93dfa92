import type { SavedQueryParam } from '../../../server/api/contract';
import { convertParam } from '../../../client/src/features/queries';

const param = (type: SavedQueryParam['type'], name = 'p'): SavedQueryParam => ({
  name,
  type,
  default: null,
  description: '',
});

describe('client saved query parameter conversion', () => {
  test('integers become numbers; surrounding spaces are ignored', () => {
    expect(convertParam(param('integer'), ' 25 ')).toBe(25);
    expect(convertParam(param('integer'), '-3')).toBe(-3);
  });

  test('a fractional or non-numeric integer is refused naming the parameter and the text', () => {
    expect(() => convertParam(param('integer', 'limit'), '2.5')).toThrow(
      '“limit” must be a whole number, not “2.5”.',
    );
    expect(() => convertParam(param('integer', 'limit'), 'ten')).toThrow(/“limit”.*“ten”/);
  });

  test('floats accept decimals and refuse text', () => {
    expect(convertParam(param('float'), '0.75')).toBe(0.75);
    expect(() => convertParam(param('float', 'minScore'), 'high')).toThrow(
      '“minScore” must be a number, not “high”.',
    );
  });

  test('an empty field means "use the default" (undefined) for every non-boolean type', () => {
    for (const type of ['string', 'integer', 'float', 'date'] as const)
      expect(convertParam(param(type), '   ')).toBeUndefined();
  });

  test('booleans come from the checkbox state, not from text', () => {
    expect(convertParam(param('boolean'), true)).toBe(true);
    expect(convertParam(param('boolean'), false)).toBe(false);
  });

  test('strings and dates are trimmed text', () => {
    expect(convertParam(param('string'), '  OpenAI ')).toBe('OpenAI');
    expect(convertParam(param('date'), '2024-05')).toBe('2024-05');
  });
});
