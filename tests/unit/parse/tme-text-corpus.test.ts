import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFile, postTitle } from '../../../ingest/parse';
import { describeIfShared, SHARED_DIR } from './shared-dir';

describeIfShared('tme-text over the shared corpus', () => {
  const corpus = path.join(SHARED_DIR, 'corpus/deep-dive-2-deep-learning.txt');
  const gold = JSON.parse(
    readFileSync(path.join(SHARED_DIR, 'eval/deep-dive-2-deep-learning.gold.json'), 'utf8'),
  ) as {
    posts: { title: string; forwardedFrom?: string | null }[];
  };

  it('splits the corpus into exactly the gold posts, in order, with the gold titles', async () => {
    const parsed = await parseFile(corpus);
    expect(parsed.format).toBe('tme-text');
    expect(parsed.posts.map((p) => postTitle(p.text))).toEqual(gold.posts.map((p) => p.title));
  });

  it('reads the channel header: title, subscribers and description', async () => {
    const { channel } = await parseFile(corpus);
    expect(channel.title).toBe('Deep Dive 2 Deep Learning');
    expect(channel.subscribers).toBe(380);
    expect(channel.description).toMatch(/^Канал про глубокое машинное обучение/);
    expect(channel.username).toBeNull();
  });

  it('marks only the forwarded post as forwarded, with the name from the page', async () => {
    const { posts } = await parseFile(corpus);
    expect(posts.map((p) => p.forwardedFrom ?? null)).toEqual(gold.posts.map((p) => p.forwardedFrom ?? null));
  });

  it('leaves dates and message ids null because the text copy has none', async () => {
    const { posts } = await parseFile(corpus);
    expect(posts.every((p) => p.date === null && p.messageId === null && p.sourceUrl === null)).toBe(true);
  });

  it('collects the URLs written in each post', async () => {
    const { posts } = await parseFile(corpus);
    expect(posts[0].links.map((l) => l.url)).toEqual([
      'https://github.com/dzld00/pytorch-manifold-matching',
      expect.stringMatching(
        /^https:\/\/www\.microsoft\.com\/en-us\/research\/blog\/unlocking-new-dimensions/,
      ),
    ]);
  });

  it('drops a trailing picture caption that repeats the title', async () => {
    const { posts } = await parseFile(corpus);
    const retro = posts.find((p) => postTitle(p.text).startsWith('RETRO от DeepMind'));
    expect(retro?.text.split('\n').pop()).toMatch(/^https:\/\/deepmind\.com\//);
  });

  it('keeps the blank-line paragraphs and emoji-led lines of one post inside it', async () => {
    const { posts } = await parseFile(corpus);
    const meetup = posts[6];
    expect(meetup.text).toContain('\n\n');
    expect(
      meetup.text.split('\n').filter((l) => /^\p{Extended_Pictographic}/u.test(l)).length,
    ).toBeGreaterThanOrEqual(4);
  });
});
