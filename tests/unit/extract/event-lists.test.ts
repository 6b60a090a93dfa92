import { findEventLines } from '../../../ingest/extract/event-lists';

describe('event digests', () => {
  const text = [
    'Conferences this month:',
    '1. 05 Mar - Vision Days 2025, Lyon, France https://example.org/vd',
    '2. 12 Mar',
    '- Online conference GraphTalks https://example.org/gt',
    '3. 20-21 Mar - 4th Workshop on Sparse Models (WSM 2025). Online.',
    '• 2 апреля — Сибирский ML-форум, Новосибирск',
  ].join('\n');
  const names = findEventLines(
    text,
    () => 0,
    (s) => ['lyon', 'france', 'новосибирск'].includes(s.toLowerCase()),
  )
    .map((e) => e.candidate?.name)
    .filter(Boolean);

  it('takes the name after the date up to the place or the link', () => {
    expect(names).toContain('Vision Days 2025');
    expect(names).toContain('Сибирский ML-форум');
  });

  it('reads an item whose name is on the line after its date, without the format word', () => {
    expect(names).toContain('GraphTalks');
  });

  it('prefers the abbreviation with the year in parentheses', () => {
    expect(names).toContain('WSM 2025');
  });

  it('offsets of each event point at its name', () => {
    for (const e of findEventLines(text, () => 0))
      if (e.candidate) expect(text.slice(e.candidate.start, e.candidate.end)).toBe(e.candidate.surface);
  });
});
