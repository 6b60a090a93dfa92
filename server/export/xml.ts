/**
 * XML 1.0 text helpers. XML 1.0 cannot carry most control characters even as character references, so
 * those are removed (with lone UTF-16 surrogates and U+FFFE/U+FFFF); everything else is escaped.
 */

const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A raw CR would be turned into LF by every XML parser (end-of-line normalisation).
  '\r': '&#13;',
};
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  // Parsers replace raw tabs and newlines in attribute values with spaces; references survive.
  '\n': '&#10;',
  '\t': '&#9;',
};

/** Escapes element content. */
export function xmlText(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"'\r]/g, (ch) => TEXT_ESCAPES[ch]);
}

/** Escapes an attribute value (to be written inside double quotes). */
export function xmlAttribute(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"'\r\n\t]/g, (ch) => ATTRIBUTE_ESCAPES[ch]);
}
