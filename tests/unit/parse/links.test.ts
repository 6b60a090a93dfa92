import { dedupeLinks, urlsInText } from '../../../ingest/parse/links';

const urls = (text: string) => urlsInText(text).map((l) => l.url);

describe('urlsInText: URLs written in post text', () => {
  it('takes links with a scheme and drops sentence punctuation after them', () => {
    expect(
      urls('Code: https://github.com/openai/whisper. Paper (https://arxiv.org/abs/2212.04356), demo!'),
    ).toEqual(['https://github.com/openai/whisper', 'https://arxiv.org/abs/2212.04356']);
  });

  it('keeps a closing bracket that belongs to the URL', () => {
    expect(urls('see https://en.wikipedia.org/wiki/Transformer_(deep_learning_architecture).')).toEqual([
      'https://en.wikipedia.org/wiki/Transformer_(deep_learning_architecture)',
    ]);
  });

  it('takes bare domains on web TLDs, with http:// added, including Cyrillic ones', () => {
    expect(
      urls('weights on huggingface.co/google/gemma-7b and www.kaggle.com, сайт конференция.рф/2024'),
    ).toEqual([
      'http://huggingface.co/google/gemma-7b',
      'http://www.kaggle.com',
      'http://конференция.рф/2024',
    ]);
  });

  it('does not take file names, code or e-mail addresses for links', () => {
    expect(
      urls('run setup.py, edit README.md, call hip.Experiment.from_iterable(data), write to team@lab.ai'),
    ).toEqual([]);
  });

  it('does not stop at quotes around a link and does not take a bare scheme', () => {
    expect(urls('«https://t.me/ml_news» and "https://"')).toEqual(['https://t.me/ml_news']);
  });
});

describe('dedupeLinks', () => {
  it('keeps each URL once, preferring the entry with visible text', () => {
    expect(
      dedupeLinks([
        { url: 'https://github.com/a/b', text: null },
        { url: 'https://x.org', text: null },
        { url: 'https://github.com/a/b', text: 'repo' },
      ]),
    ).toEqual([
      { url: 'https://github.com/a/b', text: 'repo' },
      { url: 'https://x.org', text: null },
    ]);
  });
});
