import { createHash } from 'node:crypto';

/**
 * Graph keys. One entity per canonical name whatever its type guess, so that a name typed
 * differently in two posts still lands on one node; the type is a property and a label.
 */

/** Lower-case, NFKC, ё→е, collapsed spaces, edge punctuation and quotes removed. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”„'`’]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:!?()[\]{}-]+|[\s.,;:!?()[\]{}-]+$/g, '');
}

export function entityKey(canonicalName: string): string {
  return normalizeName(canonicalName);
}

/** Channel key: its @username when known, else a slug of its title. */
export function channelKey(username: string | null, title: string): string {
  if (username) return username.replace(/^@/, '').toLowerCase();
  const slug = normalizeName(title)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return slug || 'channel';
}

/**
 * Post key: channel + message id where the export has one; otherwise a hash of the text, so that a
 * re-exported copy of the same text gets the same key (an updated export updates, never duplicates).
 */
export function postId(channel: string, messageId: string | null, text: string): string {
  if (messageId) return `${channel}/${messageId}`;
  const hash = createHash('sha1').update(text.normalize('NFC').trim()).digest('hex').slice(0, 12);
  return `${channel}/h${hash}`;
}
