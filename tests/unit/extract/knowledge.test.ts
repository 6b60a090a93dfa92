import { loadKnowledge, lookupKnown } from '../../../ingest/extract/knowledge';

describe('knowledge files', () => {
  const k = loadKnowledge();

  it('maps aliases and Russian forms to one canonical organisation', () => {
    expect(lookupKnown(k, 'Facebook AI Research')?.canonical).toBe('Meta');
    expect(lookupKnown(k, 'Yandex')?.canonical).toBe('Яндекс');
    expect(lookupKnown(k, 'sberbank')?.canonical).toBe('Сбер');
  });

  it('needs the listed capitals for names that are common words', () => {
    expect(lookupKnown(k, 'Prophet')?.type).toBe('Library');
    expect(lookupKnown(k, 'prophet')).toBeUndefined();
    expect(lookupKnown(k, 'pile')).toBeUndefined();
  });

  it('maps GitHub owners to organisations and is broad', () => {
    expect(k.githubOwners.get('facebookresearch')).toBe('Meta');
    expect(k.githubOwners.get('ai-forever')).toBe('Сбер');
    expect(k.byName.size).toBeGreaterThan(800);
  });
});
