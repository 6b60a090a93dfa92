import { InputError } from '../errors';
import type { SourceFormat } from '../model';

/** Formats this module reads, in the order they are tried; named in "cannot detect" errors. */
export const SUPPORTED_FORMATS: readonly SourceFormat[] = [
  'telegram-json',
  'telegram-html',
  'tme-html',
  'tme-text',
];

/**
 * Guesses the format from the content (not the file name, which users rename): JSON by its first
 * character, the two HTML exports by their class names, and plain text by the t.me/s header or
 * emoji-led headlines. Only the first 64 KB are looked at.
 */
export function detectFormat(text: string, file: string): SourceFormat {
  const head = text
    .slice(0, 65536)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'telegram-json';
  if (/^<(?:!doctype|html|head|body|div|meta)\b/i.test(head)) {
    if (/tgme_widget_message|tgme_channel_info|tgme_page/.test(head) || /tgme_widget_message/.test(text))
      return 'tme-html';
    if (/class="(?:page_wrap|history|message (?:default|service))/.test(text.slice(0, 1 << 20)))
      return 'telegram-html';
    throw undetectable(
      file,
      'HTML, but neither a Telegram Desktop export (messages.html) nor a saved t.me/s page',
    );
  }
  if (looksLikeChannelText(head)) return 'tme-text';
  throw undetectable(file, 'not JSON, HTML, or text copied from a t.me/s page');
}

function looksLikeChannelText(head: string): boolean {
  const lines = head.split(/\r?\n/, 40);
  if (
    lines
      .slice(0, 12)
      .some((l) => /^\s*\d[\d\s.,]*\s?[KkMmКкМм]?\s+(?:subscribers?|members?|подписчик|участник)/iu.test(l))
  )
    return true;
  if (lines.some((l) => /^(?:Download Telegram|Forwarded from\s)/.test(l))) return true;
  // Without a header: several lines that start with an emoji, as post headlines do.
  const emojiLed = lines.filter((l) => /^\s*\p{Extended_Pictographic}/u.test(l)).length;
  return emojiLed >= 2;
}

function undetectable(file: string, what: string): InputError {
  return new InputError(
    'ingest/detect',
    file,
    `cannot detect the export format (${what})`,
    null,
    `supported formats: ${SUPPORTED_FORMATS.join(', ')}; force one with --format`,
  );
}
