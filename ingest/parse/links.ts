import { LinkifyIt } from 'linkify-it';
import type { LinkRef } from '../model';

/**
 * URLs written in post text. Links with a scheme are always taken; bare ones ("arxiv.org/abs/...")
 * only on well-known web domains, because two-letter country codes also look like file names
 * ("setup.py", "README.md").
 */

const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false });

const BARE_LINK_TLDS = new Set(
  'com org net io ai ru dev app edu gov info me co ly gl gg so tv us uk de fr eu cn jp su xyz tech page site cc to fm рф'.split(
    ' ',
  ),
);

export function urlsInText(text: string): LinkRef[] {
  const found = linkify.match(text) ?? [];
  const links: LinkRef[] = [];
  for (const m of found) {
    if (m.schema === '' && !hasWebTld(m.url)) continue;
    links.push({ url: trimTrailingPunctuation(m.url), text: null });
  }
  return links;
}

/** Keeps the first occurrence of each URL; a link with visible text wins over the same bare URL. */
export function dedupeLinks(links: LinkRef[]): LinkRef[] {
  const byUrl = new Map<string, LinkRef>();
  for (const link of links) {
    const seen = byUrl.get(link.url);
    if (!seen) byUrl.set(link.url, link);
    else if (seen.text === null && link.text !== null) byUrl.set(link.url, { ...seen, text: link.text });
  }
  return [...byUrl.values()];
}

function hasWebTld(url: string): boolean {
  const host = url.replace(/^[a-z]+:\/\//i, '').split(/[/?#:]/)[0];
  const tld = host.split('.').pop()?.toLowerCase() ?? '';
  return BARE_LINK_TLDS.has(tld);
}

function trimTrailingPunctuation(url: string): string {
  return url.replace(/[.,;:!?»"')\]]+$/u, (tail) => (tail.startsWith(')') && url.includes('(') ? tail : ''));
}
