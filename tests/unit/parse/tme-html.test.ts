import path from 'node:path';
import { parseFile, parseText } from '../../../ingest/parse';
import { fixture } from './fixture-path';
import { describeIfShared, SHARED_DIR } from './shared-dir';

describe('tme-html: a saved t.me/s page', () => {
  it('reads the channel card: title, username, subscribers and description', async () => {
    const { channel, format } = await parseFile(fixture('tme-page-reply-and-forward.html'));
    expect(format).toBe('tme-html');
    expect(channel).toEqual({
      title: 'Speech AI',
      username: 'speech_ai',
      telegramId: null,
      subscribers: 2500,
      description: 'Speech recognition and synthesis news\nContact: @speech_ai_bot',
    });
  });

  it('reads posts with text, dates and post URLs, skipping a photo without caption', async () => {
    const { posts } = await parseFile(fixture('tme-page-reply-and-forward.html'));
    expect(posts.map((p) => [p.messageId, p.date, p.sourceUrl])).toEqual([
      ['40', '2023-11-07T18:20:00+00:00', 'https://t.me/speech_ai/40'],
      ['41', '2023-11-08T07:05:00+00:00', 'https://t.me/speech_ai/41'],
    ]);
  });

  it('joins wrapped source lines, turns <br> into line breaks and keeps link text with its href', async () => {
    const [post] = (await parseFile(fixture('tme-page-reply-and-forward.html'))).posts;
    expect(post.text).toBe(
      'Whisper large-v3\n\nOpenAI released a new checkpoint with lower error rates on many languages. Repository',
    );
    expect(post.links).toEqual([{ url: 'https://github.com/openai/whisper', text: 'Repository' }]);
  });

  it('takes the forwarded-from name and reply target, not the quoted text of the reply', async () => {
    const [, post] = (await parseFile(fixture('tme-page-reply-and-forward.html'))).posts;
    expect(post).toMatchObject({
      forwardedFrom: 'Audio Papers',
      replyTo: '40',
      text: 'Distil-Whisper is six times faster and stays within 1% WER.',
    });
    expect(post.links).toEqual([
      { url: 'https://huggingface.co/distil-whisper/distil-large-v2', text: null },
    ]);
  });

  it('refuses an HTML page of another site when the format is forced', () => {
    expect(() =>
      parseText('<html><body><div class="post">hi</div></body></html>', 'blog.html', { format: 'tme-html' }),
    ).toThrow(/ingest\/tme-html: blog\.html: not a t\.me\/s page/);
  });
});

describeIfShared('tme-html over the real shared t.me/s page', () => {
  it('reads the 12 posts of @topwar_official with dates, forwards and the header counters', async () => {
    const parsed = await parseFile(
      path.join(SHARED_DIR, 'fixtures/telegram/tme_s_topwar_official_full.html'),
    );
    expect(parsed.channel).toMatchObject({
      title: 'Военное обозрение',
      username: 'topwar_official',
      subscribers: 109000,
    });
    expect(parsed.posts).toHaveLength(12);
    expect(parsed.posts.every((p) => /^2023-02-28T\d{2}:\d{2}:\d{2}\+00:00$/.test(p.date ?? ''))).toBe(true);
    expect(parsed.posts.filter((p) => p.forwardedFrom !== null).map((p) => p.forwardedFrom)).toEqual([
      'Военкор Ярем',
      'БелВПО',
      'Старше Эдды',
      'Пул N3',
      'ImpNavigator',
    ]);
    expect(parsed.posts[0].sourceUrl).toBe('https://t.me/topwar_official/70989');
    expect(parsed.posts.every((p) => !/\n /.test(p.text))).toBe(true);
  });
});
