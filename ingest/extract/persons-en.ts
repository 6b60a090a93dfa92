import { cachedEntityKey as entityKey } from './key-cache';
import type { Candidate } from './candidate';
import type { Knowledge } from './knowledge';
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
  for (const p of compromise()(sentence).people().json({ offset: true })) {
    const { start, length } = p.offset;
    const surface = sentence.slice(start, start + length).replace(/[\s.,;:!?'’]+$/, '');
    const words = surface.split(/\s+/);
    if (words.length < 2 || words.length > 3) continue;
    if (!words.every((w) => isUpperFirst(w) && /^[\p{L}.'-]+$/u.test(w))) continue;
    if (words.some((w) => k.byName.has(w.toLowerCase()) || k.notEntities.has(w.toLowerCase()))) continue;
    // "Grace Blackwell Superchip", "Grace CPU": a hardware or product word makes it a thing.
    if (looksLikeThing(words, sentence.slice(start + surface.length))) continue;
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
