import { entityKey } from '../keys';
import type { Candidate } from './candidate';

/**
 * Event digests ("1. 02 Feb - Virtual conference DataOps Unleashed https://…",
 * "• 12 марта — AI Journey, Москва"): a list line that starts with a date names one event. The name
 * runs to the first URL, sentence end or ", Place"; a format word in front ("Virtual conference",
 * "Online-summit") is dropped and "(ABBR 2022)" wins as the name. The whole line is consumed.
 */

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|январ\\p{L}*|феврал\\p{L}*|март\\p{L}*|апрел\\p{L}*|ма[яй]|июн\\p{L}*|июл\\p{L}*|август\\p{L}*|сентябр\\p{L}*|октябр\\p{L}*|ноябр\\p{L}*|декабр\\p{L}*';
const DATE = `\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?\\s+(?:${MONTHS})\\.?`;
const ITEM = new RegExp(`^\\s*(?:\\d{1,2}[.)]|(?:[•·▪🔹🔸-]|▪️))?\\s*${DATE}\\s*(?:[-–—:]\\s*)?`, 'iu');
const BARE_ITEM = new RegExp(`^\\s*(?:\\d{1,2}[.)]|[•·-])?\\s*${DATE}\\s*$`, 'iu');
const FORMAT_WORDS =
  /^(?:(?:virtual|online|hybrid|in-person|offline|онлайн|офлайн|гибридн\p{L}*)[-\s]*)?(?:conference|summit|meetup|workshop|webinar|конференция|митап|саммит|вебинар|воркшоп)?\s+/iu;

export interface EventLine {
  candidate: Candidate;
  /** The consumed span of the line (no other names are taken from it). */
  start: number;
  end: number;
}

function cutName(rest: string): string {
  let name = rest.split(/\s+https?:\/\/|\s+www\./)[0];
  const abbr = /\(([A-Z][A-Za-z0-9&.'-]*(?:\s+(?:19|20)\d\d)?)\)/.exec(name);
  if (abbr) return abbr[1];
  name = name.split(/\.\s|,\s/)[0];
  name = name.replace(/[.,:;]+$/, '').trim();
  const stripped = name.replace(FORMAT_WORDS, '');
  return stripped.length >= 3 ? stripped : name;
}

export function findEventLines(text: string, sentenceOf: (offset: number) => number): EventLine[] {
  const out: EventLine[] = [];
  let pos = 0;
  let pendingBare = false;
  for (const line of text.split('\n')) {
    const lineStart = pos;
    pos += line.length + 1;
    let rest: string | null = null;
    let restAt = 0;
    const item = ITEM.exec(line);
    if (BARE_ITEM.test(line)) {
      pendingBare = true;
      continue;
    }
    if (item && item[0].length < line.length) {
      rest = line.slice(item[0].length);
      restAt = item[0].length;
    } else if (pendingBare && /^\s*[-–—]\s*\S/.test(line)) {
      const m = /^\s*[-–—]\s*/.exec(line)!;
      rest = line.slice(m[0].length);
      restAt = m[0].length;
    }
    pendingBare = false;
    if (!rest || !/[A-ZА-ЯЁ]/.test(rest.charAt(0) || rest.trim().charAt(0))) continue;
    const name = cutName(rest.trim());
    if (name.length < 3 || /^\d/.test(name)) continue;
    const at = line.indexOf(name, restAt);
    const start = lineStart + (at >= 0 ? at : restAt);
    out.push({
      candidate: {
        surface: name,
        start,
        end: start + name.length,
        sentence: sentenceOf(start),
        name,
        key: entityKey(name),
        type: 'Event',
        votes: {},
        aliases: name === rest.trim() ? [] : [],
      },
      start: lineStart,
      end: lineStart + line.length,
    });
  }
  return out;
}
