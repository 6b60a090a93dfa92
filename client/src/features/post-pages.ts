/**
 * The paging rules of an entity's post list, as plain data (no DOM, so they are tested in Node).
 * The list grows by appending the next page of GET /api/entities/{key}?page=P&pageSize=S; these
 * functions decide what to ask for next, what is new in an answer and how to describe the list.
 */
import type { EntityDetails, PostRef, RelationEvidenceResponse } from '../../../server/api/contract';

/** Posts per request: what fits a reader's glance in the narrow panel (the API allows up to 100). */
export const POSTS_PAGE_SIZE = 20;

export type PostsPage = EntityDetails['posts'];

export interface LoadedPosts {
  /** Every post shown so far, in the server's order (newest first), each id once. */
  readonly items: readonly PostRef[];
  /** How many posts mention the entity, as of the latest answer. */
  readonly total: number;
  readonly pageSize: number;
  /** The last page number fetched (1-based). */
  readonly lastPage: number;
  /** True once a page came back short: the server has nothing after it, whatever the total says. */
  readonly exhausted: boolean;
}

/** The state after the first page (the one that came with the entity's details). */
export function startPosts(first: PostsPage): LoadedPosts {
  return {
    items: uniqueById(first.items),
    total: Math.max(first.total, first.items.length),
    pageSize: first.pageSize > 0 ? first.pageSize : Math.max(first.items.length, 1),
    lastPage: first.page,
    exhausted: first.items.length === 0,
  };
}

/** More posts exist on the server than are shown, and asking again can still bring some. */
export function hasMore(state: LoadedPosts): boolean {
  return !state.exhausted && state.items.length < state.total;
}

export function nextPage(state: LoadedPosts): number {
  return state.lastPage + 1;
}

/**
 * Adds the answer for the next page. Posts already shown are skipped: pages are offsets, so a post
 * stored between two requests shifts the newest-first order by one and repeats a post. `added` is
 * what to append to the list, in order.
 */
export function addPage(state: LoadedPosts, page: PostsPage): { state: LoadedPosts; added: PostRef[] } {
  const seen = new Set(state.items.map((post) => post.id));
  const added = uniqueById(page.items).filter((post) => !seen.has(post.id));
  const items = [...state.items, ...added];
  return {
    added,
    state: {
      items,
      total: Math.max(page.total, items.length),
      pageSize: state.pageSize,
      lastPage: Math.max(state.lastPage, page.page),
      exhausted: page.items.length < state.pageSize,
    },
  };
}

const count = (n: number) => n.toLocaleString('en');

/** Heading of the list: "Posts 1–20 of 1,234" while some are not shown, else "Posts (14)". */
export function postsHeading(state: LoadedPosts): string {
  if (state.items.length === 0 || state.items.length >= state.total) return `Posts (${count(state.total)})`;
  return `Posts 1–${count(state.items.length)} of ${count(state.total)}`;
}

/** Label of the button that appends the next page: "Show 20 more" or "Show the last 3". */
export function showMoreLabel(state: LoadedPosts): string {
  const left = state.total - state.items.length;
  if (left <= state.pageSize) return left === 1 ? 'Show the last post' : `Show the last ${count(left)}`;
  return `Show ${count(state.pageSize)} more`;
}

/** What a screen reader hears after a page was appended. */
export function loadedAnnouncement(before: number, state: LoadedPosts): string {
  const shown = state.items.length;
  if (shown === before) return `No new posts on that page. Showing ${count(shown)} of ${count(state.total)}.`;
  return `Loaded posts ${count(before + 1)}–${count(shown)} of ${count(state.total)}.`;
}

function uniqueById(posts: readonly PostRef[]): PostRef[] {
  const seen = new Set<string>();
  return posts.filter((post) => !seen.has(post.id) && (seen.add(post.id), true));
}

/**
 * A page of an edge's evidence (GET /api/relations) as a page of posts, so the edge's panel pages
 * through the posts stating it with the same list as an entity's posts: each post once, with the
 * sentence that states the relationship as its highlighted sentence.
 */
export function evidencePage(answer: RelationEvidenceResponse): PostsPage {
  return {
    items: answer.items.map((e) => ({
      id: e.post,
      title: e.title,
      date: e.date,
      sourceUrl: e.sourceUrl,
      sentences: e.sentence ? [e.sentence] : [],
    })),
    page: answer.page,
    pageSize: answer.pageSize,
    total: answer.total,
  };
}

/**
 * Under a path hop's evidence when it lists fewer posts than the hop is stated in: /api/paths sends
 * a few per hop, so the note says so plainly instead of offering a "Show more" there. (An edge's
 * details page through all of them: evidencePage.)
 */
export function evidenceNote(listed: number, stated: number): string | null {
  if (stated <= listed) return null;
  if (listed === 0) return 'The posts behind it are counted but not listed.';
  return `Stated in ${count(stated)} posts; ${count(listed)} of them ${listed === 1 ? 'is' : 'are'} listed here, the most the explorer fetches for one relationship.`;
}
