/** Small character-level helpers shared by the extract modules. */

const CYRILLIC = /[\u0400-\u04FF]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;

export function hasCyrillic(s: string): boolean {
  return CYRILLIC.test(s);
}

export function hasLatin(s: string): boolean {
  return LATIN_LETTER.test(s);
}

const UPPER_FIRST = /^\p{Lu}/u;

export function isUpperFirst(s: string): boolean {
  return UPPER_FIRST.test(s);
}

/** Latin and Cyrillic letters, digits and a few joiners: already in normal form, only case to fold. */
const PLAIN = /^[A-Za-z0-9\u0400-\u04FF.+&_-]+(?: [A-Za-z0-9\u0400-\u04FF.+&_-]+)*$/;

/** Lower-case, ё→е, all dash variants → "-": the form names are compared in. */
export function foldName(s: string): string {
  // Fast path for plain ASCII names (most lookups): nothing to normalise but case and spaces.
  if (PLAIN.test(s)) return s.toLowerCase().replace(/ё/g, 'е');
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[«»"“”„`]/g, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Letters and digits only, lower-case: "AV-HuBERT" and "av_hubert" both give "avhubert". */
export function compactName(s: string): string {
  return foldName(s).replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * True when `short` reads as an abbreviation of `long`: same first letter and its letters appear
 * in order in the long form ("RETRO" / "Retrieval-Enhanced Transformer", "MvM" / "Manifold Matching via Metric Learning").
 */
export function isAbbreviationOf(short: string, long: string): boolean {
  const s = compactName(short);
  const l = compactName(long);
  if (s.length < 2 || l.length <= s.length || s[0] !== l[0]) return false;
  let i = 0;
  for (const ch of l) if (ch === s[i]) i += 1;
  return i >= s.length;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lines of code or shell commands inside a post: no names are looked for there. */
export function isCodeLine(line: string): boolean {
  const t = line.trim();
  return (
    /^(?:pip3?|conda|npm|yarn|git|python3?|import|from\s+\S+\s+import|\$|>>>|#include|!pip)\s/.test(t) ||
    /^[\w.[\]'"]+\s*=\s*\S/.test(t) ||
    /^[\w.]+\([^)]*\)[\w.()]*;?$/.test(t) ||
    /^[[{(]\s*['"{[]/.test(t) ||
    /^[\]})]+[,;)]*$/.test(t)
  );
}
