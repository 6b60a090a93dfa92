import { InputError } from '../../../ingest/errors';
import { batchPosts } from '../../../ingest/load/load';
import { planCounts, planLoad, relationKey } from '../../../ingest/load/plan';
import type { ExtractedEntity, ExtractedPost, Extraction } from '../../../ingest/model';

function entity(
  name: string,
  type: ExtractedEntity['type'],
  extra: Partial<ExtractedEntity> = {},
): ExtractedEntity {
  return {
    key: name.toLowerCase(),
    name,
    type,
    aliases: [],
    mentions: [{ surface: name, start: 0, end: name.length, sentence: 0 }],
    ...extra,
  };
}

function post(id: number, extra: Partial<ExtractedPost> = {}): ExtractedPost {
  return {
    id: `chan/${id}`,
    messageId: String(id),
    title: `Post ${id}`,
    date: `2023-01-0${id}T10:00:00Z`,
    edited: null,
    forwardedFrom: null,
    sourceUrl: null,
    text: 'Meta released Llama.',
    language: 'en',
    sentences: [{ text: 'Meta released Llama.', start: 0, end: 20, lang: 'en' }],
    links: [],
    entities: [],
    relations: [],
    ...extra,
  };
}

function extraction(posts: ExtractedPost[]): Extraction {
  return {
    channel: {
      key: 'chan',
      title: 'Chan',
      username: 'chan',
      telegramId: null,
      subscribers: null,
      description: null,
      format: 'tme-text',
    },
    posts,
  };
}

const released = {
  from: 'Meta',
  to: 'Llama',
  fromKey: 'meta',
  toKey: 'llama',
  type: 'RELEASED' as const,
  evidence: 'Meta released Llama.',
  confidence: 0.9,
};

describe('planLoad', () => {
  it('unions aliases across posts and keeps the first name canonical', () => {
    const plan = planLoad(
      extraction([
        post(1, { entities: [entity('Meta', 'Organization', { aliases: ['Facebook'] })] }),
        post(2, {
          entities: [
            entity('Meta', 'Organization', { key: 'meta', name: 'META', aliases: ['FB AI', 'Facebook'] }),
          ],
        }),
      ]),
    );
    expect(plan.entities).toEqual([
      { key: 'meta', name: 'Meta', type: 'Organization', aliases: ['Facebook', 'META', 'FB AI'], url: null },
    ]);
  });

  it('gives an entity the type most posts give it', () => {
    const plan = planLoad(
      extraction([
        post(1, { entities: [entity('Gemini', 'Product')] }),
        post(2, { entities: [entity('Gemini', 'Model')] }),
        post(3, { entities: [entity('Gemini', 'Model')] }),
      ]),
    );
    expect(plan.entities[0].type).toBe('Model');
    expect(plan.posts.map((p) => p.mentions[0].type)).toEqual(['Product', 'Model', 'Model']);
  });

  it('turns mentions into a count, flat offsets and distinct sentence texts', () => {
    const meta = entity('Meta', 'Organization', {
      mentions: [
        { surface: 'Meta', start: 0, end: 4, sentence: 0 },
        { surface: 'Meta', start: 30, end: 34, sentence: 1 },
        { surface: 'Meta', start: 40, end: 44, sentence: 1 },
      ],
    });
    const sentences = [
      { text: 'Meta released Llama.', start: 0, end: 20, lang: 'en' as const },
      { text: 'Later Meta did it again, Meta.', start: 21, end: 51, lang: 'en' as const },
    ];
    const [planned] = planLoad(extraction([post(1, { entities: [meta], sentences })])).posts;
    expect(planned.mentions).toEqual([
      {
        post: 'chan/1',
        entity: 'meta',
        type: 'Organization',
        count: 3,
        offsets: [0, 4, 30, 34, 40, 44],
        sentences: ['Meta released Llama.', 'Later Meta did it again, Meta.'],
        names: ['Meta'],
      },
    ]);
  });

  it('keeps one relation per post and type, the surest statement', () => {
    const entities = [entity('Meta', 'Organization'), entity('Llama', 'Model')];
    const [planned] = planLoad(
      extraction([
        post(1, {
          entities,
          relations: [released, { ...released, evidence: 'Llama is by Meta.', confidence: 0.95 }],
        }),
      ]),
    ).posts;
    expect(planned.relations).toHaveLength(1);
    expect(planned.relations[0]).toMatchObject({
      evidence: 'Llama is by Meta.',
      date: '2023-01-01T10:00:00Z',
    });
    expect(planned.post.relationKeys).toEqual([relationKey('RELEASED', 'meta', 'llama')]);
    expect(planned.post.entityKeys).toEqual(['meta', 'llama']);
  });

  it('rejects a relation whose end the post does not mention, naming the file and message', () => {
    const bad = extraction([post(7, { entities: [entity('Meta', 'Organization')], relations: [released] })]);
    expect(() => planLoad(bad, 'export.json')).toThrow(InputError);
    expect(() => planLoad(bad, 'export.json')).toThrow(
      'ingest/load: export.json: message 7: relation Meta -RELEASED-> Llama: its end "llama" is not among the post\'s entities',
    );
  });

  it('rejects unknown entity and relation types', () => {
    const weird = { ...entity('X', 'Organization'), type: 'Topic' } as unknown as ExtractedEntity;
    expect(() => planLoad(extraction([post(1, { entities: [weird] })]))).toThrow('unknown type "Topic"');
    const entities = [entity('Meta', 'Organization'), entity('Llama', 'Model')];
    const relation = { ...released, type: 'LIKES' } as unknown as typeof released;
    expect(() => planLoad(extraction([post(1, { entities, relations: [relation] })]))).toThrow(
      'unknown type',
    );
  });

  it('keys a forwarded source by the slug of its title', () => {
    const [planned] = planLoad(extraction([post(1, { forwardedFrom: 'Big Data Science' })])).posts;
    expect(planned.post.forwardedKey).toBe('big-data-science');
  });

  it('drops a second post with the same key and counts it', () => {
    const plan = planLoad(extraction([post(1), post(1), post(2)]));
    expect(plan.posts.map((p) => p.post.key)).toEqual(['chan/1', 'chan/2']);
    expect(plan.duplicatePosts).toBe(1);
  });

  it('counts rows by kind and relations by type', () => {
    const entities = [entity('Meta', 'Organization'), entity('Llama', 'Model')];
    const plan = planLoad(extraction([post(1, { entities, relations: [released] }), post(2, { entities })]));
    expect(planCounts(plan)).toEqual({ posts: 2, entities: 2, mentions: 4, relations: { RELEASED: 1 } });
  });
});

describe('batchPosts', () => {
  it('keeps each post whole and batches stay within the row budget', () => {
    const entities = [entity('Meta', 'Organization'), entity('Llama', 'Model')];
    const plan = planLoad(
      extraction([1, 2, 3, 4, 5].map((i) => post(i, { entities, relations: [released] }))),
    );
    // Each post is 1 + 2 mentions + 1 relation = 4 rows.
    const batches = batchPosts(plan.posts, 9);
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(batchPosts(plan.posts, 1).map((b) => b.length)).toEqual([1, 1, 1, 1, 1]);
  });
});
