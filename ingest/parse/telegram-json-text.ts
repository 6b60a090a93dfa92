import type { LinkRef } from '../model';
import { dedupeLinks, urlsInText } from './links';

/**
 * A Telegram Desktop message's `text` (a string, or an array of strings and entity objects) and
 * `text_entities` turned into plain text and links. Visible text is kept; a `text_link` adds its
 * href with the visible words; a `link` entity adds its URL.
 */

interface TextEntity {
  type?: unknown;
  text?: unknown;
  href?: unknown;
}

export interface MessageText {
  text: string;
  links: LinkRef[];
}

export function messageText(text: unknown, entities: unknown): MessageText {
  const parts = Array.isArray(entities) && entities.length > 0 ? entities : Array.isArray(text) ? text : null;
  if (parts === null) {
    const plain = typeof text === 'string' ? text : '';
    return { text: plain, links: dedupeLinks(urlsInText(plain)) };
  }
  const pieces: string[] = [];
  const links: LinkRef[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      pieces.push(part);
      continue;
    }
    if (part === null || typeof part !== 'object') continue;
    const entity = part as TextEntity;
    const visible = typeof entity.text === 'string' ? entity.text : '';
    pieces.push(visible);
    if (entity.type === 'text_link' && typeof entity.href === 'string') {
      links.push({ url: entity.href, text: visible.trim() === '' ? null : visible.trim() });
    } else if (entity.type === 'link' && visible.trim() !== '') {
      const found = urlsInText(visible.trim());
      links.push(...(found.length > 0 ? found : [{ url: visible.trim(), text: null }]));
    }
  }
  const joined = pieces.join('');
  // URLs typed as plain text (old exports mark none) are links too.
  return { text: joined, links: dedupeLinks([...links, ...urlsInText(joined)]) };
}
