import { PassThrough } from 'node:stream';
import { createProgressReporter, formatSummary } from '../../../ingest/cli/ingest-report';
import { groupExportFiles, type IngestSummary } from '../../../ingest/pipeline';

function pipeLike(): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += String(chunk)));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

describe('progress when stderr is not a terminal', () => {
  it('writes a line when a phase starts and at each further quarter, not per batch', () => {
    const { stream, text } = pipeLike();
    const reporter = createProgressReporter(stream);
    for (let done = 1; done <= 100; done++)
      reporter.update({ phase: 'posts', done, total: 100, source: 'a.json' });
    reporter.update({ phase: 'finalize', done: 5, total: 5, source: 'a.json' });
    reporter.stop();
    expect(text().trim().split('\n')).toEqual([
      'ingest: posts 1/100 (a.json)',
      'ingest: posts 25/100 (a.json)',
      'ingest: posts 50/100 (a.json)',
      'ingest: posts 75/100 (a.json)',
      'ingest: posts 100/100 (a.json)',
      'ingest: statistics 5/5 (a.json)',
    ]);
  });
});

describe('formatSummary', () => {
  const summary: IngestSummary = {
    posts: 37,
    entities: 190,
    mentions: 260,
    relations: { USES: 6, RELEASED: 32 },
    seconds: 5.43,
    dryRun: false,
    exports: [
      { source: 'demo.json', channel: 'ml-digest', posts: 37, warnings: ['message 4: unknown entity type'] },
    ],
  };

  it('lists counts, relations by type in name order with their total, seconds and warnings', () => {
    expect(formatSummary(summary)).toBe(
      [
        'Ingested:',
        '  demo.json: channel ml-digest, 37 posts',
        '  posts:     37',
        '  entities:  190',
        '  mentions:  260',
        '  relations: 38',
        '    RELEASED      32',
        '    USES          6',
        '  seconds:   5.4',
        '  warning: message 4: unknown entity type',
      ].join('\n'),
    );
  });

  it('says that a dry run wrote nothing', () => {
    expect(formatSummary({ ...summary, dryRun: true }).split('\n')[0]).toBe(
      'Dry run: nothing was written. It would write:',
    );
  });
});

describe('groupExportFiles', () => {
  it('takes HTML pages in one folder as one export and every other file on its own', () => {
    expect(
      groupExportFiles(['exp/messages.html', 'a.json', 'exp/messages2.html', 'other/messages.html', 'b.txt']),
    ).toEqual([['exp/messages.html', 'exp/messages2.html'], ['a.json'], ['other/messages.html'], ['b.txt']]);
  });
});
