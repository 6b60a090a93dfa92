import { shownMonthRange } from '../../../client/src/features/timeline';

const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];

describe('timeline shading of the listed posts (shownMonthRange)', () => {
  test('spans the bars from the oldest to the newest listed post, whatever the list order', () => {
    const newestFirst = ['2024-06-25T09:00:00Z', '2024-05-01T00:00:00Z', '2024-03-14T12:00:00Z'];
    expect(shownMonthRange(MONTHS, newestFirst)).toEqual([2, 5]);
  });

  test('undated posts are left out, and none dated gives no shading', () => {
    expect(shownMonthRange(MONTHS, [null, '2024-02-10T00:00:00Z', null])).toEqual([1, 1]);
    expect(shownMonthRange(MONTHS, [null, null])).toBeNull();
  });

  test('posts outside the chart are clamped to its nearest bar', () => {
    expect(shownMonthRange(MONTHS, ['2023-11-01T00:00:00Z', '2024-02-01T00:00:00Z'])).toEqual([0, 1]);
    expect(shownMonthRange(MONTHS, ['2024-05-01T00:00:00Z', '2025-01-01T00:00:00Z'])).toEqual([4, 5]);
  });

  test('posts entirely before or after the chart shade nothing', () => {
    expect(shownMonthRange(MONTHS, ['2023-01-01T00:00:00Z'])).toBeNull();
    expect(shownMonthRange(MONTHS, ['2025-01-01T00:00:00Z'])).toBeNull();
  });
});
