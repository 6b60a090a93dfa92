import { extract } from '../../../ingest/extract';
import { planLoad } from '../../../ingest/load/plan';
import { joinPersonsToGraph } from '../../../ingest/load/persons';
import { exportOf } from '../extract/post-builder';

/** Incoming persons join the graph's person written in the other script; the plan follows. */

function plan(texts: string[]) {
  return planLoad(extract(exportOf(texts), { channelIsMl: true }));
}

describe('joinPersonsToGraph', () => {
  it('moves a Latin spelling to the Cyrillic node, with its mentions and relations', () => {
    const p = plan(['News\nAndrej Karpathy released llm.c, a library for training GPT-2 in C.']);
    const moved = joinPersonsToGraph(p, [{ key: 'андрей карпатый', name: 'Андрей Карпатый', aliases: [] }]);
    expect(moved).toBe(1);
    const person = p.entities.find((e) => e.type === 'Person')!;
    expect(person.key).toBe('андрей карпатый');
    expect(p.posts[0].mentions.map((m) => m.entity)).toContain('андрей карпатый');
    expect(p.posts[0].relations.map((r) => r.from)).toContain('андрей карпатый');
    expect(p.posts[0].post.entityKeys).toContain('андрей карпатый');
  });

  it('leaves a person alone whose given name differs', () => {
    const p = plan(['News\nMaria Karpathy released Vantalib, a library.']);
    expect(joinPersonsToGraph(p, [{ key: 'андрей карпатый', name: 'Андрей Карпатый', aliases: [] }])).toBe(0);
  });

  it('matches the graph person by an alias too', () => {
    const p = plan(['Новости\nДжеффри Хинтон получил премию.']);
    const moved = joinPersonsToGraph(p, [
      { key: 'geoffrey hinton', name: 'Geoffrey E. Hinton', aliases: ['Geoffrey Hinton'] },
    ]);
    expect(moved).toBe(1);
    expect(p.entities.find((e) => e.type === 'Person')?.key).toBe('geoffrey hinton');
  });
});
