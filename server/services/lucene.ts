import { normalizeName } from '../../vocabulary/keys';

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

/**
 * A Lucene query for the entity_names index: every term must match, as itself (boosted), as a
 * prefix, or (for terms of 4+ characters) fuzzily. Terms are lower-cased, so the words AND/OR/NOT
 * lose their operator meaning, and every special character is escaped, so user input can never
 * change the structure of the query. Returns null when nothing searchable is left.
 */
export function buildLuceneQuery(query: string): string | null {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  const clauses = terms.map((term) => {
    const t = escapeLucene(term);
    const forms = [`${t}^3`, `${t}*`];
    if (term.length >= 4) forms.push(`${t}~1`);
    return `(${forms.join(' OR ')})`;
  });
  return clauses.join(' AND ');
}
