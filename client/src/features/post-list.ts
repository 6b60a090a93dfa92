/**
 * The "Posts" section of an entity's details: the first page, a heading that says which posts are
 * shown of how many, and a "Show more" button that appends the next page in place, so the reader
 * keeps the scroll position and everything already read. Keyboard focus moves to the first new
 * post; a live region says what arrived; a failed request shows its reason next to a retry.
 */
import type { PostRef } from '../../../server/api/contract';
import { messageOf } from '../api';
import { h } from '../dom';
import {
  addPage,
  hasMore,
  loadedAnnouncement,
  nextPage,
  postsHeading,
  showMoreLabel,
  startPosts,
  type LoadedPosts,
  type PostsPage,
} from './post-pages';

export interface PostListOptions {
  /** The page that came with the entity's details. */
  first: PostsPage;
  /** Fetches one more page of the same entity's posts. */
  fetchPage(page: number, pageSize: number): Promise<PostsPage>;
  /** One list item for a post (title, date, highlighted sentences). */
  renderItem(post: PostRef): HTMLElement;
  /** False once the panel shows something else: a late answer is then dropped. */
  isCurrent(): boolean;
  /** Told the posts listed after the first page is drawn and after every page appended. */
  onListed?(posts: readonly PostRef[], total: number): void;
}

export function renderPostList(options: PostListOptions): HTMLElement {
  let state: LoadedPosts = startPosts(options.first);
  let loading = false;

  const heading = h('h3', { id: 'posts-heading' });
  const list = h('ol', { class: 'post-list', 'aria-labelledby': 'posts-heading' });
  const status = h('p', { class: 'visually-hidden', role: 'status' });
  const error = h('p', { class: 'error-text', role: 'alert', hidden: true });
  const more = h('button', {
    type: 'button',
    class: 'button small show-more',
    'aria-describedby': 'posts-heading',
  });
  const footer = h('div', { class: 'post-list-footer' }, error, more);
  const empty = h('p', { class: 'muted' }, 'No posts mention it.');
  const order = h('p', { class: 'hint' }, 'Newest first.');
  const cutShort = h(
    'p',
    { class: 'muted', hidden: true },
    'The server returned no further posts; the count may include posts removed since.',
  );

  const appendItems = (posts: readonly PostRef[]): HTMLElement[] =>
    posts.map((post) => {
      const item = options.renderItem(post);
      list.append(item);
      return item;
    });

  const render = () => {
    heading.textContent = postsHeading(state);
    empty.hidden = state.items.length > 0;
    list.hidden = state.items.length === 0;
    order.hidden = state.items.length < 2;
    const moreToLoad = hasMore(state);
    footer.hidden = !moreToLoad;
    more.hidden = !moreToLoad;
    cutShort.hidden = moreToLoad || state.items.length >= state.total;
    more.textContent = loading ? 'Loading…' : error.hidden ? showMoreLabel(state) : 'Try again';
    // aria-disabled rather than disabled: a disabled button drops keyboard focus to the page.
    more.setAttribute('aria-disabled', String(loading));
    list.setAttribute('aria-busy', String(loading));
    more.classList.toggle('is-loading', loading);
  };

  more.addEventListener('click', () => void loadMore());

  async function loadMore(): Promise<void> {
    if (loading || !hasMore(state)) return;
    loading = true;
    error.hidden = true;
    render();
    const before = state.items.length;
    let page: PostsPage;
    try {
      page = await options.fetchPage(nextPage(state), state.pageSize);
    } catch (err) {
      if (!options.isCurrent()) return;
      loading = false;
      error.textContent = `Could not load more posts: ${messageOf(err)}`;
      error.hidden = false;
      render();
      // The message went in above the button and pushed it down: bring both into view.
      footer.scrollIntoView({ block: 'nearest' });
      return;
    }
    if (!options.isCurrent()) return;
    loading = false;
    const next = addPage(state, page);
    state = next.state;
    const items = appendItems(next.added);
    status.textContent = loadedAnnouncement(before, state);
    render();
    options.onListed?.(state.items, state.total);
    // The reader goes on from the first new post; the button's place would now be far below.
    const firstNew = items[0]?.querySelector<HTMLElement>('button, a');
    if (firstNew && document.activeElement === more) firstNew.focus();
  }

  appendItems(state.items);
  render();
  options.onListed?.(state.items, state.total);
  return h(
    'section',
    { class: 'details-section post-section', 'aria-labelledby': 'posts-heading' },
    heading,
    order,
    list,
    empty,
    cutShort,
    footer,
    status,
  );
}
