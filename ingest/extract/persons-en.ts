import { cachedEntityKey as entityKey } from './key-cache';
import type { Candidate } from './candidate';
import type { Knowledge } from './knowledge';
import { isOrganisationHead } from './cues';
import { looksLikeThing } from './name-shape';
import { isUpperFirst } from './text-utils';

/**
 * English persons that the given-name list misses ("Jensen Huang", "Greg Yang"), found by
 * compromise's people() on English sentences only (it mangles Cyrillic). compromise is slow (about
 * 0.13 MB/s when tagging) and takes 0.6 s to load, so it is loaded on first need and run only on
 * sentences with two adjacent capitalised words that no other finder explained.
 */

interface CompromiseDoc {
  people(): {
    json(opts: { offset: boolean }): { text: string; offset: { start: number; length: number } }[];
  };
}
type Nlp = (text: string) => CompromiseDoc;

let nlp: Nlp | null = null;
function compromise(): Nlp {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  nlp ??= require('compromise') as Nlp;
  return nlp;
}

const WHO_AFTER_PAIR = /(?<![\p{L}])(\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+)(?=,\s+who\s)/gu;
const CAPITALISED_PAIR = /(?<![\p{L}])(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+)/gu;

/**
 * Whether compromise is worth running on an English sentence given the candidates found so far:
 * a capitalised pair that no finder typed, whose first word is no common word ("Data Science",
 * "Deep Learning") and which is no place ("San Francisco").
 */
export function needsPersonTagger(
  sentence: string,
  sentenceStart: number,
  found: Candidate[],
  k?: Knowledge,
): boolean {
  CAPITALISED_PAIR.lastIndex = 0;
  for (let m = CAPITALISED_PAIR.exec(sentence); m; m = CAPITALISED_PAIR.exec(sentence)) {
    CAPITALISED_PAIR.lastIndex = m.index + m[1].length + 1;
    const first = m[1].toLowerCase();
    if (
      k &&
      (k.commonEnglish.has(first) ||
        k.notEntities.has(first) ||
        k.places.has(`${first} ${m[2].toLowerCase()}`))
    )
      continue;
    const start = sentenceStart + m.index;
    const end = start + m[0].length;
    if (!found.some((c) => (c.known || c.type || c.votes.Event) && c.start < end && start < c.end))
      return true;
  }
  return false;
}

export function findEnglishPersons(
  sentence: string,
  sentenceStart: number,
  sentenceIndex: number,
  k: Knowledge,
): Candidate[] {
  const out: Candidate[] = [];
  const found = compromise()(sentence)
    .people()
    .json({ offset: true })
    .map((p) => p.offset);
  // "Neel Nanda, who leads …": a relative "who" after a capitalised pair says it is a person, names
  // the tagger does not know included.
  WHO_AFTER_PAIR.lastIndex = 0;
  for (let m = WHO_AFTER_PAIR.exec(sentence); m; m = WHO_AFTER_PAIR.exec(sentence))
    if (!found.some((o) => o.start <= m!.index && m!.index < o.start + o.length))
      found.push({ start: m.index, length: m[1].length });
  for (const { start, length } of found) {
    const surface = sentence.slice(start, start + length).replace(/[\s.,;:!?'’]+$/, '');
    // "Kolmogorov-Arnold Networks": a name glued to the word before it by a hyphen is part of a compound.
    if (start > 0 && /[-‐]/.test(sentence[start - 1])) continue;
    const words = surface.split(/\s+/);
    if (words.length < 2 || words.length > 3) continue;
    if (!words.every((w) => isUpperFirst(w) && /^[\p{L}.'-]+$/u.test(w))) continue;
    if (words.some((w) => k.byName.has(w.toLowerCase()) || k.notEntities.has(w.toLowerCase()))) continue;
    // "Grace Blackwell Superchip", "Grace CPU": a hardware or product word makes it a thing.
    if (looksLikeThing(words, sentence.slice(start + surface.length))) continue;
    // "Sierra Club", "Sierra Hiking Club": a name that goes on (or ends) with an organisation word.
    const next = /^\s+(\p{Lu}\p{Ll}+)/u.exec(sentence.slice(start + surface.length))?.[1];
    if (isOrganisationHead(words[words.length - 1]) || (next && isOrganisationHead(next))) continue;
    out.push({
      surface,
      start: sentenceStart + start,
      end: sentenceStart + start + surface.length,
      sentence: sentenceIndex,
      name: surface,
      key: entityKey(surface),
      type: 'Person',
      votes: {},
      aliases: [],
    });
  }
  return out;
}
