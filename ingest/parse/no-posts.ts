import { InputError } from '../errors';
import type { RawPost } from '../model';

/**
 * An export that yields no post is refused, naming the file and what was in it instead.
 *
 * The ingest exists to read posts; an export without any almost always means the wrong file or the
 * wrong export was picked (an empty chat, a saved page before its posts loaded, the media folder's
 * HTML). Accepting it "successfully" would leave the user with an empty channel and no hint why.
 *
 * That holds too for an export whose messages are all service messages (joins, pins, title changes)
 * or have no text (photos, stickers, polls without a caption): nothing of it can reach the graph,
 * so it is refused the same way, with the counts that say why ("3 service messages, 2 without
 * text"). The check is on the whole export: one page without posts among the pages of an HTML
 * export is fine, as long as some page has posts.
 */

/** What a parser read, besides the posts it kept. */
export interface MessageTally {
  /** Message blocks or objects seen, service messages included. */
  messages: number;
  service: number;
  withoutText: number;
}

export function emptyTally(): MessageTally {
  return { messages: 0, service: 0, withoutText: 0 };
}

export function sumTallies(tallies: readonly MessageTally[]): MessageTally {
  const sum = emptyTally();
  for (const t of tallies) {
    sum.messages += t.messages;
    sum.service += t.service;
    sum.withoutText += t.withoutText;
  }
  return sum;
}

/**
 * Throws unless `posts` has one. `noMessages` says what an export without any message looks like in
 * this format ("the export has no messages (a chat export with 0 messages?)").
 */
export function assertHasPosts(
  posts: readonly RawPost[],
  origin: string,
  source: string,
  tally: MessageTally,
  noMessages: string,
): void {
  if (posts.length > 0) return;
  throw new InputError(origin, source, tally.messages === 0 ? noMessages : noneWithText(tally));
}

function noneWithText(tally: MessageTally): string {
  const kinds = [
    tally.service > 0 ? `${plural(tally.service, 'service message')} (joins, pins, title changes)` : '',
    tally.withoutText > 0
      ? `${tally.withoutText} without text (media, stickers or polls without a caption)`
      : '',
  ].filter(Boolean);
  const none =
    tally.messages === 1 ? 'its only message has no text' : `none of its ${tally.messages} messages has text`;
  return `${none}: ${kinds.join(', ')}; nothing to import: is this the right channel?`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
