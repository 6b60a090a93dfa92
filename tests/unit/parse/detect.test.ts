import { readFileSync } from 'node:fs';
import { detectFormat } from '../../../ingest/parse';
import { fixture } from './fixture-path';

const detect = (name: string) => detectFormat(readFileSync(fixture(name), 'utf8'), name);

describe('detectFormat: the export format from the content', () => {
  it.each([
    ['forwarded-post.json', 'telegram-json'],
    ['full-account-export.json', 'telegram-json'],
    ['html-export-two-pages/messages.html', 'telegram-html'],
    ['tme-page-reply-and-forward.html', 'tme-html'],
    ['tme-text-with-forward.txt', 'tme-text'],
    ['tme-text-with-footers.txt', 'tme-text'],
    ['tme-text-blank-separated.txt', 'tme-text'],
  ])('detects %s as %s', (name, format) => {
    expect(detect(name)).toBe(format);
  });

  it('ignores a byte-order mark and leading whitespace before JSON', () => {
    expect(detectFormat('\uFEFF \n{"messages": []}', 'bom.json')).toBe('telegram-json');
  });

  it('refuses plain prose and names the supported formats and --format', () => {
    expect(() => detectFormat('Dear diary,\ntoday I trained a model.\n', 'diary.txt')).toThrow(
      'ingest/detect: diary.txt: cannot detect the export format (not JSON, HTML, or text copied from a t.me/s page); supported formats: telegram-json, telegram-html, tme-html, tme-text; force one with --format',
    );
  });

  it('refuses HTML that is neither Telegram export', () => {
    expect(() =>
      detectFormat('<!DOCTYPE html><html><body><article>post</article></body></html>', 'blog.html'),
    ).toThrow(/blog\.html: cannot detect the export format \(HTML, but neither a Telegram Desktop export/);
  });
});
