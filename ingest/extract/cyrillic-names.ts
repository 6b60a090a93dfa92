import type { EntityType } from '../model';
import type { Candidate } from './candidate';
import { EVENT_NOUNS } from './event-words';
import { cachedEntityKey as entityKey } from './key-cache';
import type { Knowledge } from './knowledge';

/**
 * Russian-script names are only known from the knowledge files, except after a cue noun:
 * «quoted» names ("стартап «Робовизор»", "модель «Кандинский»") and a capitalised word right
 * after "компания", "стартап", "банк" ("компания Нейрохолд"), which in Russian stays in the
 * nominative as an apposition.
 */

const CUE_TYPES: [RegExp, EntityType][] = [
  [
    /^(?:компани|стартап|банк|холдинг|лаборатори|университет|институт|фонд|корпораци|организаци)/i,
    'Organization',
  ],
  [/^(?:сервис|приложени|платформ|продукт|ассистент|чат-бот|бот)/i, 'Product'],
  [/^(?:модел|нейросет)/i, 'Model'],
  [/^(?:библиотек|фреймворк|пакет)/i, 'Library'],
  [/^(?:датасет|бенчмарк|корпус)/i, 'Dataset'],
  [new RegExp(`^(?:${EVENT_NOUNS})`, 'iu'), 'Event'],
];

const QUOTED =
  /(?<![\p{L}])((?:компани|стартап|банк|холдинг|лаборатори|университет|институт|фонд|корпораци|организаци|сервис|приложени|платформ|продукт|ассистент|чат-бот|бот|модел|нейросет|библиотек|фреймворк|пакет|датасет|бенчмарк|корпус)\p{L}*)\s+(?:«([^»\n]{2,60})»|"([^"\n]{2,60})"|([А-ЯЁA-Z][а-яёa-z]+(?:-[А-ЯЁA-Z]?[а-яёa-z]+)?))/giu;

function typeOfCue(cue: string): EntityType | null {
  for (const [re, type] of CUE_TYPES) if (re.test(cue)) return type;
  return null;
}

export function findCyrillicNames(
  text: string,
  k: Knowledge,
  sentenceAt: (offset: number) => number,
  taken: (start: number, end: number) => boolean,
): Candidate[] {
  if (!/[«"]|компани|стартап|банк/i.test(text)) return [];
  const out: Candidate[] = [];
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
    const name = (m[2] ?? m[3] ?? m[4]).trim();
    const bare = m[4] !== undefined;
    // A bare capitalised word counts only when it is Cyrillic and after an organisation cue.
    const type = typeOfCue(m[1]);
    if (!type || (bare && (type !== 'Organization' || !/^[А-ЯЁ][а-яё]/.test(name)))) continue;
    if (bare && (k.russianFirstNames.has(name.toLowerCase()) || k.byName.has(name.toLowerCase()))) continue;
    const start = m.index + m[0].lastIndexOf(name);
    const end = start + name.length;
    if (taken(start, end)) continue;
    out.push({
      surface: name,
      start,
      end,
      sentence: sentenceAt(start),
      name,
      key: entityKey(name),
      type,
      votes: {},
      aliases: [],
    });
  }
  return out;
}
