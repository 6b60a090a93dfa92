import { EVENT_FORMATS, EVENT_HEAD_WORDS, EVENT_NOUNS } from './event-words';
import { cachedEntityKey as entityKey } from './key-cache';
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
const FORMAT_WORDS = new RegExp(`^(?:(?:${EVENT_FORMATS})[-\\s]*)?(?:${EVENT_NOUNS})?\\s+`, 'iu');

export interface EventLine {
  /** Null for a bare date line ("1. 02 Feb") whose event follows on the next line. */
  candidate: Candidate | null;
  /** The consumed span of the line (no other names are taken from it). */
  start: number;
  end: number;
}

const EVENT_HEAD = new RegExp(`(?<![\\p{L}])(?:${EVENT_HEAD_WORDS})(?![\\p{L}])`, 'iu');

/** The event name of a digest line, or null when the line names an organiser and a place only. */
function cutName(rest: string, isPlace: (s: string) => boolean): { name: string; aliases: string[] } | null {
  let name = rest.split(/\s+https?:\/\/|\s+www\./)[0];
  const abbr = /\(([A-Z][A-Za-z0-9&.'-]*(?:\s+(?:19|20)\d\d)?)\)/.exec(name);
  if (abbr) {
    const long = name.slice(0, abbr.index).replace(FORMAT_WORDS, '').trim();
    return { name: abbr[1], aliases: long.length > 3 ? [long] : [] };
  }
  name = name.split(/\.\s|,\s/)[0];
  name = name.replace(/[.,:;]+$/, '').trim();
  const stripped = name.replace(FORMAT_WORDS, '');
  if (stripped.length >= 3) name = stripped;
  // "RE.WORK San Francisco, CA": an organiser in a city, the events follow on the next lines.
  const words = name.split(/\s+/);
  for (let i = 1; i < words.length; i++)
    if (isPlace(words.slice(i).join(' ')) && !EVENT_HEAD.test(name)) return null;
  return { name, aliases: [] };
}

export function findEventLines(
  text: string,
  sentenceOf: (offset: number) => number,
  isPlace: (s: string) => boolean = () => false,
): EventLine[] {
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
      out.push({ candidate: null, start: lineStart, end: lineStart + line.length });
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
    if (!rest || !/[A-ZА-ЯЁ\d]/.test(rest.trim().charAt(0))) continue;
    const cut = cutName(rest.trim(), isPlace);
    if (!cut || cut.name.length < 3 || /^\d+$/.test(cut.name)) {
      out.push({ candidate: null, start: lineStart, end: lineStart + line.length });
      continue;
    }
    const { name, aliases } = cut;
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
        aliases,
      },
      start: lineStart,
      end: lineStart + line.length,
    });
  }
  return out;
}
