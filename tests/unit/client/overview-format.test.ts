import { channelSummary, monthOfRange, monthRange } from '../../../client/src/features/overview-format';

describe('overview helpers', () => {
  it('gives the first and last day of a month, leap years included', () => {
    expect(monthRange('2024-02')).toEqual(['2024-02-01', '2024-02-29']);
    expect(monthRange('2023-02')).toEqual(['2023-02-01', '2023-02-28']);
    expect(monthRange('2024-12')).toEqual(['2024-12-01', '2024-12-31']);
  });

  it('tells which month a date filter covers exactly', () => {
    expect(monthOfRange('2024-04-01', '2024-04-30')).toBe('2024-04');
    expect(monthOfRange('2024-04-01', '2024-04-29')).toBeNull();
    expect(monthOfRange('2024-04-02', '2024-04-30')).toBeNull();
    expect(monthOfRange(null, null)).toBeNull();
  });

  it('names one channel, a few, or the first few and how many more', () => {
    const channels = (titles: string[], count = titles.length) => ({
      count,
      items: titles.map((title) => ({ key: title.toLowerCase(), title })),
    });
    expect(channelSummary(channels([]))).toBe('none yet');
    expect(channelSummary(channels(['ML Digest']))).toBe('ML Digest');
    expect(channelSummary(channels(['A', 'B']))).toBe('A and B');
    expect(channelSummary(channels(['A', 'B', 'C', 'D', 'E'], 20))).toBe('A, B, C and 17 more');
  });
});
