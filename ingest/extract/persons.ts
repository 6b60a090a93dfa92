import type { Candidate } from './candidate';
import type { Knowledge } from './knowledge';
import { parses } from './morphology';
import { firstNameForms, stemKey, stemRu, surnameNominative, type Case, type FirstNameForm } from './russian';
import { foldName, hasCyrillic, isUpperFirst } from './text-utils';
import type { Token } from './tokens';

/**
 * Persons written in Cyrillic: a run of two or three capitalised words holding a given name, known
 * from the first-name list or read by the morphological analyser (its Name grammeme: "Джеффри",
 * "Марк", "Ванг"), in any case and any order ("Хон-Юань Марк Ляо", "Чиен-Яо Ванг"). Each word is
 * brought to the nominative in the given name's case and gender ("с Андреем Карпатым" → "Андрей
 * Карпатый"). The key is the stem key, so every case form of the name lands on one entity.
 */

let formsCache: { source: Map<string, 'm' | 'f'>; forms: Map<string, FirstNameForm> } | null = null;

function formsOf(k: Knowledge): Map<string, FirstNameForm> {
  if (!formsCache || formsCache.source !== k.russianFirstNames)
    formsCache = { source: k.russianFirstNames, forms: firstNameForms(k.russianFirstNames) };
  return formsCache.forms;
}

const PATRONYMIC = /(?:ович|евич|ич|овна|евна|ична|инична)$/;
const AZ_CASE: Record<Case, string> = {
  nom: 'nomn',
  gen: 'gent',
  dat: 'datv',
  acc: 'accs',
  ins: 'ablt',
  pre: 'loct',
};
const LIST_CASE = new Map(Object.entries(AZ_CASE).map(([c, az]) => [az, c as Case]));
const MAX_WORDS = 3;

interface GivenName {
  nominative: string;
  gender: 'm' | 'f';
  /** The cases (az grammemes) this form can be in. */
  cases: Set<string>;
}

function isNameWord(t: Token | undefined): t is Token {
  return (
    !!t && hasCyrillic(t.text) && isUpperFirst(t.text) && /^[\p{L}-]+$/u.test(t.text) && t.text.length > 1
  );
}

/** Capitals as in a name: each hyphen-separated part starts with one ("хон-юань" → "Хон-Юань"). */
function capitalise(word: string): string {
  return word.replace(/(^|-)(\p{L})/gu, (_m, dash: string, ch: string) => dash + ch.toUpperCase());
}

function givenName(word: string, k: Knowledge): GivenName | null {
  const listed = formsOf(k).get(foldName(word));
  const named = parses(word).filter((p) => p.tags.has('Name') && !p.tags.has('plur'));
  if (!listed && named.length === 0) return null;
  if (listed) {
    const cases = new Set([
      AZ_CASE[listed.case],
      ...named.flatMap((p) => [...p.tags].filter((t) => LIST_CASE.has(t))),
    ]);
    return { nominative: listed.nominative, gender: listed.gender, cases };
  }
  const best = named[0];
  return {
    nominative: capitalise(best.lemma),
    gender: best.tags.has('femn') ? 'f' : 'm',
    cases: new Set(named.flatMap((p) => [...p.tags].filter((t) => LIST_CASE.has(t)))),
  };
}

/** Can this word stand in a name beside a given name? Not a place, an organisation or a common word. */
function canBeNamePart(word: string, k: Knowledge): boolean {
  if (k.byName.has(foldName(word)) || k.places.has(word.toLowerCase())) return false;
  const ps = parses(word);
  if (ps.length === 0) return true; // "Ляо": no reading at all, a foreign name
  const top = ps[0];
  // A place or an organisation the dictionary knows; a guess from the ending ("Чиен-Яо" as Geox) is no evidence.
  if ((top.tags.has('Geox') || top.tags.has('Orgn')) && top.inDictionary) return false;
  if (ps.some((p) => p.tags.has('Surn') || p.tags.has('Name') || p.tags.has('Patr'))) return true;
  return !top.inDictionary;
}

/** A surname (or other name word) in the nominative, read in the case and gender of the given name. */
function nominativeOf(word: string, given: GivenName): string {
  if (given.cases.has('nomn')) return word;
  const gender = given.gender === 'f' ? 'femn' : 'masc';
  const ps = parses(word).filter((p) => !p.tags.has('plur') && [...given.cases].some((c) => p.tags.has(c)));
  const fit =
    ps.find((p) => p.tags.has(gender) && p.tags.has('Surn')) ?? ps.find((p) => p.tags.has(gender)) ?? ps[0];
  if (fit) return capitalise(fit.nominative());
  const c = [...given.cases].map((x) => LIST_CASE.get(x)).find(Boolean) ?? 'nom';
  return surnameNominative(word, given.gender, c);
}

export function findRussianPersons(
  tokens: Token[],
  text: string,
  offset: number,
  sentence: number,
  k: Knowledge,
  out: Candidate[],
): void {
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!isNameWord(tokens[i])) continue;
    // The run: capitalised Cyrillic words separated by single spaces.
    let j = i;
    while (
      j + 1 < tokens.length &&
      j - i + 1 < MAX_WORDS + 1 &&
      isNameWord(tokens[j + 1]) &&
      /^ +$/.test(text.slice(tokens[j].end - offset, tokens[j + 1].start - offset))
    )
      j++;
    if (j === i) continue;
    const run = tokens.slice(i, j + 1);
    const at = run.findIndex((t) => givenName(t.text, k));
    if (at < 0) {
      i = j;
      continue;
    }
    const given = givenName(run[at].text, k)!;
    // Words before the given name must look like a name too ("Хон-Юань Марк Ляо"); after it, up to
    // two (a patronymic, then the surname).
    let from = at;
    while (from > 0 && canBeNamePart(run[from - 1].text, k) && !givenName(run[from - 1].text, k)) from--;
    let to = at;
    while (to + 1 < run.length && to - from + 1 < MAX_WORDS && canBeNamePart(run[to + 1].text, k)) {
      to++;
      if (!PATRONYMIC.test(run[to].text)) break;
    }
    if (to === from) {
      i = i + at;
      continue;
    }
    const words = run.slice(from, to + 1);
    const name = words
      .filter((t, n) => n === 0 || n === words.length - 1 || !PATRONYMIC.test(t.text))
      .map((t) => (t === run[at] ? given.nominative : nominativeOf(t.text, given)))
      .join(' ');
    const first = words[0];
    const last = words[words.length - 1];
    out.push({
      surface: text.slice(first.start - offset, last.end - offset),
      start: first.start,
      end: last.end,
      sentence,
      name,
      key: stemKey(name),
      type: 'Person',
      votes: {},
      aliases: [],
    });
    i = tokens.indexOf(last);
  }
}

/** Later bare-surname mentions ("Стрельников рассказал") of persons already found in the post. */
export function findSurnameMentions(
  tokens: Token[],
  sentence: number,
  persons: Map<string, Candidate>,
  taken: (start: number, end: number) => boolean,
  out: Candidate[],
): void {
  if (persons.size === 0) return;
  for (const t of tokens) {
    if (!isUpperFirst(t.text) || taken(t.start, t.end)) continue;
    const person = persons.get(stemRu(t.text));
    if (!person) continue;
    out.push({ ...person, surface: t.text, start: t.start, end: t.end, sentence, votes: {}, aliases: [] });
  }
}
