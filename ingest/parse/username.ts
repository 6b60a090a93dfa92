import type { RawPost } from '../model';

/**
 * A channel's @username when the export does not state it: channels sign their own posts with a
 * link to themselves (t.me/<name>), so the name linked from the most of the channel's own (not
 * forwarded) posts is taken, if at least two posts link it and no other name is as frequent.
 */
export function guessUsername(posts: RawPost[]): string | null {
  const counts = new Map<string, number>();
  const spelling = new Map<string, string>();
  for (const post of posts) {
    if (post.forwardedFrom) continue;
    const names = new Set<string>();
    const haystack = [post.text, ...post.links.map((l) => l.url)].join('\n');
    for (const m of haystack.matchAll(
      /(?:^|[/\s])(?:t\.me|telegram\.me)\/(?:s\/)?([A-Za-z][A-Za-z0-9_]{3,31})\b/g,
    )) {
      if (/^(?:joinchat|addstickers|share|proxy|iv|c)$/i.test(m[1])) continue;
      names.add(m[1].toLowerCase());
      if (!spelling.has(m[1].toLowerCase())) spelling.set(m[1].toLowerCase(), m[1]);
    }
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || ranked[0][1] < 2) return null;
  if (ranked.length > 1 && ranked[1][1] === ranked[0][1]) return null;
  return spelling.get(ranked[0][0]) ?? ranked[0][0];
}
