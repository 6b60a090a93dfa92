import type { PostRef, RelationEvidenceResponse } from '../../../server/api/contract';
import {
  POSTS_PAGE_SIZE,
  addPage,
  evidenceNote,
  evidencePage,
  hasMore,
  loadedAnnouncement,
  nextPage,
  postsHeading,
  showMoreLabel,
  startPosts,
  type LoadedPosts,
  type PostsPage,
} from '../../../client/src/features/post-pages';

const post = (n: number): PostRef => ({
  id: `chan/${n}`,
  title: `Post ${n}`,
  date: null,
  sourceUrl: null,
  sentences: [],
});

/** A server holding `posts` (newest first) that answers like GET /api/entities/{key}?page&pageSize. */
function serverOf(posts: PostRef[]) {
  return (page: number, pageSize: number): PostsPage => ({
    items: posts.slice((page - 1) * pageSize, page * pageSize),
    page,
    pageSize,
    total: posts.length,
  });
}

/** Clicks "Show more" until the button would disappear; returns the final state and request count. */
function loadAll(server: ReturnType<typeof serverOf>, pageSize: number) {
  let state = startPosts(server(1, pageSize));
  let requests = 1;
  while (hasMore(state) && requests < 100) {
    state = addPage(state, server(nextPage(state), state.pageSize)).state;
    requests += 1;
  }
  return { state, requests };
}

const ids = (state: LoadedPosts) => state.items.map((p) => p.id);

describe('entity post paging (client/src/features/post-pages)', () => {
  test('"Show more" walks every page once and ends with all posts in server order', () => {
    const posts = Array.from({ length: 45 }, (_, i) => post(i + 1));
    const { state, requests } = loadAll(serverOf(posts), 20);
    expect(requests).toBe(3);
    expect(ids(state)).toEqual(posts.map((p) => p.id));
    expect(hasMore(state)).toBe(false);
  });

  test('a total that is an exact multiple of the page size needs no extra empty request', () => {
    const posts = Array.from({ length: 40 }, (_, i) => post(i + 1));
    expect(loadAll(serverOf(posts), 20).requests).toBe(2);
  });

  test('one page that holds everything offers no "Show more"', () => {
    const state = startPosts(serverOf([post(1), post(2)])(1, 20));
    expect(hasMore(state)).toBe(false);
    expect(postsHeading(state)).toBe('Posts (2)');
  });

  test('asks for the page after the last one fetched, with the same page size', () => {
    const server = serverOf(Array.from({ length: 50 }, (_, i) => post(i)));
    let state = startPosts(server(1, 10));
    expect(nextPage(state)).toBe(2);
    state = addPage(state, server(2, 10)).state;
    expect(nextPage(state)).toBe(3);
    expect(state.pageSize).toBe(10);
  });

  test('a post stored between two requests does not show twice, and the total follows the server', () => {
    const before = Array.from({ length: 30 }, (_, i) => post(i + 1));
    const state = startPosts(serverOf(before)(1, 20));
    // A newer post arrives: the newest-first order shifts by one, so page 2 repeats post 20.
    const after = [post(0), ...before];
    const { state: next, added } = addPage(state, serverOf(after)(2, 20));
    expect(added.map((p) => p.id)).toEqual(before.slice(20).map((p) => p.id));
    expect(new Set(ids(next)).size).toBe(next.items.length);
    expect(next.total).toBe(31);
  });

  test('a short page ends the paging even when the total promised more (posts removed meanwhile)', () => {
    const state = startPosts({ items: [post(1), post(2)], page: 1, pageSize: 2, total: 10 });
    expect(hasMore(state)).toBe(true);
    const { state: next } = addPage(state, { items: [post(3)], page: 2, pageSize: 2, total: 10 });
    expect(hasMore(next)).toBe(false);
    expect(postsHeading(next)).toBe('Posts 1–3 of 10');
  });

  test('an empty first page (no posts) offers nothing to load', () => {
    const state = startPosts({ items: [], page: 1, pageSize: 20, total: 0 });
    expect(hasMore(state)).toBe(false);
    expect(postsHeading(state)).toBe('Posts (0)');
  });

  test('the heading says which posts are shown of how many, with thousands separated', () => {
    const server = serverOf(Array.from({ length: 1234 }, (_, i) => post(i)));
    let state = startPosts(server(1, 20));
    expect(postsHeading(state)).toBe('Posts 1–20 of 1,234');
    state = addPage(state, server(2, 20)).state;
    expect(postsHeading(state)).toBe('Posts 1–40 of 1,234');
  });

  test('the button names how many the next click brings', () => {
    const server = serverOf(Array.from({ length: 45 }, (_, i) => post(i)));
    let state = startPosts(server(1, 20));
    expect(showMoreLabel(state)).toBe('Show 20 more');
    state = addPage(state, server(2, 20)).state;
    expect(showMoreLabel(state)).toBe('Show the last 5');
    const oneLeft = startPosts({ items: [post(1)], page: 1, pageSize: 1, total: 2 });
    expect(showMoreLabel(oneLeft)).toBe('Show the last post');
  });

  test('the announcement names the range that arrived', () => {
    const server = serverOf(Array.from({ length: 45 }, (_, i) => post(i)));
    const state = addPage(startPosts(server(1, 20)), server(2, 20)).state;
    expect(loadedAnnouncement(20, state)).toBe('Loaded posts 21–40 of 45.');
    expect(loadedAnnouncement(40, state)).toMatch(/^No new posts/);
  });

  test('the page size fits the API bounds (1..100)', () => {
    expect(POSTS_PAGE_SIZE).toBeGreaterThanOrEqual(1);
    expect(POSTS_PAGE_SIZE).toBeLessThanOrEqual(100);
  });
});

