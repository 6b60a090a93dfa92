/**
 * One normal form for post text whatever the export: "\n" line ends, no trailing spaces, at most
 * one blank line between paragraphs, no blank lines at the ends.
 */
export function normalizePostText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00A0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
