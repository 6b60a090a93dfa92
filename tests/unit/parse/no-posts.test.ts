import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFiles, parseText } from '../../../ingest/parse';
import { fixture } from './fixture-path';
import { inputError } from './input-error';

/**
 * An export that yields no post is refused with the file and what was found instead (see
 * ingest/parse/no-posts.ts for why exports of only service or text-less messages are refused too).
 */

const channelJson = (messages: unknown[]) =>
  JSON.stringify({ name: 'Quiet Channel', type: 'public_channel', id: 42, messages });
const service = (id: number) => ({ id, type: 'service', action: 'pin_message', date: '2024-01-01T00:00:00' });
const photo = (id: number) => ({
  id,
  type: 'message',
  date: '2024-01-01T00:00:00',
  photo: 'p.jpg',
  text: '',
});
const textMessage = (id: number) => ({
  id,
  type: 'message',
  date: '2024-01-01T00:00:00',
  text: 'OpenAI released a model.',
});

const htmlPage = (history: string) =>
  `<!DOCTYPE html><html><body><div class="page_wrap"><div class="page_header"><div class="text bold">Quiet Channel</div></div>` +
  `<div class="page_body chat_page"><div class="history">${history}</div></div></div></body></html>`;
const htmlService = (id: number) =>
  `<div class="message service" id="message-${id}"><div class="body details">1 January 2024</div></div>`;
const htmlPhoto = (id: number) =>
  `<div class="message default clearfix" id="message${id}"><div class="body"><div class="media_wrap"><a class="photo_wrap" href="photos/p.jpg"></a></div></div></div>`;

const tmePage = (messages: string) =>
  `<html><body><div class="tgme_channel_info"><div class="tgme_channel_info_header_title">Quiet Channel</div></div>${messages}</body></html>`;

describe('telegram-json: an export without posts', () => {
  it('refuses an export with no messages, naming the file', () => {
    const err = inputError(() => parseText(channelJson([]), 'result.json'));
    expect(err.message).toBe(
      'ingest/telegram-json: result.json: the export has no messages (a chat export with 0 messages?)',
    );
  });

  it('refuses an export whose messages are all service messages or without text, with the counts', () => {
    const err = inputError(() => parseText(channelJson([service(1), service(2), photo(3)]), 'result.json'));
    expect(err.origin).toBe('ingest/telegram-json');
    expect(err.file).toBe('result.json');
    expect(err.what).toMatch(/^none of its 3 messages has text: 2 service messages .*, 1 without text /);
  });

  it('says "its only message" for an export of one service message', () => {
    const err = inputError(() => parseText(channelJson([service(1)]), 'result.json'));
    expect(err.what).toMatch(/^its only message has no text: 1 service message /);
  });

  it('accepts an export where one message among service and media messages has text', () => {
    const parsed = parseText(channelJson([service(1), photo(2), textMessage(3)]), 'result.json');
    expect(parsed.posts.map((p) => p.messageId)).toEqual(['3']);
  });

  it('refuses a full-account export whose chosen channel has no messages', () => {
    const account = JSON.stringify({
      chats: { list: [{ name: 'Quiet Channel', type: 'public_channel', id: 42, messages: [] }] },
    });
    expect(inputError(() => parseText(account, 'result.json')).what).toMatch(/has no messages/);
  });
});

describe('telegram-html: pages without posts', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'parse-no-posts-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a page without message blocks', () => {
    const err = inputError(() => parseText(htmlPage(''), 'messages.html'));
    expect(err.message).toBe(
      'ingest/telegram-html: messages.html: no message blocks (div.message) in the page: an export of an empty chat?',
    );
  });

  it('refuses a page of only service rows and photos without captions, with the counts', () => {
    const err = inputError(() => parseText(htmlPage(htmlService(1) + htmlPhoto(2)), 'messages.html'));
    expect(err.what).toMatch(/^none of its 2 messages has text: 1 service message .*, 1 without text /);
  });

  it('accepts a page without posts among pages that have some (the check is per export)', async () => {
    const empty = path.join(dir, 'messages3.html');
    writeFileSync(empty, htmlPage(htmlService(1)));
    const pages = [
      fixture('html-export-two-pages/messages.html'),
      fixture('html-export-two-pages/messages2.html'),
    ];
    const withEmpty = await parseFiles([...pages, empty]);
    expect(withEmpty.posts).toEqual((await parseFiles(pages)).posts);
    expect(withEmpty.posts.length).toBeGreaterThan(0);
  });

  it('refuses pages that all lack posts, naming every page', async () => {
    const a = path.join(dir, 'messages.html');
    const b = path.join(dir, 'messages2.html');
    writeFileSync(a, htmlPage(''));
    writeFileSync(b, htmlPage(htmlPhoto(5)));
    await expect(parseFiles([a, b])).rejects.toThrow(
      `ingest/telegram-html: ${a}, ${b}: its only message has no text: 1 without text`,
    );
  });
});

describe('tme-html: a saved page without posts', () => {
  it('refuses a page with the channel card and no posts', () => {
    const err = inputError(() => parseText(tmePage(''), 'channel.html'));
    expect(err.message).toBe(
      'ingest/tme-html: channel.html: a channel card but no posts (div.tgme_widget_message): a channel without posts, or saved before they loaded?',
    );
  });

  it('refuses a page whose posts are all service messages or media without a caption', () => {
    const posts =
      '<div class="tgme_widget_message service_message" data-post="quiet/1"></div>' +
      '<div class="tgme_widget_message" data-post="quiet/2"><a class="tgme_widget_message_photo_wrap"></a></div>';
    expect(inputError(() => parseText(tmePage(posts), 'channel.html')).what).toMatch(
      /^none of its 2 messages has text: 1 service message .*, 1 without text /,
    );
  });
});

describe('tme-text: a copy without posts', () => {
  it('refuses a copy that has the channel header and nothing after it', () => {
    const err = inputError(() =>
      parseText('Quiet Channel\n380 subscribers\n\nDownload Telegram\n', 'quiet.txt'),
    );
    expect(err.message).toBe(
      'ingest/tme-text: quiet.txt: a channel header ("Quiet Channel") but no posts after it: copied before the posts loaded?',
    );
  });

  it('refuses a copy of only view counters, without a header', () => {
    const err = inputError(() =>
      parseText('1.2K views 10:15\n\n845 views 11:02\n', 'quiet.txt', { format: 'tme-text' }),
    );
    expect(err.what).toMatch(/^no posts in 2 non-blank lines/);
  });
});
