import { jsonBytes, jsonBytesAtLeast, jsonBytesWithin } from '../../../server/repositories/json-bytes';

const samples: unknown[] = [
  null,
  0,
  -12.5,
  true,
  '',
  'plain',
  'кириллица и "кавычки"\n\t\u0001',
  '😀 emoji',
  [1, 'two', [3, null]],
  { a: 1, ключ: ['x', { b: false }] },
  {},
  [],
  new Uint8Array([1, 200, 3]),
];

describe('json bytes', () => {
  it.each(samples.map((value) => [JSON.stringify(value), value]))(
    'measures %s exactly and bounds it from below',
    (_text, value) => {
      const exact = Buffer.byteLength(JSON.stringify(value));
      expect(jsonBytes(value)).toBe(exact);
      expect(jsonBytesAtLeast(value, Number.MAX_SAFE_INTEGER)).toBeLessThanOrEqual(exact);
      expect(jsonBytesWithin(value, exact)).toBe(exact);
    },
  );

  it('gives Infinity for a value surely over the limit, without serialising it', () => {
    const big = ['x'.repeat(1_000_000)];
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      expect(jsonBytesWithin(big, 1000)).toBe(Infinity);
      expect(stringify).not.toHaveBeenCalled();
    } finally {
      stringify.mockRestore();
    }
  });
});
