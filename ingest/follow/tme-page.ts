/**
 * One t.me/s page of a channel: its URL, and what the answer means. A 200 page is parsed with the
 * saved-page parser (ingest/parse/tme-html.ts); a redirect or 404 means the channel has no web
 * preview (no such name, a private channel, a user or bot, or previews turned off); a page that
 * does not parse stops the channel with a message naming the page.
 */
import { InputError } from '../errors';
import { parseTmeHtmlPage, type TmeHtmlPage } from '../parse/tme-html';
import { FollowError } from './errors';
import type { TmeResponse } from './tme-client';

/** https://t.me/s/<name>, or the page of posts older than `before`. */
export function channelPageUrl(baseUrl: string, username: string, before: number | null): string {
  const url = new URL(`s/${encodeURIComponent(username)}`, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  if (before !== null) url.searchParams.set('before', String(before));
  return url.toString();
}

export interface ChannelPage {
  url: string;
  page: TmeHtmlPage;
  /**
   * Ids of every message on the page, also those without text (photos, service messages) that the
   * parser skips: paging goes on from the oldest of them.
   */
  messageIds: number[];
}

const DATA_POST = /data-post="([^"/]+)\/(\d+)"/g;

export function readChannelPage(response: TmeResponse, username: string): ChannelPage {
  const { url, status } = response;
  if ((status >= 300 && status < 400) || status === 404) {
    throw new FollowError(
      username,
      `no web preview (HTTP ${status}${response.location ? ` to ${response.location}` : ''}): the channel does not exist, is private, is not a channel, or has previews turned off`,
      url,
    );
  }
  if (status !== 200) throw new FollowError(username, `unexpected answer HTTP ${status}`, url);
  let page: TmeHtmlPage;
  try {
    page = parseTmeHtmlPage(response.body, url, { username });
  } catch (error) {
    const what = error instanceof InputError ? error.what : (error as Error).message;
    throw new FollowError(username, `the page does not parse: ${what}`, url, { cause: error });
  }
  const messageIds: number[] = [];
  for (const match of response.body.matchAll(DATA_POST)) {
    if (match[1].toLowerCase() !== username) {
      throw new FollowError(
        username,
        `the page holds posts of another channel ("${match[1]}/${match[2]}"); was the channel renamed?`,
        url,
      );
    }
    messageIds.push(Number(match[2]));
  }
  return { url, page, messageIds };
}
