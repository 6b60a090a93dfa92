import path from 'node:path';
import { parseFile, parseFiles, parseText } from '../../../ingest/parse';
import { exportDate } from '../../../ingest/parse/telegram-html';
import { fixture } from './fixture-path';
import { describeIfShared, SHARED_DIR } from './shared-dir';

const twoPages = [
  fixture('html-export-two-pages/messages2.html'),
  fixture('html-export-two-pages/messages.html'),
];

describe('telegram-html: Telegram Desktop HTML export', () => {
  it('merges the pages of one channel in message id order, skipping media without text', async () => {
    const parsed = await parseFiles(twoPages);
    expect(parsed.format).toBe('telegram-html');
    expect(parsed.channel.title).toBe('Agents and Benchmarks');
    expect(parsed.posts.map((p) => p.messageId)).toEqual(['101', '102', '103', '104']);
  });

  it('reads a whole export directory the same way as its pages', async () => {
    const fromDir = await parseFile(fixture('html-export-two-pages'));
    const fromFiles = await parseFiles(twoPages);
    expect(fromDir.posts).toEqual(fromFiles.posts);
  });

  it('keeps joined messages (no from_name) and converts <br> and links', async () => {
    const { posts } = await parseFiles(twoPages);
    expect(posts[0].text).toBe(
      'SWE-bench Verified is a cleaned subset of 500 tasks.\n\nRead the announcement and follow @agentsbench',
    );
    expect(posts[0].links).toEqual([
      { url: 'https://openai.com/index/introducing-swe-bench-verified/', text: 'announcement' },
      { url: 'https://t.me/agentsbench', text: '@agentsbench' },
    ]);
    expect(posts[1].text).toBe('Devin scored 13.9% on the full set, #agents\nhttps://t.me/agentsbench');
  });

  it('takes the forwarded name without its original date, and the reply target across pages', async () => {
    const { posts } = await parseFiles(twoPages);
    expect(posts[2]).toMatchObject({
      forwardedFrom: 'LLM Papers Daily',
      text: 'AgentBench evaluates LLMs as agents in eight environments.',
    });
    expect(posts[3].replyTo).toBe('101');
  });

  it('turns the date title with its UTC offset into ISO 8601 with that offset', async () => {
    const { posts } = await parseFiles(twoPages);
    expect(posts[0].date).toBe('2024-03-12T09:15:00+03:00');
    expect(exportDate('16.03.2022 14:45:19', 'x.html', 'message 1')).toBe('2022-03-16T14:45:19');
    expect(exportDate('01.02.2024 08:00:00 UTC-5', 'x.html', 'message 1')).toBe('2024-02-01T08:00:00-05:00');
    expect(() => exportDate('yesterday', 'x.html', 'message 9')).toThrow(
      'ingest/telegram-html: x.html: message 9: unreadable date "yesterday"',
    );
  });

  it("guesses the username from the channel's own t.me links and builds post URLs", async () => {
    const parsed = await parseFiles(twoPages);
    expect(parsed.channel.username).toBe('agentsbench');
    expect(parsed.posts[3].sourceUrl).toBe('https://t.me/agentsbench/104');
  });

  it("refuses HTML without the export's history block when the format is forced", () => {
    expect(() =>
      parseText('<html><body><p>hello</p></body></html>', 'page.html', { format: 'telegram-html' }),
    ).toThrow(
      'ingest/telegram-html: page.html: not a Telegram Desktop HTML export: no div.history with messages',
    );
  });
});

describeIfShared('telegram-html over the real shared export page', () => {
  it('reads every message with text, its forwards, replies and offset dates', async () => {
    const parsed = await parseFile(path.join(SHARED_DIR, 'fixtures/telegram/html_export_messages43.html'));
    expect(parsed.channel.title).toMatch(/^کانال جداسازی لرزه ای/);
    expect(parsed.posts).toHaveLength(166);
    expect(parsed.posts.filter((p) => p.forwardedFrom !== null)).toHaveLength(5);
    expect(parsed.posts.filter((p) => p.replyTo !== null).length).toBeGreaterThan(30);
    expect(parsed.posts[0]).toMatchObject({ messageId: '47275', date: '2023-04-07T21:08:21+05:30' });
    expect(parsed.posts.every((p) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:30$/.test(p.date ?? ''))).toBe(
      true,
    );
    const ids = parsed.posts.map((p) => Number(p.messageId));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});
