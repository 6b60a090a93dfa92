import type { Candidate } from './candidate';
import type { Knowledge } from './knowledge';
import { firstNameForms, stemKey, stemRu, surnameNominative, type FirstNameForm } from './russian';
import { foldName, hasCyrillic, isUpperFirst } from './text-utils';
import type { Token } from './tokens';

/**
 * Russian persons: a known given name (in any case) followed by a capitalised Cyrillic surname,
 * brought to the nominative ("с Алексом Крижевским" → "Алекс Крижевский"). Patronymics are skipped.
 * The key is the stem key, so every case form of the name lands on one entity.
 */

let formsCache: { source: Map<string, 'm' | 'f'>; forms: Map<string, FirstNameForm> } | null = null;

function formsOf(k: Knowledge): Map<string, FirstNameForm> {
  if (!formsCache || formsCache.source !== k.russianFirstNames)
    formsCache = { source: k.russianFirstNames, forms: firstNameForms(k.russianFirstNames) };
  return formsCache.forms;
}

const PATRONYMIC = /(?:ович|евич|ич|овна|евна|ична|инична)$/;

function isSurnameWord(t: Token | undefined): t is Token {
  return (
    !!t && hasCyrillic(t.text) && isUpperFirst(t.text) && /^[\p{L}-]+$/u.test(t.text) && t.text.length > 1
  );
}

export function findRussianPersons(
  tokens: Token[],
  text: string,
  offset: number,
  sentence: number,
  k: Knowledge,
  out: Candidate[],
): void {
  const forms = formsOf(k);
  for (let i = 0; i < tokens.length - 1; i++) {
    const first = tokens[i];
    if (!isUpperFirst(first.text) || !hasCyrillic(first.text)) continue;
    const form = forms.get(foldName(first.text));
    if (!form) continue;
    let j = i + 1;
    if (isSurnameWord(tokens[j]) && PATRONYMIC.test(tokens[j].text) && isSurnameWord(tokens[j + 1])) j += 1;
    const last = tokens[j];
    if (!isSurnameWord(last)) continue;
    if (!/^ +$/.test(text.slice(tokens[j - 1].end - offset, last.start - offset))) continue;
    if (k.russianFirstNames.has(foldName(last.text)) || k.byName.has(foldName(last.text))) continue;
    const name = `${form.nominative} ${surnameNominative(last.text, form.gender, form.case)}`;
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
    i = j;
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
