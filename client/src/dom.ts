/**
 * Tiny DOM helpers. Every piece of data reaches the page as a text node (never innerHTML), so a post
 * containing `<script>` or `<img onerror=...>` shows those characters and runs nothing.
 */

export type Child = Node | string | number | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined;

/** Creates an element; attributes with false/null/undefined are left out, `true` sets an empty one. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, AttrValue> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function clear(el: Element): void {
  el.replaceChildren();
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`client/dom: element #${id} is missing from index.html`);
  return el as T;
}

/** Only http(s) links become clickable: a `javascript:` URL in data must never reach an href. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function externalLink(url: string | null | undefined, text: string): HTMLElement {
  const href = safeHref(url);
  if (!href) return h('span', {}, text);
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text);
}

/**
 * Splits `text` into text nodes and <mark> elements around every case-insensitive occurrence of a
 * term (longest terms first so "Llama 3" wins over "Llama").
 */
export function highlightTerms(text: string, terms: string[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const usable = [...new Set(terms.filter((t) => t.trim().length >= 2))].sort((a, b) => b.length - a.length);
  if (usable.length === 0) {
    fragment.append(text);
    return fragment;
  }
  const escaped = usable.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(${escaped.join('|')})`, 'giu');
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) fragment.append(text.slice(last, start));
    fragment.append(h('mark', {}, match[0]));
    last = start + match[0].length;
  }
  if (last < text.length) fragment.append(text.slice(last));
  return fragment;
}

/** Highlights character ranges [start, end) of `text` (mention offsets from the API). */
export function highlightRanges(
  text: string,
  ranges: { start: number; end: number; title?: string }[],
): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const sorted = ranges
    .filter((r) => r.start >= 0 && r.end <= text.length && r.end > r.start)
    .sort((a, b) => a.start - b.start);
  let last = 0;
  for (const range of sorted) {
    if (range.start < last) continue; // overlapping mention: keep the first
    if (range.start > last) fragment.append(text.slice(last, range.start));
    fragment.append(h('mark', { title: range.title }, text.slice(range.start, range.end)));
    last = range.end;
  }
  if (last < text.length) fragment.append(text.slice(last));
  return fragment;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'undated';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', { year: 'numeric', month: 'short', day: 'numeric' });
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? word : many}`;
}

/** Delays calls until `ms` passed without a new one (search-as-you-type). */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
