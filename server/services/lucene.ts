import { normalizeName } from '../../vocabulary/keys';
import { spellingVariants } from './spelling';

/** Characters with a meaning in Lucene query syntax; each is escaped with a backslash. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * Terms of a user query split the way Lucene's standard tokenizer splits the indexed names
 * ("gpt-4o" -> gpt, 4o; "av_hubert" and "3.5" stay whole), lower case, ё as е.
 */
export function searchTerms(query: string): string[] {
  return normalizeName(query)
    .split(/[^\p{L}\p{N}_.]+/u)
    .map((t) => t.replace(/^\.+|\.+$/g, ''))
    .filter((t) => t.length > 0);
}

/** "gpt4" -> ["gpt", "4"]: a term written without the hyphen the indexed name has ("GPT-4"). */
function letterDigitParts(term: string): string[] {
  return term.split(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u);
}

/**
 * One spelling's clause: every term must match, as itself (boosted), as a prefix, as its
 * letter/digit parts in a row ("gpt4" finds "GPT-4") or fuzzily. A spelling in the other script
 * is a guess at how the name is written, so it may be two edits off ("visper" -> "whisper").
 */
function spellingClause(spelling: string, guessed: boolean): string | null {
  const terms = searchTerms(spelling);
  if (terms.length === 0) return null;
  const clauses = terms.map((term) => {
    const t = escapeLucene(term);
    const forms = [`${t}^3`, `${t}*`];
    const parts = letterDigitParts(term);
    if (parts.length > 1) forms.push(`"${parts.map(escapeLucene).join(' ')}"^3`);
    if (guessed && term.length >= 5) forms.push(`${t}~2`);
    else if (term.length >= 4) forms.push(`${t}~1`);
    return `(${forms.join(' OR ')})`;
  });
  return clauses.join(' AND ');
}

/**
 * A Lucene query for the entity_names index: the query as typed or as transliterated into the
 * other script (server/services/spelling.ts), each a clause of its terms. Terms are lower-cased, so
 * the words AND/OR/NOT lose their operator meaning, and every special character is escaped, so user
 * input can never change the structure of the query. Returns null when nothing searchable is left.
 */
export function buildLuceneQuery(query: string): string | null {
  const clauses = spellingVariants(query)
    .map((spelling, i) => spellingClause(spelling, i > 0))
    .filter((c): c is string => c !== null);
  if (clauses.length === 0) return null;
  if (clauses.length === 1) return clauses[0];
  return clauses.map((c) => `(${c})`).join(' OR ');
}
