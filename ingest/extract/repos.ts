/**
 * GitHub repository URLs → `owner/name`. Paths below the repository ("/tree/main/examples/data2vec")
 * are kept as `subpath` because they often name what the link is about. `*.github.io` pages are
 * sites, not repositories, and GitHub's own pages (/features, /orgs/...) are not repositories.
 */

export interface RepoRef {
  owner: string;
  name: string;
  /** "owner/name" as written on GitHub. */
  fullName: string;
  url: string;
  /** Path after the repository, e.g. "tree/main/examples/data2vec". */
  subpath: string;
}

const RESERVED_OWNERS = new Set([
  'features',
  'orgs',
  'topics',
  'sponsors',
  'marketplace',
  'about',
  'pricing',
  'login',
  'join',
  'settings',
  'notifications',
  'explore',
  'trending',
  'collections',
  'events',
  'enterprise',
  'security',
  'site',
  'apps',
  'search',
  'readme',
  'customer-stories',
  'team',
  'new',
  'pulls',
  'issues',
  'codespaces',
  'github-copilot',
]);

const GITHUB_URL =
  /^(?:https?:\/\/)?(?:www\.)?github\.com\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]+)(\/[^\s?#]*)?/i;

export function parseGithubUrl(url: string): RepoRef | null {
  const m = GITHUB_URL.exec(url.trim());
  if (!m) return null;
  const owner = m[1];
  const name = m[2].replace(/\.git$/i, '');
  if (RESERVED_OWNERS.has(owner.toLowerCase()) || !name || name === '.' || name === '..') return null;
  const subpath = (m[3] ?? '').replace(/^\/+|\/+$/g, '');
  return { owner, name, fullName: `${owner}/${name}`, url: `https://github.com/${owner}/${name}`, subpath };
}

const URL_IN_TEXT = /(?:https?:\/\/)?(?:www\.)?github\.com\/[^\s<>"«»()]+/gi;

export interface RepoHit extends RepoRef {
  /** Offsets of the URL in the text, or null when it came from the link list only. */
  start: number | null;
  end: number | null;
}

/** Repository links in a post: in its text and behind its text links. One hit per URL occurrence. */
export function findRepos(text: string, links: { url: string; text: string | null }[]): RepoHit[] {
  const hits: RepoHit[] = [];
  URL_IN_TEXT.lastIndex = 0;
  for (let m = URL_IN_TEXT.exec(text); m; m = URL_IN_TEXT.exec(text)) {
    const raw = m[0].replace(/[.,;:!?]+$/, '');
    const ref = parseGithubUrl(raw);
    if (ref) hits.push({ ...ref, start: m.index, end: m.index + raw.length });
  }
  for (const link of links) {
    const ref = parseGithubUrl(link.url);
    if (
      !ref ||
      hits.some((h) => h.fullName.toLowerCase() === ref.fullName.toLowerCase() && h.subpath === ref.subpath)
    )
      continue;
    const at = link.text ? text.indexOf(link.text) : -1;
    hits.push({ ...ref, start: at >= 0 ? at : null, end: at >= 0 ? at + link.text!.length : null });
  }
  return hits;
}
