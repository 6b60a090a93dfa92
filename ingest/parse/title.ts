import { stripLeadingEmoji } from './text-lines';

/** The title of a post as the eval aligns posts: its first non-blank line without the leading emoji. */
export function postTitle(text: string): string {
  const first = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return stripLeadingEmoji(first);
}
