import type { Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { LinkRef } from '../model';
import { dedupeLinks, urlsInText } from './links';
import { normalizePostText } from './post-text';

/**
 * Message HTML (both Telegram Desktop's export and the t.me/s page) → plain text and links.
 * Line breaks are <br> and block elements; whitespace in the HTML source (including the line
 * wrapping of pretty-printed pages) is only spacing. Link text is kept and the href collected.
 */

const BLOCKS = new Set([
  'div',
  'p',
  'blockquote',
  'pre',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'table',
  'tr',
]);

export interface HtmlText {
  text: string;
  links: LinkRef[];
}

export function htmlToText(root: Cheerio<Element>): HtmlText {
  const out: string[] = [];
  const links: LinkRef[] = [];
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      out.push(node.data.replace(/\s+/g, ' '));
      return;
    }
    if (node.type !== 'tag') return;
    const name = node.name.toLowerCase();
    if (name === 'br') {
      out.push('\n');
      return;
    }
    if (name === 'script' || name === 'style') return;
    const block = BLOCKS.has(name);
    if (block) out.push('\n');
    const before = out.length;
    for (const child of node.children) walk(child);
    if (name === 'a') {
      const visible = out.slice(before).join('').trim();
      const href = node.attribs.href ?? '';
      if (/^(?:https?|ftp|tg|mailto):/i.test(href))
        links.push({ url: href, text: visible === '' || visible === href ? null : visible });
    }
    if (block) out.push('\n');
  };
  for (const el of root.toArray()) for (const child of el.children) walk(child);
  const text = normalizePostText(
    out
      .join('')
      .split('\n')
      .map((line) => line.replace(/ {2,}/g, ' ').trim())
      .join('\n'),
  );
  return { text, links: dedupeLinks([...links, ...urlsInText(text)]) };
}

/** Visible text of an element with whitespace collapsed (names, titles, counters). */
export function inlineText(el: Cheerio<AnyNode>): string {
  return el.text().replace(/\s+/g, ' ').trim();
}
