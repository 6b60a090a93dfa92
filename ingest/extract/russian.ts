import { newStemmer } from 'snowball-stemmers';
import { foldName } from './text-utils';

/**
 * Russian inflection, just enough to bring a name to one node whatever its case: a Snowball stem
 * as the matching key ("Яндекса", "Яндексом" → "яндекс"), and rules for the nominative of a
 * person's first name and surname ("с Алексом Крижевским" → "Алекс Крижевский").
 */

const stemmer = newStemmer('russian');
const stemCache = new Map<string, string>();

export function stemRu(word: string): string {
  const folded = foldName(word);
  let s = stemCache.get(folded);
  if (s === undefined) {
    s = /[а-я]/.test(folded) ? stemmer.stem(folded) : folded;
    if (stemCache.size > 50000) stemCache.clear();
    stemCache.set(folded, s);
  }
  return s;
}

/** Matching key of a multi-word Russian name: the stems of its words. */
export function stemKey(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => stemRu(w))
    .join(' ');
}

export type Case = 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'pre';
export interface FirstNameForm {
  nominative: string;
  gender: 'm' | 'f';
  case: Case;
}

/** Case endings of given names: [ending of the nominative, ending in the case, case]. */
const MALE_CONSONANT: [string, Case][] = [
  ['а', 'gen'],
  ['у', 'dat'],
  ['ом', 'ins'],
  ['е', 'pre'],
];
const MALE_SOFT: [string, Case][] = [
  ['я', 'gen'],
  ['ю', 'dat'],
  ['ем', 'ins'],
  ['е', 'pre'],
];
const A_STEM: [string, Case][] = [
  ['ы', 'gen'],
  ['е', 'dat'],
  ['у', 'acc'],
  ['ой', 'ins'],
];
const A_STEM_SOFT: [string, Case][] = [
  ['и', 'gen'],
  ['е', 'dat'],
  ['у', 'acc'],
  ['ой', 'ins'],
];
const YA_STEM: [string, Case][] = [
  ['и', 'gen'],
  ['е', 'dat'],
  ['ю', 'acc'],
  ['ей', 'ins'],
];
const IYA_STEM: [string, Case][] = [
  ['ии', 'gen'],
  ['ию', 'acc'],
  ['ией', 'ins'],
];

/** Every inflected form of the given names, pointing at the nominative. */
export function firstNameForms(names: Map<string, 'm' | 'f'>): Map<string, FirstNameForm> {
  const forms = new Map<string, FirstNameForm>();
  const put = (form: string, nominative: string, gender: 'm' | 'f', c: Case) => {
    if (!forms.has(form) || c === 'nom') forms.set(form, { nominative, gender, case: c });
  };
  for (const [name, gender] of names) {
    const nom = name.charAt(0).toUpperCase() + name.slice(1);
    put(name, nom, gender, 'nom');
    if (!/[а-я]$/.test(name)) continue;
    let stem = name;
    let table: [string, Case][] = [];
    if (/ия$/.test(name)) [stem, table] = [name.slice(0, -2), IYA_STEM];
    else if (/я$/.test(name)) [stem, table] = [name.slice(0, -1), YA_STEM];
    else if (/[гкхжшщчц]а$/.test(name)) [stem, table] = [name.slice(0, -1), A_STEM_SOFT];
    else if (/а$/.test(name)) [stem, table] = [name.slice(0, -1), A_STEM];
    else if (/[йь]$/.test(name)) [stem, table] = [name.slice(0, -1), MALE_SOFT];
    else if (gender === 'm' && /[бвгдзклмнпрстфхцчшщ]$/.test(name)) [stem, table] = [name, MALE_CONSONANT];
    for (const [ending, c] of table) put(stem + ending, nom, gender, c);
    if (table === MALE_CONSONANT || table === MALE_SOFT)
      put(stem + (table === MALE_SOFT ? 'я' : 'а'), nom, gender, 'gen');
  }
  return forms;
}

/** Nominative of a surname seen in case `c` next to a first name of `gender`. */
export function surnameNominative(surname: string, gender: 'm' | 'f', c: Case): string {
  if (c === 'nom' || !/[а-яё]$/i.test(surname)) return surname;
  const rules: [RegExp, string][] =
    gender === 'f'
      ? [
          [/(ск|цк)(ой|ую)$/, '$1ая'],
          [/(ов|ев|ёв|ин|ын)(ой|у)$/, '$1а'],
        ]
      : [
          [/(ск|цк)(ого|ому|им|ом)$/, '$1ий'],
          [/(ск|цк)(ой)$/, '$1ой'],
          [/(ов|ев|ёв|ин|ын)(а|у|ым|е)$/, '$1'],
          [/([^аеиоуыэюя])(ого|ому|ым|ом)$/, '$1ый'],
          [/(ь|й)$/, '$1'],
          [/([^аеиоуыэюяьй])(а|у|ом|е)$/, '$1'],
          [/([^аеиоуыэюя])(я|ю|ем)$/, '$1ь'],
        ];
  for (const [re, to] of rules) if (re.test(surname)) return surname.replace(re, to);
  return surname;
}
