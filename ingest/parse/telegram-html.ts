import { load, type Cheerio, type CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { InputError } from '../errors';
import type { ParsedExport, RawPost } from '../model';
import { htmlToText, inlineText } from './html-text';
import { assertHasPosts, emptyTally, sumTallies, type MessageTally } from './no-posts';
import { assertPostSize, type ParseOptions } from './options';
import { guessUsername } from './username';

/**
 * Telegram Desktop HTML export: messages.html, messages2.html, … are pages of one channel.
 * Each page is parsed alone (parseTelegramHtmlPage); mergeTelegramHtmlPages joins them in message
 * id order, dropping ids seen twice.
 *
 * Dates come from the title of div.date: "07.04.2023 21:08:21 UTC+05:30" → "2023-04-07T21:08:21+05:30".
 * Older exports write no offset ("16.03.2022 14:45:19"): the local time is kept without a zone
 * ("2022-03-16T14:45:19"), as inventing one would be wrong. The HTML export has no edit dates.
 */

const ORIGIN = 'ingest/telegram-html';

/** One parsed page, with what it held besides posts (an export is refused only when no page has posts). */
export interface TelegramHtmlPage extends ParsedExport {
  tally: MessageTally;
}

export function parseTelegramHtmlPage(
  html: string,
  source: string,
  opts: ParseOptions = {},
): TelegramHtmlPage {
  const $ = load(html);
  const history = $('div.history');
  if (history.length === 0) {
    throw new InputError(ORIGIN, source, 'not a Telegram Desktop HTML export: no div.history with messages');
  }
  const posts: RawPost[] = [];
  const tally = emptyTally();
  tally.service = history.find('div.message.service').length;
  tally.messages = tally.service;
  history.find('div.message.default[id^="message"]').each((_, el) => {
    const read = readMessage($, $(el), source, opts);
    tally.messages++;
    if (read === 'service') tally.service++;
    else if (read === 'without text') tally.withoutText++;
    else posts.push(read);
  });
  const title =
    inlineText($('.page_header .text.bold').first()) ||
    source.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return {
    format: 'telegram-html',
    source,
    channel: {
      title,
      username: opts.username?.replace(/^@/, '') ?? null,
      telegramId: null,
      subscribers: null,
      description: null,
    },
    posts,
    warnings: [],
    tally,
  };
}

/** One channel from its pages: posts sorted by message id, duplicates dropped, username guessed once. */
export function mergeTelegramHtmlPages(pages: TelegramHtmlPage[], opts: ParseOptions = {}): ParsedExport {
  if (pages.length === 0) throw new InputError(ORIGIN, '(no files)', 'no HTML pages to merge');
  const source = pages.map((p) => p.source).join(', ');
  assertHasPosts(
    pages.flatMap((p) => p.posts),
    ORIGIN,
    source,
    sumTallies(pages.map((p) => p.tally)),
    `no message blocks (div.message) in ${pages.length === 1 ? 'the page' : 'any of the pages'}: an export of an empty chat?`,
  );
  const warnings = pages.flatMap((p) => p.warnings);
  const title = pages[0].channel.title;
  for (const page of pages.slice(1)) {
    if (page.channel.title !== title) {
      warnings.push(
        `${ORIGIN}: ${page.source}: channel "${page.channel.title}" differs from "${title}" in ${pages[0].source}; merged anyway`,
      );
    }
  }
  const byId = new Map<string, RawPost>();
  for (const post of pages.flatMap((p) => p.posts))
    if (post.messageId && !byId.has(post.messageId)) byId.set(post.messageId, post);
  const posts = [...byId.values()].sort((a, b) => Number(a.messageId) - Number(b.messageId));
  const username = opts.username?.replace(/^@/, '') ?? guessUsername(posts);
  for (const post of posts) post.sourceUrl = username ? `https://t.me/${username}/${post.messageId}` : null;
  return {
    format: 'telegram-html',
    source,
    channel: { ...pages[0].channel, username },
    posts,
    warnings,
  };
}

function readMessage(
  $: CheerioAPI,
  msg: Cheerio<Element>,
  source: string,
  opts: ParseOptions,
): RawPost | 'service' | 'without text' {
  const id = /^message(\d+)$/.exec(msg.attr('id') ?? '')?.[1];
  if (!id) return 'service'; // service rows (date separators) have negative ids: "message-2153"
  const where = `message ${id}`;
  const body = msg.children('.body').first();
  const forwardedBody = body.children('.forwarded.body').first();
  const textEl = (forwardedBody.length ? forwardedBody : body).children('.text').first();
  if (textEl.length === 0) return 'without text'; // media without a caption
  const { text, links } = htmlToText(textEl);
  if (text === '') return 'without text';
  assertPostSize(text, ORIGIN, source, where, opts);
  const replyLink = body.find('.reply_to a').first();
  const replyTo =
    /(?:go_to_message|GoToMessage\()(\d+)/.exec(
      `${replyLink.attr('href') ?? ''} ${replyLink.attr('onclick') ?? ''}`,
    )?.[1] ?? null;
  return {
    messageId: id,
    text,
    date: exportDate(body.children('.date.details').first().attr('title'), source, where),
    edited: null,
    forwardedFrom: forwardedBody.length ? forwardedName(forwardedBody) : null,
    replyTo,
    links,
    sourceUrl: null,
    line: null,
  };
}

/** The name in div.forwarded.body > .from_name, without the original date and "via @bot" that follow it. */
function forwardedName(forwardedBody: Cheerio<Element>): string | null {
  const el = forwardedBody.children('.from_name').first().clone();
  el.find('.date, .details').remove();
  const name = inlineText(el).replace(/\s+via\s+@\S+$/, '');
  return name === '' ? null : name;
}

/** "07.04.2023 21:08:21 UTC+05:30" → "2023-04-07T21:08:21+05:30"; no offset → local time without zone. */
export function exportDate(title: string | undefined, source: string, where: string): string | null {
  if (!title) return null;
  const m = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})(?: UTC([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(
    title.trim(),
  );
  if (!m) throw new InputError(ORIGIN, source, `unreadable date "${title}"`, where);
  const [, d, mo, y, h, mi, s, sign, oh, om] = m;
  const local = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  if (!sign) return local;
  return `${local}${sign}${oh.padStart(2, '0')}:${om ?? '00'}`;
}
