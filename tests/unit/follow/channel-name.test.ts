import { parseChannelName } from '../../../ingest/follow/channel-name';

describe('parseChannelName', () => {
  it('accepts @name, name and t.me links, lower-cased', () => {
    expect(parseChannelName('@ML_Digest')).toBe('ml_digest');
    expect(parseChannelName('ml_digest')).toBe('ml_digest');
    expect(parseChannelName('https://t.me/ml_digest')).toBe('ml_digest');
    expect(parseChannelName('t.me/s/ml_digest/')).toBe('ml_digest');
  });

  it('refuses what cannot be a public username, naming the argument', () => {
    for (const bad of ['@abc', '1channel', 'a b c d e', '../../etc', 'name?before=1', '']) {
      expect(() => parseChannelName(bad)).toThrow(`"${bad}" is not a public channel name`);
    }
  });
});
