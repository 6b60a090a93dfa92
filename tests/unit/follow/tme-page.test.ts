import { FollowError } from '../../../ingest/follow/errors';
import { channelPageUrl, readChannelPage } from '../../../ingest/follow/tme-page';
import { fixtureChannel } from '../../support/tme-fixture/channels';
import { renderChannelPage } from '../../support/tme-fixture/pages';

const response = (body: string, status = 200, location: string | null = null) => ({
  url: 'https://t.me/s/mlnews',
  status,
  location,
  body,
});

describe('t.me/s pages', () => {
  it('builds the page URLs under any base URL', () => {
    expect(channelPageUrl('https://t.me', 'mlnews', null)).toBe('https://t.me/s/mlnews');
    expect(channelPageUrl('http://127.0.0.1:3915/tme', 'mlnews', 41)).toBe(
      'http://127.0.0.1:3915/tme/s/mlnews?before=41',
    );
  });

  it('reads posts with the saved-page parser and the ids of every message, also photo-only ones', () => {
    const page = readChannelPage(response(renderChannelPage(fixtureChannel('mlnews', 30), null)), 'mlnews');
    expect(page.messageIds).toEqual(Array.from({ length: 20 }, (_, i) => i + 11));
    expect(page.page.posts.map((p) => p.messageId)).not.toContain('14');
    expect(page.page.channel).toMatchObject({
      title: 'ML digest mlnews',
      username: 'mlnews',
      subscribers: 1234,
    });
  });

  it('a redirect or 404 means no web preview; a malformed page names the page', () => {
    expect(() => readChannelPage(response('', 302, 'https://t.me/mlnews'), 'mlnews')).toThrow(
      'follow @mlnews: https://t.me/s/mlnews: no web preview (HTTP 302 to https://t.me/mlnews)',
    );
    expect(() => readChannelPage(response('', 404), 'mlnews')).toThrow(FollowError);
    expect(() => readChannelPage(response('<html><p>maintenance</p></html>'), 'mlnews')).toThrow(
      'follow @mlnews: https://t.me/s/mlnews: the page does not parse: not a t.me/s page',
    );
  });

  it('refuses a page of another channel', () => {
    const other = renderChannelPage(fixtureChannel('otherchan', 5), null);
    expect(() => readChannelPage(response(other), 'mlnews')).toThrow(
      'holds posts of another channel ("otherchan/1")',
    );
  });
});
