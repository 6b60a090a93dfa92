import path from 'node:path';
import { InputError } from '../../../ingest/errors';
import { parseFile, parseText } from '../../../ingest/parse';
import { fixture } from './fixture-path';
import { describeIfShared, SHARED_DIR } from './shared-dir';

describe('telegram-json: Telegram Desktop result.json', () => {
  it('reads the channel and skips service and media-only messages', async () => {
    const parsed = await parseFile(fixture('forwarded-post.json'));
    expect(parsed.format).toBe('telegram-json');
    expect(parsed.channel).toMatchObject({ title: 'Tensor Notes', telegramId: '1700000001' });
    expect(parsed.posts.map((p) => p.messageId)).toEqual(['11', '12', '14']);
  });

  it('takes forwarded_from, edit date, reply id and dates from date_unixtime in UTC', async () => {
    const [forwarded, reply] = (await parseFile(fixture('forwarded-post.json'))).posts;
    expect(forwarded).toMatchObject({
      forwardedFrom: 'Paper Digest',
      date: '2024-05-02T10:30:05Z',
      edited: '2024-05-02T11:00:00Z',
      replyTo: null,
    });
    expect(reply).toMatchObject({ forwardedFrom: null, replyTo: '11', edited: null });
  });

  it('joins text parts and entities into plain text with the link URLs', async () => {
    const [forwarded] = (await parseFile(fixture('forwarded-post.json'))).posts;
    expect(forwarded.text).toBe(
      'Mixtral routing explained\n\nEach token is sent to two of eight experts. Details: https://arxiv.org/abs/2401.04088\n\nvia @paperdigest',
    );
    expect(forwarded.links).toEqual([{ url: 'https://arxiv.org/abs/2401.04088', text: null }]);
  });

  it('guesses the username from t.me links in its own posts and builds post URLs', async () => {
    const parsed = await parseFile(fixture('forwarded-post.json'));
    expect(parsed.channel.username).toBe('tensornotes');
    expect(parsed.posts[2].sourceUrl).toBe('https://t.me/tensornotes/14');
  });

  it('prefers a username given by the caller', async () => {
    const parsed = await parseFile(fixture('forwarded-post.json'), { username: '@tn_official' });
    expect(parsed.channel.username).toBe('tn_official');
    expect(parsed.posts[0].sourceUrl).toBe('https://t.me/tn_official/11');
  });

  it('keeps the URL of a text_link with its visible words', async () => {
    const [post] = (await parseFile(fixture('text-link-only-repo.json'))).posts;
    expect(post.text).toBe('🛠 LitGPT adds LoRA fine-tuning recipes. The source code is under Apache 2.0.');
    expect(post.links).toEqual([{ url: 'https://github.com/Lightning-AI/litgpt', text: 'source code' }]);
    expect(post.sourceUrl).toBeNull();
  });

  it('repairs \\xNN control escapes but leaves an escaped backslash followed by x alone', async () => {
    const { posts } = await parseFile(fixture('escaped-control-chars.json'));
    expect(posts[0].text).toBe('Vertical tab here:\u000bthen text; a real backslash-x stays: C:\\xdata');
    expect(posts[1].text).toBe('Form feed\u000cinside a post about BERT');
  });

  it('picks the one channel of a full-account export', async () => {
    const parsed = await parseFile(fixture('full-account-export.json'));
    expect(parsed.channel.title).toBe('Diffusion Weekly');
    expect(parsed.posts.map((p) => p.text)).toEqual(['Stable Diffusion 3 paper is out.']);
  });

  it('asks which channel to read when a full-account export has several', () => {
    const two = JSON.stringify({
      chats: {
        list: [
          { name: 'A', type: 'public_channel', id: 1, messages: [] },
          {
            name: 'B',
            type: 'private_channel',
            id: 2,
            messages: [{ id: 3, type: 'message', text: 'hello' }],
          },
        ],
      },
    });
    expect(() => parseText(two, 'all.json')).toThrow(
      /2 channels: choose one with the chat option: "A" \(1\), "B" \(2\)/,
    );
    expect(parseText(two, 'all.json', { chat: 'B' }).posts).toHaveLength(1);
  });

  it('keeps a zone-less date as written when there is no date_unixtime', () => {
    const json = JSON.stringify({
      name: 'x',
      type: 'public_channel',
      id: 1,
      messages: [{ id: 1, type: 'message', date: '2021-03-22T17:16:36', text: 'hi' }],
    });
    expect(parseText(json, 'old.json').posts[0].date).toBe('2021-03-22T17:16:36');
  });

  it('names the message whose text is over the post size limit', () => {
    const json = JSON.stringify({
      name: 'x',
      messages: [{ id: 812, type: 'message', text: 'a'.repeat(50) }],
    });
    expect(() => parseText(json, 'big.json', { maxPostChars: 10 })).toThrow(
      new InputError(
        'ingest/telegram-json',
        'big.json',
        'post text is 50 characters, over the limit of 10 (maxPostChars)',
        'message 812',
      ),
    );
  });
});

describeIfShared('telegram-json over the real shared exports', () => {
  const dir = path.join(SHARED_DIR, 'fixtures/telegram');

  it('reads the 2021 export: three text posts with zone-less dates and a reply', async () => {
    const parsed = await parseFile(path.join(dir, 'channel_result_legacy_2021_public_channel.json'));
    expect(parsed.channel).toMatchObject({ title: 'test', telegramId: '44444444444', username: null });
    expect(parsed.posts.map((p) => [p.messageId, p.text, p.date, p.replyTo])).toEqual([
      ['2', 'test channel', '2021-03-22T17:16:36', null],
      ['3', 'reply in test channel', '2021-03-22T17:16:41', '2'],
      ['7', 'reply to quiz', '2021-03-22T17:18:09', '6'],
    ]);
  });

  it('reads the current export: every text message, forwards, text_link hrefs and UTC dates', async () => {
    const parsed = await parseFile(path.join(dir, 'channel_result_uponthepathofsalaf.json'));
    expect(parsed.channel.username).toBe('uponthepathofsalaf');
    expect(parsed.posts.length).toBe(157);
    expect(parsed.posts.filter((p) => p.forwardedFrom !== null)).toHaveLength(27);
    expect(parsed.posts.every((p) => p.date !== null && p.date.endsWith('Z'))).toBe(true);
    const post59 = parsed.posts.find((p) => p.messageId === '59');
    expect(post59?.links).toContainEqual({
      url: 'https://alwadei967.blogspot.com/search/label/%D9%85%D8%B0%D9%83%D8%B1%D8%AA%D9%8A',
      text: "Shaykha Umm ʿAbdillāh's blog",
    });
  });
});
