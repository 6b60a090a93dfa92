/**
 * Tiny DOM helpers. Every piece of data reaches the page as a text node (never innerHTML), so a post
 * containing `<script>` or `<img onerror=...>` shows those characters and runs nothing.
 */
import { splitByRanges, splitByTerms, type TextPart } from './highlight';

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

/** Text nodes and <mark> elements around every case-insensitive occurrence of a term. */
export function highlightTerms(text: string, terms: string[]): DocumentFragment {
  return fragmentOf(splitByTerms(text, terms));
}

/** Highlights character ranges [start, end) of `text` (mention offsets from the API). */
export function highlightRanges(
  text: string,
  ranges: { start: number; end: number; title?: string }[],
): DocumentFragment {
  return fragmentOf(splitByRanges(text, ranges));
}

function fragmentOf(parts: TextPart[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of parts)
    fragment.append(part.marked ? h('mark', { title: part.title }, part.text) : part.text);
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
