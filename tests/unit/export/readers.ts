/**
 * Independent readers for the export tests: fast-xml-parser for GraphML/GEXF and a small RFC 4180 CSV
 * reader written from the RFC (not from server/export/csv.ts), which also tells quoted from unquoted
 * fields because neo4j-admin gives them different meanings when empty.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Elements that may repeat; the parser returns them as arrays even when there is one. */
const REPEATED = new Set(['key', 'node', 'edge', 'data', 'attributes', 'attribute', 'attvalue']);

export type XmlElement = Record<string, unknown>;

export function parseXml(document: string): XmlElement {
  const validation = XMLValidator.validate(document);
  if (validation !== true) throw new Error(`not well-formed XML: ${JSON.stringify(validation)}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    // Decodes numeric character references (&#13;) as well as the five XML entities.
    htmlEntities: true,
    isArray: (name) => REPEATED.has(name),
  });
  return parser.parse(document) as XmlElement;
}

/** Children of an element that the parser made an array of (empty when absent). */
export function children(element: unknown, name: string): XmlElement[] {
  const value = (element as XmlElement | undefined)?.[name];
  return Array.isArray(value) ? (value as XmlElement[]) : [];
}

/** Text content of an element parsed with trimValues off: a bare string, or #text when it has attributes. */
export function textOf(element: unknown): string {
  if (typeof element === 'string') return element;
  const text = (element as XmlElement)['#text'];
  return typeof text === 'string' ? text : '';
}

/** Characters XML 1.0 does not allow anywhere in a document. */
export const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export interface CsvField {
  value: string;
  quoted: boolean;
}

/** RFC 4180: fields split by commas, records by CRLF (a lone LF is accepted); "" inside quotes is ". */
export function readCsv(text: string): CsvField[][] {
  const records: CsvField[][] = [];
  let record: CsvField[] = [];
  let i = 0;
  const atRecordEnd = () =>
    i >= text.length || text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n');
  while (i < text.length) {
    let field: CsvField;
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('CSV: unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      if (!(atRecordEnd() || text[i] === ',')) throw new Error(`CSV: text after closing quote at ${i}`);
      field = { value, quoted: true };
    } else {
      const start = i;
      while (!atRecordEnd() && text[i] !== ',') {
        if (text[i] === '"') throw new Error(`CSV: quote inside unquoted field at ${i}`);
        i++;
      }
      field = { value: text.slice(start, i), quoted: false };
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
      // A comma at the very end of the text still opens one (empty) last field.
      if (i >= text.length) {
        record.push({ value: '', quoted: false });
        records.push(record);
      }
    } else {
      i += text[i] === '\r' ? 2 : 1;
      records.push(record);
      record = [];
    }
  }
  return records;
}

/** CSV rows as objects keyed by header field; absent (unquoted empty) fields are left out. */
export function csvObjects(text: string): { header: string[]; rows: Map<string, CsvField>[] } {
  const [headerFields, ...records] = readCsv(text);
  const header = headerFields.map((field) => field.value);
  const rows = records.map((record) => {
    if (record.length !== header.length) {
      throw new Error(`CSV: record of ${record.length} fields under a header of ${header.length}`);
    }
    const row = new Map<string, CsvField>();
    record.forEach((field, index) => {
      if (field.quoted || field.value !== '') row.set(header[index], field);
    });
    return row;
  });
  return { header, rows };
}
