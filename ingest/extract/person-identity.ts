import type { ExtractedPost } from '../model';
import { hasCyrillic } from './text-utils';

/**
 * One person across scripts: "Андрей Карпатый" and "Andrej Karpathy", "Джеффри Хинтон" and
 * "Geoffrey Hinton" are one node. Names are compared by a sound skeleton of their transliteration
 * (consonants only, letters that spell one sound in either script folded together), surname first;
 * the given names must agree too (same skeleton, or one the start of the other). Within a channel
 * the spelling used most becomes the name and the others its aliases.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Spellings of one sound, longest first: "Джеффри"/"Geoffrey", "Хинтон"/"Hinton", "Суцкевер"/"Sutskever". */
const SOUNDS: [RegExp, string][] = [
  [/dzh|dj|zh|j|g(?=[eiy])/g, 'J'],
  [/sch|sh|ch|tch/g, 'S'],
  [/kh|ck|ch|c(?=[aou])|q|x|k|c/g, 'K'],
  [/ph|f/g, 'F'],
  [/th/g, 't'],
  [/ts|tz|z/g, 'C'],
  [/w|v/g, 'v'],
  [/h/g, ''],
];

function transliterate(word: string): string {
  return [...word.toLowerCase()].map((ch) => CYRILLIC[ch] ?? ch).join('');
}

/** The sound skeleton of one word: consonants, doubled letters once. */
export function skeleton(word: string): string {
  let s = transliterate(word).replace(/[^a-z]/g, '');
  for (const [re, to] of SOUNDS) s = s.replace(re, to);
  return s.replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
}

/** Match key of a two- or three-word person name: the surname's skeleton; null for one word. */
export function personKey(name: string): { surname: string; given: string } | null {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2) return null;
  return { surname: skeleton(words[words.length - 1]), given: skeleton(words[0]) };
}

/** Same person, in two scripts: the surnames sound alike and so do the given names (or one begins the other). */
export function samePerson(a: string, b: string): boolean {
  if (hasCyrillic(a) === hasCyrillic(b)) return false;
  const ka = personKey(a);
  const kb = personKey(b);
  if (!ka || !kb || ka.surname.length < 2 || ka.surname !== kb.surname) return false;
  return ka.given === kb.given || ka.given.startsWith(kb.given) || kb.given.startsWith(ka.given);
}

interface Spelling {
  name: string;
  key: string;
  count: number;
}

/**
 * Joins the persons of a channel's posts written in both scripts: every post then names the person
 * by the spelling the channel uses most (ties: the one seen first), with the others as aliases, and
 * relations follow the new key.
 */
export function unifyPersonsAcrossScripts(posts: ExtractedPost[]): void {
  const spellings = new Map<string, Spelling>();
  for (const p of posts)
    for (const e of p.entities)
      if (e.type === 'Person') {
        const s = spellings.get(e.key) ?? { name: e.name, key: e.key, count: 0 };
        s.count += e.mentions.length || 1;
        spellings.set(e.key, s);
      }
  const list = [...spellings.values()];
  const target = new Map<string, Spelling>();
  const bySurname = new Map<string, Spelling[]>();
  for (const s of list) {
    const k = personKey(s.name);
    if (!k) continue;
    bySurname.set(k.surname, [...(bySurname.get(k.surname) ?? []), s]);
  }
  for (const group of bySurname.values()) {
    for (const s of group) {
      const others = group.filter((o) => o !== s && samePerson(s.name, o.name));
      if (!others.length) continue;
      const best = [s, ...others].reduce((a, b) => (b.count > a.count ? b : a));
      if (best !== s) target.set(s.key, best);
    }
  }
  if (!target.size) return;
  for (const p of posts) {
    for (const e of p.entities) {
      const to = target.get(e.key);
      if (!to) continue;
      if (!e.aliases.includes(e.name)) e.aliases.push(e.name);
      e.aliases = e.aliases.filter((a) => a !== to.name);
      e.name = to.name;
      e.key = to.key;
    }
    // A post that names the person in both scripts now holds two entries with one key: join them.
    const seen = new Map<string, (typeof p.entities)[number]>();
    p.entities = p.entities.filter((e) => {
      const prev = seen.get(e.key);
      if (!prev) {
        seen.set(e.key, e);
        return true;
      }
      for (const a of e.aliases) if (!prev.aliases.includes(a) && a !== prev.name) prev.aliases.push(a);
      prev.mentions = [...prev.mentions, ...e.mentions].sort((a, b) => a.start - b.start);
      return false;
    });
    for (const r of p.relations) {
      const from = target.get(r.fromKey);
      const to = target.get(r.toKey);
      if (from) [r.from, r.fromKey] = [from.name, from.key];
      if (to) [r.to, r.toKey] = [to.name, to.key];
    }
    const ids = new Set<string>();
    p.relations = p.relations.filter((r) => {
      const id = `${r.fromKey}|${r.type}|${r.toKey}`;
      if (r.fromKey === r.toKey || ids.has(id)) return false;
      ids.add(id);
      return true;
    });
  }
}
