import { load, type Cheerio, type CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { InputError } from '../errors';
import type { ChannelInfo, ParsedExport, RawPost } from '../model';
import { htmlToText, inlineText } from './html-text';
import { dedupeLinks } from './links';
import { assertHasPosts, emptyTally, sumTallies, type MessageTally } from './no-posts';
import { assertPostSize, type ParseOptions } from './options';
import { parseCount } from './tme-text-header';

/**
 * A saved t.me/s/<channel> page: the channel card and the posts div.tgme_widget_message
 * [data-post="name/123"], with `time[datetime]` (an ISO date with offset) for dates.
 */

const ORIGIN = 'ingest/tme-html';

/** One saved page, with what it held besides posts (an export is refused only when no page has posts). */
export interface TmeHtmlPage extends ParsedExport {
  tally: MessageTally;
}

/** One saved page as a whole export. */
export function parseTmeHtml(html: string, source: string, opts: ParseOptions = {}): ParsedExport {
  const page = parseTmeHtmlPage(html, source, opts);
  assertSomePageHasPosts([page]);
  return { format: page.format, source, channel: page.channel, posts: page.posts, warnings: page.warnings };
}

/** Saved t.me/s pages of one channel ("?before=…" pages): posts by id, each once. */
export function mergeTmeHtmlPages(pages: TmeHtmlPage[]): ParsedExport {
  assertSomePageHasPosts(pages);
  const byId = new Map(pages.flatMap((p) => p.posts).map((post) => [post.messageId ?? '', post] as const));
  return {
    format: 'tme-html',
    source: pages.map((p) => p.source).join(', '),
    channel: pages[0].channel,
    posts: [...byId.values()].sort((a, b) => Number(a.messageId) - Number(b.messageId)),
    warnings: pages.flatMap((p) => p.warnings),
  };
}

function assertSomePageHasPosts(pages: TmeHtmlPage[]): void {
  assertHasPosts(
    pages.flatMap((p) => p.posts),
    ORIGIN,
    pages.map((p) => p.source).join(', '),
    sumTallies(pages.map((p) => p.tally)),
    'a channel card but no posts (div.tgme_widget_message): a channel without posts, or saved before they loaded?',
  );
}

export function parseTmeHtmlPage(html: string, source: string, opts: ParseOptions = {}): TmeHtmlPage {
  const $ = load(html);
  const messages = $('div.tgme_widget_message[data-post]');
  if (messages.length === 0 && $('.tgme_channel_info').length === 0) {
    throw new InputError(
      ORIGIN,
      source,
      'not a t.me/s page: no div.tgme_widget_message[data-post] and no channel card',
    );
  }
  const posts: RawPost[] = [];
  const tally = emptyTally();
  messages.each((_, el) => {
    const read = readPost($, $(el), source, opts);
    tally.messages++;
    if (read === 'service') tally.service++;
    else if (read === 'without text') tally.withoutText++;
    else posts.push(read);
  });
  const channel = readChannel($, source, opts);
  return { format: 'tme-html', source, channel, posts, warnings: [], tally };
}

function readPost(
  $: CheerioAPI,
  msg: Cheerio<Element>,
  source: string,
  opts: ParseOptions,
): RawPost | 'service' | 'without text' {
  if (msg.hasClass('service_message')) return 'service';
  const dataPost = msg.attr('data-post') ?? '';
  const m = /^([^/]+)\/(\d+)$/.exec(dataPost.trim());
  if (!m) throw new InputError(ORIGIN, source, `bad data-post attribute "${dataPost}"`);
  const [, username, messageId] = m;
  const where = `message ${messageId}`;
  // The outermost text block of the post itself, not the quoted text of a replied-to message.
  const textEl = msg
    .find('.tgme_widget_message_text')
    .filter((_, el) => $(el).parents('.tgme_widget_message_reply, .tgme_widget_message_text').length === 0)
    .first();
  if (textEl.length === 0) return 'without text'; // photo, video or sticker without a caption
  const { text, links } = htmlToText(textEl);
  if (text === '') return 'without text';
  assertPostSize(text, ORIGIN, source, where, opts);
  const preview = msg.find('a.tgme_widget_message_link_preview').attr('href');
  const replyHref = msg.find('a.tgme_widget_message_reply').attr('href') ?? '';
  const forwarded = inlineText(msg.find('.tgme_widget_message_forwarded_from_name').first());
  const date =
    msg.find('.tgme_widget_message_date time[datetime], time.time[datetime]').first().attr('datetime') ??
    null;
  return {
    messageId,
    text,
    date,
    edited: null,
    forwardedFrom: forwarded === '' ? null : forwarded,
    replyTo: /\/(\d+)(?:\?.*)?$/.exec(replyHref)?.[1] ?? null,
    links: dedupeLinks(preview ? [...links, { url: preview, text: null }] : links),
    sourceUrl: `https://t.me/${username}/${messageId}`,
    line: null,
  };
}

function readChannel($: CheerioAPI, source: string, opts: ParseOptions): ChannelInfo {
  const info = $('.tgme_channel_info');
  const title =
    inlineText(info.find('.tgme_channel_info_header_title').first()) ||
    ($('meta[property="og:title"]').attr('content') ?? '').trim() ||
    source.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const usernameText = inlineText(info.find('.tgme_channel_info_header_username').first()).replace(/^@/, '');
  const fromPosts = $('div.tgme_widget_message[data-post]').first().attr('data-post')?.split('/')[0] ?? null;
  let subscribers: number | null = null;
  info.find('.tgme_channel_info_counter').each((_, el) => {
    const type = inlineText($(el).find('.counter_type'));
    if (/^(?:subscriber|member|подписчик|участник)/i.test(type))
      subscribers = parseCount(inlineText($(el).find('.counter_value')));
  });
  const descriptionEl = info.find('.tgme_channel_info_description').first();
  const description = descriptionEl.length ? htmlToText(descriptionEl).text || null : null;
  return {
    title,
    username: opts.username?.replace(/^@/, '') ?? (usernameText || fromPosts),
    telegramId: null,
    subscribers,
    description,
  };
}
