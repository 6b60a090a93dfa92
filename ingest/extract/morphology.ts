import { readFileSync } from 'node:fs';
import path from 'node:path';
import Az, { type AzParse } from 'az';

/**
 * Russian morphology from a dictionary analyser: az (npm "az", OpenCorpora dictionaries shipped in
 * the package, nothing fetched at run time). Lemmas let cue verbs and nouns match in any form
 * ("представлена", "выпустили" → "представить", "выпустить"), the Name grammeme finds given names the
 * first-name list lacks ("Джеффри", "Марк"), and case and gender bring a person's name to the
 * nominative ("с Андреем Карпатым" → "Андрей Карпатый").
 *
 * az loads its dictionaries with callbacks; the extractor is synchronous, so the files are read
 * synchronously and the callbacks run before init returns (az.load is its documented loader hook).
 */

export interface WordParse {
  /** Lower-case dictionary form. */
  lemma: string;
  /** Part of speech (NOUN, VERB, PRTS, ADJF…). */
  pos: string;
  /** Grammemes of the form: case (nomn, gent, ablt…), gender (masc, femn), Name, Surn, Geox, Orgn… */
  tags: ReadonlySet<string>;
  score: number;
  /** Found in the dictionary, not guessed from its ending. */
  inDictionary: boolean;
  /** This word form brought to the nominative singular (gender kept), lower case. */
  nominative(): string;
}

export interface MorphologyStats {
  loadMs: number;
  heapMb: number;
}

const DICTS = path.join(path.dirname(require.resolve('az/package.json')), 'dicts');
let ready = false;
let stats: MorphologyStats | null = null;
const cache = new Map<string, WordParse[]>();

function init(): void {
  if (ready) return;
  const started = performance.now();
  const heapBefore = process.memoryUsage().heapUsed;
  const pending: (() => void)[] = [];
  Az.load = (url, type, callback) => {
    const data = readFileSync(url);
    pending.push(() =>
      callback(
        null,
        type === 'json'
          ? JSON.parse(data.toString('utf8'))
          : data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
      ),
    );
  };
  let failure: Error | null = null;
  Az.Morph.init(DICTS, (err) => {
    failure = err;
  });
  // az counts the files it waits for; run their callbacks only once every load has been asked for.
  while (pending.length) pending.shift()!();
  if (failure) throw new Error(`ingest/extract: Russian dictionaries in ${DICTS}: ${String(failure)}`);
  ready = true;
  stats = {
    loadMs: performance.now() - started,
    heapMb: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20,
  };
}

function grammemes(tag: { toString(): string }): Set<string> {
  return new Set(tag.toString().split(/[ ,]/).filter(Boolean));
}

/**
 * Every reading of a Cyrillic word, most likely first (Latin words have none). The word is given as
 * written: az reads given names and surnames only when capitalised.
 */
export function parses(word: string): WordParse[] {
  let out = cache.get(word);
  if (out) return out;
  out = [];
  if (/[а-яё]/i.test(word)) {
    init();
    for (const p of Az.Morph(word)) {
      const tags = grammemes(p.tag);
      // Some guessed readings (unknown words with a hyphen) have no dictionary form.
      const lemma = ((p.normalize() as AzParse | false) || p).word ?? word.toLowerCase();
      out.push({
        lemma: lemma.toLowerCase().replace(/ё/g, 'е'),
        pos: p.tag.POS ?? '',
        tags,
        score: p.score,
        inDictionary: String((p as unknown as { parser?: unknown }).parser) === 'Dictionary',
        nominative: () => {
          if (tags.has('nomn') && !tags.has('plur')) return p.word;
          const gender = tags.has('femn') ? ['femn'] : tags.has('masc') ? ['masc'] : [];
          const to = p.inflect(['nomn', 'sing', ...gender]) || p.inflect(['nomn']);
          return to ? to.word : p.word;
        },
      });
    }
  }
  if (cache.size > 200_000) cache.clear();
  cache.set(word, out);
  return out;
}

/** Dictionary forms of a word in any of its readings ("стали" → "стать", "сталь"). */
export function lemmasOf(word: string): Set<string> {
  return new Set(parses(word).map((p) => p.lemma));
}

/** How long the dictionaries took to load and the heap they hold (null until first used). */
export function morphologyStats(): MorphologyStats | null {
  return stats;
}