describe('edge evidence as pages of posts (client/src/features/post-pages)', () => {
  /** A server holding `count` statements of one edge that answers like GET /api/relations. */
  const relationServer =
    (count: number) =>
    (page: number, pageSize: number): RelationEvidenceResponse => ({
      from: 'meta',
      to: 'llama 3',
      type: 'RELEASED',
      total: count,
      page,
      pageSize,
      items: Array.from({ length: count }, (_, i) => ({
        post: `chan/${count - i}`,
        title: `Post ${count - i}`,
        date: i === count - 1 ? null : `2024-05-${String(28 - i).padStart(2, '0')}`,
        sourceUrl: `https://t.me/chan/${count - i}`,
        sentence: i === 1 ? '' : `Meta released Llama 3, says post ${count - i}.`,
      })).slice((page - 1) * pageSize, page * pageSize),
    });

  test('each statement becomes its post, with the sentence as the one to highlight', () => {
    const page = evidencePage(relationServer(3)(1, 20));
    expect(page).toMatchObject({ page: 1, pageSize: 20, total: 3 });
    expect(page.items).toEqual([
      {
        id: 'chan/3',
        title: 'Post 3',
        date: '2024-05-28',
        sourceUrl: 'https://t.me/chan/3',
        sentences: ['Meta released Llama 3, says post 3.'],
      },
      // A statement stored without its sentence highlights nothing rather than an empty quote.
      { id: 'chan/2', title: 'Post 2', date: '2024-05-27', sourceUrl: 'https://t.me/chan/2', sentences: [] },
      {
        id: 'chan/1',
        title: 'Post 1',
        date: null,
        sourceUrl: 'https://t.me/chan/1',
        sentences: ['Meta released Llama 3, says post 1.'],
      },
    ]);
  });

  test('"Show more" pages through every statement of an edge stated in many posts', () => {
    const server = relationServer(45);
    let state = startPosts(evidencePage(server(1, POSTS_PAGE_SIZE)));
    expect(postsHeading(state)).toBe('Posts 1–20 of 45');
    expect(showMoreLabel(state)).toBe('Show 20 more');
    let requests = 1;
    while (hasMore(state)) {
      state = addPage(state, evidencePage(server(nextPage(state), state.pageSize))).state;
      requests += 1;
    }
    expect(requests).toBe(3);
    expect(state.items.map((p) => p.id)).toEqual(Array.from({ length: 45 }, (_, i) => `chan/${45 - i}`));
    expect(postsHeading(state)).toBe('Posts (45)');
  });
});

describe('path hop evidence note (client/src/features/post-pages)', () => {
  test('says how many of the stated posts are listed when the edge counts more', () => {
    expect(evidenceNote(5, 37)).toMatch(/^Stated in 37 posts; 5 of them are listed here/);
    expect(evidenceNote(1, 1200)).toMatch(/^Stated in 1,200 posts; 1 of them is listed here/);
  });

  test('says nothing when every post is listed', () => {
    expect(evidenceNote(3, 3)).toBeNull();
  });
});
