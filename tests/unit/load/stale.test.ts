import { relationKey } from '../../../ingest/load/plan';
import { staleWrites } from '../../../ingest/load/stale';
import type { PostRow } from '../../../ingest/load/plan';

function row(key: string, entityKeys: string[], relationKeys: string[]): PostRow {
  return {
    key,
    channel: 'c',
    messageId: null,
    title: '',
    date: null,
    edited: null,
    text: '',
    language: 'en',
    forwardedFrom: null,
    forwardedKey: null,
    sourceUrl: null,
    links: [],
    entityKeys,
    relationKeys,
  };
}

describe('staleWrites', () => {
  it('finds nothing for new posts or posts that state the same things', () => {
    const rel = relationKey('RELEASED', 'meta', 'llama');
    const posts = [row('c/1', ['meta', 'llama'], [rel]), row('c/2', ['x'], [])];
    expect(staleWrites([{ key: 'c/1', entityKeys: ['llama', 'meta'], relationKeys: [rel] }], posts)).toEqual({
      mentions: [],
      relations: [],
    });
  });

  it('lists the mentions and relations an edited post dropped', () => {
    const kept = relationKey('RELEASED', 'meta', 'llama');
    const dropped = relationKey('USES', 'llama', 'pytorch');
    const existing = [
      { key: 'c/1', entityKeys: ['meta', 'llama', 'pytorch'], relationKeys: [kept, dropped] },
    ];
    expect(staleWrites(existing, [row('c/1', ['meta', 'llama'], [kept])])).toEqual({
      mentions: [{ post: 'c/1', entity: 'pytorch' }],
      relations: [{ post: 'c/1', type: 'USES', from: 'llama', to: 'pytorch' }],
    });
  });

  it('ignores stored relation keys that name no known relation type', () => {
    const existing = [
      { key: 'c/1', entityKeys: [], relationKeys: [relationKey('LIKES', 'a', 'b'), 'garbage'] },
    ];
    expect(staleWrites(existing, [row('c/1', [], [])]).relations).toEqual([]);
  });
});
