import { separateMeanings } from '../../../ingest/load/meanings';
import { planLoad, RELATION_KEY_SEPARATOR } from '../../../ingest/load/plan';
import type { Extraction } from '../../../ingest/model';

/** An incoming entity of another meaning than the graph's entity under its key gets a key of its own. */

function extraction(type: 'Organization' | 'Model'): Extraction {
  return {
    channel: {
      key: 'c',
      title: 'C',
      username: null,
      telegramId: null,
      subscribers: null,
      description: null,
      format: 'telegram-json',
    },
    posts: [
      {
        id: 'c/1',
        messageId: '1',
        title: 'T',
        date: null,
        edited: null,
        forwardedFrom: null,
        sourceUrl: null,
        text: 'Nature published it. Springer owns Nature.',
        language: 'en',
        sentences: [],
        links: [],
        entities: [
          {
            key: 'nature',
            name: 'Nature',
            type,
            aliases: [],
            mentions: [{ surface: 'Nature', start: 0, end: 6, sentence: 0 }],
          },
          {
            key: 'springer',
            name: 'Springer',
            type: 'Organization',
            aliases: [],
            mentions: [{ surface: 'Springer', start: 22, end: 30, sentence: 1 }],
          },
        ],
        relations: [
          {
            from: 'Springer',
            to: 'Nature',
            fromKey: 'springer',
            toKey: 'nature',
            type: 'OWNS',
            evidence: 'Springer owns Nature.',
            confidence: 0.7,
          },
        ],
      },
    ],
  } as unknown as Extraction;
}

describe('separateMeanings', () => {
  it('moves an organisation off a key the graph holds as a model, everywhere the plan names it', () => {
    const plan = planLoad(extraction('Organization'));
    expect(separateMeanings(plan, new Map([['nature', 'Model']]))).toBe(1);
    expect(plan.entities.map((e) => e.key).sort()).toEqual(['nature#organization', 'springer']);
    const post = plan.posts[0];
    expect(post.mentions.map((m) => m.entity).sort()).toEqual(['nature#organization', 'springer']);
    expect(post.relations[0]).toMatchObject({ from: 'springer', to: 'nature#organization' });
    expect(post.post.relationKeys).toEqual([
      ['OWNS', 'springer', 'nature#organization'].join(RELATION_KEY_SEPARATOR),
    ]);
  });

  it('keeps the key when the meanings agree or are both ML things', () => {
    const plan = planLoad(extraction('Model'));
    expect(separateMeanings(plan, new Map([['nature', 'Library']]))).toBe(0);
    expect(plan.entities.map((e) => e.key)).toContain('nature');
  });
});
