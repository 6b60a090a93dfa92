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

export function renderTimeline(response: TimelineResponse): HTMLElement {
  const months = fillMonths(response.months);
  if (months.length === 0) return h('p', { class: 'muted' }, 'No dated mentions.');
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
  return h('figure', { class: 'timeline-figure' }, svg);
}
