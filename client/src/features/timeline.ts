/** A small bar chart of mentions per month, drawn as plain SVG (no chart library needed). */
import type { TimelineResponse } from '../../../server/api/contract';
import { h } from '../dom';

const SVG_NS = 'http://www.w3.org/2000/svg';
const WIDTH = 280;
const HEIGHT = 70;
const AXIS = 14;

function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  return el;
}

/** Fills gaps so that months without mentions show as empty slots, not as missing time. */
export function fillMonths(months: TimelineResponse['months']): TimelineResponse['months'] {
  const sorted = [...months]
    .filter((m) => /^\d{4}-\d{2}/.test(m.month))
    .sort((a, b) => a.month.localeCompare(b.month));
  if (sorted.length < 2) return sorted;
  const counts = new Map(sorted.map((m) => [m.month.slice(0, 7), m.count]));
  const out: TimelineResponse['months'] = [];
  let [year, month] = sorted[0].month.split('-').map(Number);
  const last = sorted[sorted.length - 1].month.slice(0, 7);
  for (let guard = 0; guard < 600; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    out.push({ month: key, count: counts.get(key) ?? 0 });
    if (key === last) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

/**
 * Which bars (first and last index into `months`, sorted "YYYY-MM") the dated posts fall in, or
 * null when none does. Posts outside the chart's months are clamped to its nearest bar.
 */
export function shownMonthRange(months: string[], dates: (string | null)[]): [number, number] | null {
  const shown = dates.filter((d): d is string => !!d && /^\d{4}-\d{2}/.test(d)).map((d) => d.slice(0, 7));
  if (shown.length === 0 || months.length === 0) return null;
  const oldest = shown.reduce((a, b) => (b < a ? b : a));
  const newest = shown.reduce((a, b) => (b > a ? b : a));
  if (newest < months[0] || oldest > months[months.length - 1]) return null;
  const first = months.findIndex((m) => m >= oldest);
  const last = months.length - 1 - [...months].reverse().findIndex((m) => m <= newest);
  return [first, last];
}

export interface TimelineView {
  element: HTMLElement;
  /**
   * Shades the months of the posts listed under the chart, so a reader paging through a hub's
   * posts sees how far back the list reaches. `partial` false (every post listed) removes it.
   */
  markListed(dates: (string | null)[], partial: boolean): void;
}

export function renderTimeline(response: TimelineResponse): TimelineView {
  const months = fillMonths(response.months);
  if (months.length === 0)
    return { element: h('p', { class: 'muted' }, 'No dated mentions.'), markListed: () => undefined };
  const max = Math.max(...months.map((m) => m.count), 1);
  const total = months.reduce((sum, m) => sum + m.count, 0);
  const svg = svgEl('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    width: '100%',
    height: HEIGHT,
    role: 'img',
    class: 'timeline',
  });
  svg.setAttribute(
    'aria-label',
    `${total} mentions from ${months[0].month} to ${months[months.length - 1].month}`,
  );
  const slot = WIDTH / months.length;
  const barWidth = Math.max(1, Math.min(24, slot - 2));
  months.forEach((m, i) => {
    const barHeight = m.count === 0 ? 0 : Math.max(2, ((HEIGHT - AXIS - 4) * m.count) / max);
    const rect = svgEl('rect', {
      x: i * slot + (slot - barWidth) / 2,
      y: HEIGHT - AXIS - barHeight,
      width: barWidth,
      height: barHeight,
      rx: 1.5,
      class: 'timeline-bar',
    });
    const title = svgEl('title', {});
    title.textContent = `${m.month}: ${m.count}`;
    rect.appendChild(title);
    svg.appendChild(rect);
  });
  svg.appendChild(
    svgEl('line', { x1: 0, x2: WIDTH, y1: HEIGHT - AXIS, y2: HEIGHT - AXIS, class: 'timeline-axis' }),
  );
  for (const [index, anchor] of [
    [0, 'start'],
    [months.length - 1, 'end'],
  ] as const) {
    const label = svgEl('text', {
      x: anchor === 'start' ? 0 : WIDTH,
      y: HEIGHT - 2,
      'text-anchor': anchor,
      class: 'timeline-label',
    });
    label.textContent = months[index].month;
    svg.appendChild(label);
  }
  const band = svgEl('rect', { y: 0, height: HEIGHT - AXIS, class: 'timeline-listed' });
  const caption = h('figcaption', { class: 'hint timeline-caption' });
  const element = h('figure', { class: 'timeline-figure' }, svg, caption);
  const markListed = (dates: (string | null)[], partial: boolean) => {
    const range = partial
      ? shownMonthRange(
          months.map((m) => m.month),
          dates,
        )
      : null;
    band.remove();
    caption.hidden = !range;
    if (!range) return;
    const [first, last] = range;
    band.setAttribute('x', String(first * slot));
    band.setAttribute('width', String((last - first + 1) * slot));
    svg.insertBefore(band, svg.firstChild);
    caption.textContent =
      first === last
        ? `Shaded: ${months[first].month}, the month of the posts listed below.`
        : `Shaded: ${months[first].month} to ${months[last].month}, the months of the posts listed below.`;
  };
  markListed([], false);
  return { element, markListed };
}
