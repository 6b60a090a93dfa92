import type { ChannelInfo } from '../model';

/**
 * The channel header at the top of a copied t.me/s page:
 *   Deep Dive 2 Deep Learning / 380 subscribers / 23 photos / ... / <description> / Download Telegram
 */

const COUNTER =
  /^(\d[\d\s.,]*\s?[KkMmКкМм]?)\s+(subscribers?|members?|photos?|videos?|files?|links?|подписчик\p{L}*|участник\p{L}*|фото\p{L}*|видео\p{L}*|файл\p{L}*|ссыл\p{L}*)$/iu;
const PAGE_CHROME =
  /^(?:Download Telegram|View in Telegram|Preview channel|Join channel|Open in Telegram|Please open Telegram to view this post|Media is too big|Скачать Telegram|Открыть в Telegram|If you have Telegram, you can .*)$/i;

export interface Header {
  channel: Omit<ChannelInfo, 'telegramId' | 'username'>;
  /** Index of the first line after the header (0 when the text has no header). */
  bodyStart: number;
}

/** "1.2K" → 1200, "12 345" → 12345, "1,2K" → 1200. */
export function parseCount(raw: string): number | null {
  const s = raw.replace(/\s/g, '');
  const m = /^(\d+(?:[.,]\d+)?)([KkMmКкМм]?)$/.exec(s);
  if (!m) {
    const digits = s.replace(/[.,]/g, '');
    return /^\d+$/.test(digits) ? Number(digits) : null;
  }
  const scale = /[KkКк]/.test(m[2]) ? 1e3 : /[MmМм]/.test(m[2]) ? 1e6 : 1;
  if (scale === 1) return Number(m[1].replace(/[.,]/g, ''));
  return Math.round(Number(m[1].replace(',', '.')) * scale);
}

export function isPageChrome(line: string): boolean {
  return PAGE_CHROME.test(line.trim());
}

/**
 * Reads the header if the text has one: a title line followed (within a few lines) by counters.
 * The description is what lies between the counters and the "Download Telegram" line; without
 * that line the description cannot be told from the first post, so it is left null.
 */
export function readHeader(lines: string[], fallbackTitle: string): Header {
  const firstIdx = lines.findIndex((l) => l.trim() !== '');
  const title = lines[firstIdx]?.trim() ?? fallbackTitle;
  let i = firstIdx + 1;
  let subscribers: number | null = null;
  let counters = 0;
  while (i < lines.length && (lines[i].trim() === '' || COUNTER.test(lines[i].trim()))) {
    const m = COUNTER.exec(lines[i].trim());
    if (m) {
      counters++;
      if (/^(?:subscriber|member|подписчик|участник)/i.test(m[2])) subscribers = parseCount(m[1]);
    }
    i++;
  }
  if (counters === 0) {
    const chrome = lines.findIndex((l, k) => k < 30 && isPageChrome(l));
    if (chrome < 0)
      return { channel: { title: fallbackTitle, subscribers: null, description: null }, bodyStart: 0 };
    return {
      channel: { title, subscribers: null, description: joinDescription(lines.slice(firstIdx + 1, chrome)) },
      bodyStart: chrome + 1,
    };
  }
  const chrome = lines.findIndex((l, k) => k >= i && k < i + 30 && isPageChrome(l));
  if (chrome < 0) return { channel: { title, subscribers, description: null }, bodyStart: i };
  let end = chrome + 1;
  while (end < lines.length && isPageChrome(lines[end])) end++;
  return {
    channel: { title, subscribers, description: joinDescription(lines.slice(i, chrome)) },
    bodyStart: end,
  };
}

function joinDescription(lines: string[]): string | null {
  const text = lines
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
  return text === '' ? null : text;
}
