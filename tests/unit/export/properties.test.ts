import { buildRecord, formatScalar, inferColumns } from '../../../server/export/properties';
import { xmlAttribute, xmlText } from '../../../server/export/xml';

const records = (...rows: Record<string, unknown>[]) =>
  rows.map((row) => buildRecord(Object.entries(row), []));

describe('inferColumns', () => {
  it('widens numbers: int with long is long, any fraction makes double', () => {
    const columns = inferColumns(records({ a: 1, b: 1, c: 1 }, { a: 2 ** 40, b: 1.5, c: -3 }));
    expect(columns).toEqual([
      { name: 'a', kind: 'long' },
      { name: 'b', kind: 'double' },
      { name: 'c', kind: 'int' },
    ]);
  });

  it('makes a column of mixed kinds a string column', () => {
    const columns = inferColumns(records({ a: true, b: ['x'], c: 'x' }, { a: 1, b: 'y', c: 2 }));
    expect(columns.map((column) => column.kind)).toEqual(['string', 'string', 'string']);
  });

  it('skips null values and drops columns that never have a value', () => {
    expect(inferColumns(records({ a: null, b: 1 }, { a: undefined, b: null }))).toEqual([
      { name: 'b', kind: 'int' },
    ]);
  });

  it('treats arrays of non-strings as text', () => {
    const [column] = inferColumns(records({ a: [1, 2] }));
    expect(column.kind).toBe('string');
    expect(formatScalar([1, 2], column.kind)).toBe('1 | 2');
  });
});

describe('buildRecord', () => {
  it('renames an extra that collides with a fixed field, even an unset one', () => {
    const record = buildRecord(
      [
        ['label', undefined],
        ['type', 'Model'],
      ],
      [
        ['label', 'x'],
        ['type', 'y'],
        ['type_2', 'z'],
      ],
    );
    expect([...record]).toEqual([
      ['type', 'Model'],
      ['label_2', 'x'],
      ['type_2', 'y'],
      ['type_2_2', 'z'],
    ]);
  });
});

describe('XML escaping', () => {
  it('escapes the five markup characters and keeps CR as a reference', () => {
    expect(xmlText(`<a href="x">&'\r`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#13;');
  });

  it('writes tabs and newlines in attributes as references and drops characters XML cannot hold', () => {
    expect(xmlAttribute('a\tb\nc\u0000\u0007\uFFFF\uDC00d😀')).toBe('a&#9;b&#10;cd😀');
  });
});
