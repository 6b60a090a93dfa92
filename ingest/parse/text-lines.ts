/**
 * Line classifiers for text copied from a channel's public page (t.me/s/<name>). Each answers one
 * question about one line, so the splitter in tme-text.ts reads as a list of rules.
 */

/** One emoji: a pictograph or flag or keycap, with its skin-tone / variation / joiner tail. */
const EMOJI = String.raw`(?:\p{Extended_Pictographic}|\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3)(?:[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u20E3|\u200D(?:\p{Extended_Pictographic}|\p{Regional_Indicator}))*`;
const LEADING_EMOJI = new RegExp(String.raw`^\s*(?:${EMOJI}\s*)+`, 'u');

/** The emoji run a line starts with ("🙌🏻", "💃🏼🕺🏼"), or "" when it starts otherwise. */
export function leadingEmoji(line: string): string {
  return LEADING_EMOJI.exec(line)?.[0].trim() ?? '';
}

/** The line without its leading emoji and surrounding spaces: how titles are compared. */
export function stripLeadingEmoji(line: string): string {
  return line.replace(LEADING_EMOJI, '').trim();
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

const URL_AT_END = /(?:https?:\/\/|www\.)\S+$/i;
const URL_ANYWHERE = /(?:https?:\/\/|www\.)\S/i;

export function endsWithUrl(line: string): boolean {
  return URL_AT_END.test(line.trim());
}

export function containsUrl(line: string): boolean {
  return URL_ANYWHERE.test(line);
}

/** "Forwarded from Big Data Science" → "Big Data Science". */
export function forwardedFromName(line: string): string | null {
  const m = /^\s*(?:Forwarded from|Переслано (?:от|из))[:\s]+(.+?)\s*$/i.exec(line);
  return m ? m[1] : null;
}

/**
 * Bullet-like emoji that usually mark list items or call-outs inside a post rather than a new
 * post's title.
 */
const BULLET_EMOJI = new Set(
  [
    '🔹',
    '🔸',
    '🔷',
    '🔶',
    '▪',
    '▫',
    '◾',
    '◽',
    '◼',
    '◻',
    '✅',
    '☑',
    '✔',
    '❌',
    '➖',
    '➕',
    '👉',
    '👇',
    '➡',
    '▶',
    '🔘',
    '⚫',
    '⚪',
    '🟢',
    '🔴',
    '🔵',
    '•',
  ].map((e) => e.normalize()),
);

export function isBulletEmoji(emoji: string): boolean {
  const first = [...emoji.replace(/\uFE0F/g, '')][0] ?? '';
  return BULLET_EMOJI.has(first);
}

/** Longest line that is still taken for a title (a title is a headline, not a paragraph). */
export const MAX_TITLE_CHARS = 160;

/**
 * Whether a line reads like a headline: short, no link, and not ending like a sentence or a
 * clause (".", ",", ";"). "!" "?" ":" are allowed ("Все ждали и это свершилось!").
 */
export function looksLikeTitle(line: string): boolean {
  const rest = stripLeadingEmoji(line);
  if (rest.length < 2 || rest.length > MAX_TITLE_CHARS) return false;
  if (containsUrl(rest)) return false;
  if (/[.,;]$/.test(rest) && !/\.\.\.$|…$/.test(rest)) return false;
  return /\p{L}/u.test(rest);
}

/** A line that ends a clause and so cannot end a post: "... such as:", "first,", "A —". */
export function endsOpenClause(line: string): boolean {
  return /[:,;(\-–—]$/.test(line.trim());
}

const COUNT = String.raw`(\d[\d\s.,]*\s?[KkMmКкМм]?)`;

/**
 * Post footer on the page: "1.2K views 10:15", "edited 10:15", "👁 350 10:15 AM"; the page puts no
 * space between its spans, so a copy may read "37.2K views07:47" or "edited 10:15".
 */
const FOOTER = new RegExp(
  String.raw`^(?:👁\s*)?(?:${COUNT}(?:\s*(?:views?|просмотр\p{L}*)\s*|\s+))?(?:(?:edited|изменено)\s*)?(\d{1,2}:\d{2}(?:\s?[AaPp][Mm])?)$|^${COUNT}\s*(?:views?|просмотр\p{L}*)$`,
  'u',
);

export function isPostFooter(line: string): boolean {
  return FOOTER.test(line.trim());
}

/** The "HH:MM" of a footer line, or null. */
export function footerTime(line: string): string | null {
  const m = FOOTER.exec(line.trim());
  const time = m?.[2];
  if (!time) return null;
  const hm = /^(\d{1,2}):(\d{2})\s?([AaPp][Mm])?$/.exec(time);
  if (!hm) return null;
  let hour = Number(hm[1]);
  if (hm[3]) hour = (hour % 12) + (/p/i.test(hm[3]) ? 12 : 0);
  return `${String(hour).padStart(2, '0')}:${hm[2]}`;
}

const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTHS_RU = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const en = MONTHS_EN.findIndex((m) => m.startsWith(w) && w.length >= 3);
  if (en >= 0) return en;
  // Russian genitive: "января", "мая"; match by stem, longest stems first so "ма" does not steal "март".
  for (const i of [...MONTHS_RU.keys()].sort((a, b) => MONTHS_RU[b].length - MONTHS_RU[a].length)) {
    if (w.startsWith(MONTHS_RU[i]) && (MONTHS_RU[i] !== 'ма' || /^ма[йяе]$/.test(w))) return i;
  }
  return -1;
}

export interface DayLine {
  /** "2022-01-25" when the line names the year; null when it does not (the year is never guessed). */
  date: string | null;
}

/**
 * A day separator between posts: "January 25", "25 января 2022", "Jan 25, 2022", "2022-01-25",
 * "25.01.2022". Returns null for any other line.
 */
export function dayLine(line: string): DayLine | null {
  const s = line.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return { date: `${m[1]}-${m[2]}-${m[3]}` };
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return { date: isoDay(Number(m[3]), Number(m[2]) - 1, Number(m[1])) };
  m = /^(\p{L}{3,}\.?)\s+(\d{1,2})(?:,?\s+(\d{4}))?$/u.exec(s);
  if (m && monthIndex(m[1]) >= 0)
    return { date: m[3] ? isoDay(Number(m[3]), monthIndex(m[1]), Number(m[2])) : null };
  m = /^(\d{1,2})\s+(\p{L}{3,}\.?)(?:\s+(\d{4})(?:\s*г\.?)?)?$/u.exec(s);
  if (m && monthIndex(m[2]) >= 0)
    return { date: m[3] ? isoDay(Number(m[3]), monthIndex(m[2]), Number(m[1])) : null };
  return null;
}

function isoDay(year: number, month: number, day: number): string | null {
  if (month < 0 || month > 11 || day < 1 || day > 31) return null;
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
