import type { SearchHit } from '../../../server/api/contract';
import { bestHit, isEntityParam, normaliseName, stillNames } from '../../../client/src/features/entity-match';

function hit(key: string, name: string, aliases: string[] = []): SearchHit {
  return { key, name, type: 'Organization', aliases, mentionCount: 1, score: 1 };
}

describe('which entity a typed name means', () => {
  const hits = [hit('sberdevices', 'SberDevices'), hit('сбер', 'Сбер', ['Sber', 'Сбербанк']), hit('x', 'X')];

  test('an exact name wins over the top hit, in any case', () => {
    expect(bestHit('Сбер', hits)?.key).toBe('сбер');
    expect(bestHit('  сБЕР ', hits)?.key).toBe('сбер');
  });

  test('then an alias, then the key', () => {
    expect(bestHit('sber', hits)?.key).toBe('сбер');
    expect(bestHit('СБЕРБАНК', hits)?.key).toBe('сбер');
    expect(bestHit('x', [hit('gpt', 'x'), hit('x', 'Y')])?.key).toBe('x');
  });

  test('otherwise the top hit; nothing typed or found is null', () => {
    expect(bestHit('Sberd', hits)?.key).toBe('sberdevices');
    expect(bestHit('', hits)).toBeNull();
    expect(bestHit('Сбер', [])).toBeNull();
  });

  test('ё and spacing do not matter', () => {
    expect(normaliseName(' Ёлка   AI ')).toBe('елка ai');
  });

  test('a pick stands while its field still names it', () => {
    expect(stillNames(hits[1], 'сбер')).toBe(true);
    expect(stillNames(hits[1], 'Сбе')).toBe(false);
    expect(stillNames(null, 'Сбер')).toBe(false);
  });

  test('entity parameters are the strings described as a name or key', () => {
    const param = (type: 'string' | 'integer', description: string) => ({
      name: 'p',
      type,
      default: null,
      description,
    });
    expect(isEntityParam(param('string', 'Entity name or key'))).toBe(true);
    expect(isEntityParam(param('string', 'First entity (name or key)'))).toBe(true);
    expect(
      isEntityParam(param('string', 'Entity type (Organization, Person, Model, ...); empty for all')),
    ).toBe(false);
    expect(isEntityParam(param('integer', 'Rows at most'))).toBe(false);
  });
});
