import type { Candidate } from './candidate';
import { isMeasure } from './name-shape';

/**
 * The filter stage: candidates that look like names but are none (a licence, a measure such as
 * "22B-parameter") are stopped before typing and merging.
 */

/** "под лицензией MIT", "MIT License": a licence, not the institute. */
function isLicence(text: string, c: Candidate): boolean {
  return (
    /лицензи\p{L}*\s+$|licen[sc]ed?\s+(?:under\s+)?(?:the\s+)?$/iu.test(
      text.slice(Math.max(0, c.start - 30), c.start),
    ) ||
    /^\s*licen[sc]e/i.test(text.slice(c.end, c.end + 10)) ||
    /\s(?:Licen[sc]e|License Agreement)$|-licen[sc]ed$/i.test(c.name)
  );
}

/** Stops the licences and measures among one sentence's candidates. */
export function filterCandidates(found: Candidate[], text: string): void {
  for (const c of found) if (isLicence(text, c) || (!c.known && isMeasure(c.name))) c.stop = true;
}
