import type { Candidate } from './candidate';
import { isAbbreviationOf } from './text-utils';

/**
 * Names that a sentence gives twice: "MvM (Manifold Matching via Metric Learning)",
 * "Retrieval-Enhanced Transformer (RETRO)", "(HOD, hierarchical outlier detection)",
 * "Fairseq или Facebook AI Research Sequence-to-Sequence Toolkit". The short form becomes the
 * canonical name and the long one an alias, so both mentions land on one entity.
 */

function join(canonical: Candidate, other: Candidate): void {
  other.name = canonical.name;
  other.key = canonical.key;
  other.known = canonical.known;
  other.type = canonical.type;
  const stop = !!(canonical.stop || other.stop);
  canonical.stop = other.stop = stop;
  canonical.weak = other.weak = false;
  if (!canonical.aliases.includes(other.surface)) canonical.aliases.push(other.surface);
}

/** Joins `a` and `b` when one abbreviates the other; the shorter becomes canonical. */
function joinIfAbbreviation(a: Candidate, b: Candidate): boolean {
  if (a.key === b.key) return false;
  if (isAbbreviationOf(b.surface, a.surface) && !a.known) {
    join(b, a);
    return true;
  }
  if (isAbbreviationOf(a.surface, b.surface) && !b.known) {
    join(a, b);
    return true;
  }
  return false;
}

const OR_WORDS = /^\s*(?:,\s*)?(?:или|or|aka|a\.k\.a\.|также известн\S* как|also known as)\s*$/i;

/** `text` is the post text; candidates are those of one sentence, sorted by start. */
export function resolveSentenceAliases(cands: Candidate[], text: string): void {
  for (let i = 0; i < cands.length; i++) {
    const b = cands[i];
    const before = text.slice(Math.max(0, b.start - 2), b.start);
    const after = text.slice(b.end, b.end + 200);
    const a = cands[i - 1];
    const gap = a ? text.slice(a.end, b.start) : '';
    if (a && /^\s*\(\s*$/.test(gap) && /^\s*[),]/.test(after)) {
      if (joinIfAbbreviation(a, b)) continue;
    }
    if (a && OR_WORDS.test(gap) && joinIfAbbreviation(a, b)) continue;
    // "KAN: Kolmogorov-Arnold Networks" opening a line: an acronym and its expansion.
    if (a && /^\s*:\s*$/.test(gap) && /(?:^|\n)\s*$/.test(text.slice(0, a.start)) && joinIfAbbreviation(a, b))
      continue;
    if (/\(\s*$/.test(before)) {
      // "(HOD, hierarchical outlier detection)": the plain-text long form after the comma.
      const long = /^\s*,\s*([A-Za-z][A-Za-z -]{3,80}?)\s*\)/.exec(after);
      if (long && isAbbreviationOf(b.surface, long[1])) {
        b.aliases.push(long[1]);
        // Names found inside the long form are the same thing ("Long Short-Term Memory").
        const close = b.end + long[0].length;
        for (const c of cands) if (c !== b && c.start > b.end && c.end <= close) join(b, c);
        continue;
      }
      // "LIME - ... (Local Interpretable Model-Agnostic Explanations)": the long form of an earlier name.
      if (/^\s*\)/.test(after) && !(a && /^\s*\(\s*$/.test(gap))) {
        for (let j = i - 1; j >= 0; j--) if (joinIfAbbreviation(cands[j], b)) break;
      }
    }
  }
}
