/** Pure helpers of the overview (features/overview.ts): dates of a month, the channel line. */
import type { OverviewResponse } from '../../../server/api/contract';

/** The first and last day ("YYYY-MM-DD") of a month "YYYY-MM", as the date filter takes them. */
export function monthRange(month: string): [string, string] {
  const [year, m] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return [`${month}-01`, `${month}-${String(lastDay).padStart(2, '0')}`];
}

/** The month ("YYYY-MM") a date filter covers exactly, or null: which timeline bar is on. */
export function monthOfRange(from: string | null, to: string | null): string | null {
  if (!from || !/^\d{4}-\d{2}-01$/.test(from)) return null;
  const month = from.slice(0, 7);
  return monthRange(month)[1] === to ? month : null;
}

/** "A, B and 3 more": channel names of a one-channel graph and a twenty-channel one alike. */
export function channelSummary(channels: OverviewResponse['channels'], shown = 3): string {
  const names = channels.items.slice(0, shown).map((c) => c.title);
  const rest = channels.count - names.length;
  if (names.length === 0) return 'none yet';
  if (rest <= 0)
    return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${names.join(', ')} and ${rest} more`;
}
