import { readCsv } from './readers';

// The CSV reader is the referee of the export tests, so it gets its own checks against RFC 4180 examples.
describe('test RFC 4180 reader', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const rows = readCsv('a,"b,c","say ""hi""","x\r\ny"\r\n1,,3,""\r\n');
    expect(rows.map((row) => row.map((field) => field.value))).toEqual([
      ['a', 'b,c', 'say "hi"', 'x\r\ny'],
      ['1', '', '3', ''],
    ]);
    expect(rows[1].map((field) => field.quoted)).toEqual([false, false, false, true]);
  });

  it('reads empty fields at the end of a record and of the text', () => {
    expect(readCsv('a,\r\nb,').map((row) => row.map((field) => field.value))).toEqual([
      ['a', ''],
      ['b', ''],
    ]);
  });

  it('rejects a quote inside an unquoted field and an unterminated quote', () => {
    expect(() => readCsv('a"b\r\n')).toThrow('quote inside unquoted field');
    expect(() => readCsv('"abc\r\n')).toThrow('unterminated');
  });
});
