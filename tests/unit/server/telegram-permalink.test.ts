import { telegramPermalink } from '../../../server/services/posts';

describe('a post’s t.me permalink', () => {
  test('is its source URL when that is a t.me post link', () => {
    expect(telegramPermalink('https://t.me/ml_digest/12', null, null)).toBe('https://t.me/ml_digest/12');
  });

  test('is built from the channel’s username and the message id when both are known', () => {
    expect(telegramPermalink(null, 'ml_digest', 12)).toBe('https://t.me/ml_digest/12');
    expect(telegramPermalink('https://example.com/x', '@ml_digest', '12')).toBe('https://t.me/ml_digest/12');
  });

  test('is null when either is missing or malformed', () => {
    expect(telegramPermalink(null, null, 12)).toBeNull();
    expect(telegramPermalink(null, 'ml_digest', null)).toBeNull();
    expect(telegramPermalink(null, 'ml digest', 12)).toBeNull();
    expect(telegramPermalink(null, 'ml_digest', '12abc')).toBeNull();
  });
});
