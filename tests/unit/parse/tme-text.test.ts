import { parseFile, parseText, postTitle } from '../../../ingest/parse';
import { fixture } from './fixture-path';

const titles = (texts: { text: string }[]) => texts.map((p) => postTitle(p.text));

describe('tme-text: posts copied from a t.me/s page', () => {
  it('reads the header with a "1.2K subscribers" counter and the description', async () => {
    const { channel, format } = await parseFile(fixture('tme-text-with-forward.txt'));
    expect(format).toBe('tme-text');
    expect(channel).toEqual({
      title: 'Tensor Notes',
      username: null,
      telegramId: null,
      subscribers: 1200,
      description: 'Short notes on new models, papers and open-source ML tools',
    });
  });

  it('starts a forwarded post at "Forwarded from" and keeps its emoji list items inside it', async () => {
    const { posts } = await parseFile(fixture('tme-text-with-forward.txt'));
    expect(titles(posts)).toEqual([
      'Orca-Mini 7B: a small model that follows instructions',
      'Three libraries worth a look this week:',
      'What is retrieval-augmented generation?',
    ]);
    expect(posts.map((p) => p.forwardedFrom)).toEqual([null, 'Data Digest', null]);
    expect(posts[1].text.split('\n').filter((l) => l.startsWith('🔹'))).toHaveLength(3);
    expect(posts[1].text).not.toContain('Forwarded from');
  });

  it('keeps emoji-led paragraphs after blank lines inside the post they belong to', async () => {
    const { posts } = await parseFile(fixture('tme-text-with-forward.txt'));
    expect(posts[2].text).toContain('👉 The retriever finds passages');
    expect(posts[2].text).toContain('👉 The generator reads them');
  });

  it('drops a picture caption repeating the title and records where each post starts', async () => {
    const { posts } = await parseFile(fixture('tme-text-with-forward.txt'));
    expect(posts[0].text.split('\n').pop()).toBe('https://huggingface.co/example-lab/orca-mini-7b');
    expect(posts.map((p) => p.line)).toEqual([7, 12, 18]);
  });

  it('finds links with and without a scheme', async () => {
    const { posts } = await parseFile(fixture('tme-text-with-forward.txt'));
    expect(posts[0].links).toEqual([{ url: 'https://huggingface.co/example-lab/orca-mini-7b', text: null }]);
    expect(posts[2].links.map((l) => l.url)).toEqual(['http://github.com/example-org/tiny-rag']);
  });

  it('uses view/time footers as post ends and dates them only when a day line names the year', async () => {
    const { posts, channel } = await parseFile(fixture('tme-text-with-footers.txt'));
    expect(channel.subscribers).toBe(3450);
    expect(titles(posts)).toEqual([
      'SAM 2 segments video too',
      'Benchmark of the week: COCO is not enough',
      'New release of torchvision',
    ]);
    expect(posts.map((p) => p.date)).toEqual(['2024-03-03T10:15:00', '2024-03-03T18:40:00', null]);
    expect(posts.every((p) => !/views|edited/.test(p.text))).toBe(true);
  });

  it('splits posts separated by blank lines when the copy has no header', async () => {
    const parsed = await parseFile(fixture('tme-text-blank-separated.txt'));
    expect(titles(parsed.posts)).toEqual([
      'Gemma gets a code variant',
      'A dataset for chemistry QA',
      'Faster attention kernels',
    ]);
    expect(parsed.channel.title).toBe('tme-text-blank-separated');
    expect(parsed.warnings).toEqual([expect.stringContaining('no channel header')]);
  });

  it('splits blank-separated posts even when a post holds an emoji checklist', () => {
    const text = [
      '🤖 Gemma gets a code variant',
      'CodeGemma is tuned for completion.',
      '✅ Python',
      '✅ Java',
      '',
      '🧪 A dataset for chemistry QA',
      'ChemBench collects questions written by chemists.',
    ].join('\n');
    const { posts } = parseText(text, 'blank.txt');
    expect(titles(posts)).toEqual(['Gemma gets a code variant', 'A dataset for chemistry QA']);
    expect(posts[0].text).toContain('✅ Java');
  });

  it('does not split at an emoji line that continues a sentence ending with a colon', () => {
    const text = [
      'Chan',
      '10 subscribers',
      'Download Telegram',
      '🔥 Llama 3 is out',
      'Meta released two sizes:',
      '⚡ 8B for laptops',
      'and a bigger one for servers.',
    ].join('\n');
    const { posts } = parseText(text, 'inline.txt');
    expect(titles(posts)).toEqual(['Llama 3 is out']);
  });

  it('does not split at a headline-like emoji line directly after the title', () => {
    const text = [
      'Chan',
      '10 subscribers',
      'Download Telegram',
      '🔥 Llama 3 is out',
      '🦙 Two sizes, open weights',
      'Details follow.',
    ].join('\n');
    expect(titles(parseText(text, 'inline.txt').posts)).toEqual(['Llama 3 is out']);
  });

  it('does not take an emoji line ending with a period for a title', () => {
    const text = [
      'Chan',
      '10 subscribers',
      'Download Telegram',
      '🔥 Llama 3 is out',
      'Intro text.',
      '✨ It ships in two sizes.',
      'More.',
    ].join('\n');
    expect(titles(parseText(text, 'inline.txt').posts)).toEqual(['Llama 3 is out']);
  });

  it('reads a Russian subscriber counter with a thousands separator', () => {
    const { channel } = parseText(
      ['Канал', '12 345 подписчиков', 'Download Telegram', '🔥 Пост', 'Текст.'].join('\n'),
      'ru.txt',
    );
    expect(channel.subscribers).toBe(12345);
  });

  it('skips the placeholder the page shows for media it cannot play', () => {
    const text = [
      'Chan',
      '10 subscribers',
      'Download Telegram',
      '🎬 Sora demo reel',
      'Please open Telegram to view this post',
      'OpenAI showed minute-long clips.',
    ].join('\n');
    expect(parseText(text, 'inline.txt').posts[0].text).toBe(
      '🎬 Sora demo reel\nOpenAI showed minute-long clips.',
    );
  });

  it('reads a copy that kept the channel name above each post and unspaced footers', () => {
    const text = [
      'ML Daily',
      '2K subscribers',
      'Download Telegram',
      'ML Daily',
      'Forwarded from\u00a0Vision Weekly',
      'DINOv2 features beat CLIP on linear probes',
      '37.2K views07:47',
      'ML Daily',
      'Qwen2 adds 128K context',
      'edited 09:10',
    ].join('\n');
    const { posts } = parseText(text, 'inline.txt');
    expect(posts.map((p) => [p.text, p.forwardedFrom])).toEqual([
      ['DINOv2 features beat CLIP on linear probes', 'Vision Weekly'],
      ['Qwen2 adds 128K context', null],
    ]);
  });

  describe('a headline without emoji', () => {
    const header = ['Chan', '10 subscribers', 'Download Telegram'];
    const firstPost = [
      '🔥 Llama 3 is out',
      'Meta released two sizes with open weights.',
      'https://ai.meta.com/blog/meta-llama-3/',
    ];

    it('starts a post right after a line ending with a URL', () => {
      const text = [
        ...header,
        ...firstPost,
        'Mistral raises a new round',
        'The Paris startup raised money to train larger models.',
      ].join('\n');
      expect(titles(parseText(text, 'inline.txt').posts)).toEqual([
        'Llama 3 is out',
        'Mistral raises a new round',
      ]);
    });

    it('is not taken from a picture caption that precedes the next post', () => {
      const text = [
        ...header,
        ...firstPost,
        'Llama benchmark chart',
        '🧪 A new eval suite',
        'It measures long-context recall.',
      ].join('\n');
      const { posts } = parseText(text, 'inline.txt');
      expect(titles(posts)).toEqual(['Llama 3 is out', 'A new eval suite']);
      expect(posts[0].text.endsWith('Llama benchmark chart')).toBe(true);
    });

    it('is not taken from a one-word link preview site name', () => {
      const text = [
        ...header,
        ...firstPost,
        'GitHub',
        'GitHub - meta-llama/llama3: The official Meta Llama 3 repository for inference code.',
      ].join('\n');
      expect(titles(parseText(text, 'inline.txt').posts)).toEqual(['Llama 3 is out']);
    });

    it('is not taken from a sentence or a list item after a link', () => {
      const text = [
        ...header,
        ...firstPost,
        'Weights are gated, you need to accept a licence.',
        '2. Second item of the list',
        'More text follows here.',
      ].join('\n');
      expect(titles(parseText(text, 'inline.txt').posts)).toEqual(['Llama 3 is out']);
    });
  });
});
