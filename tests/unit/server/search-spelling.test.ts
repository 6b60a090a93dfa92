import type { SearchHit } from '../../../server/api/contract';
import { MatchTier, matchTier, rankHits } from '../../../server/services/search-rank';
import { soundKey, spellingVariants, toCyrillic, toLatin } from '../../../server/services/spelling';

describe('spellings across scripts', () => {
  it('writes Russian letters in Latin and Latin letters in Russian, longest sequences first', () => {
    expect(toLatin('опенаи')).toBe('openai');
    expect(toLatin('щука')).toBe('shchuka');
    expect(toCyrillic('sber')).toBe('сбер');
    expect(toCyrillic('yandex')).toBe('яндекс');
  });

  it('gives a Russian transcription and its Latin original one sound key', () => {
    expect(soundKey('виспер')).toBe(soundKey('Whisper'));
    expect(soundKey('лама')).toBe(soundKey('LLaMA'));
    expect(soundKey('опенаи')).toBe(soundKey('OpenAI'));
    expect(soundKey('gpt4')).toBe(soundKey('GPT-4'));
    expect(soundKey('Яндекс')).toBe(soundKey('Yandex'));
    expect(soundKey('GPT')).not.toBe(soundKey('GPT-4'));
  });

  it('lists the typed query first, then its other-script spellings, without repeats', () => {
    expect(spellingVariants('Сбер')).toEqual(['сбер', 'sber']);
    expect(spellingVariants('123')).toEqual(['123']);
  });
});

describe('ranking of search hits', () => {
  const hit = (
    key: string,
    name: string,
    mentionCount: number,
    score = 1,
    aliases: string[] = [],
  ): SearchHit => ({
    key,
    name,
    type: 'Model',
    aliases,
    mentionCount,
    score,
  });

  it('tells exact (name or alias), prefix (of the name or a word) and fuzzy matches apart', () => {
    expect(matchTier('gpt4', ['GPT-4'])).toBe(MatchTier.exact);
    expect(matchTier('yandex', ['Яндекс', 'Yandex'])).toBe(MatchTier.exact);
    expect(matchTier('whis', ['Whisper'])).toBe(MatchTier.prefix);
    expect(matchTier('gpts', ['ai-forever/ru-gpts'])).toBe(MatchTier.prefix);
    expect(matchTier('gpt4', ['GPT'])).toBe(MatchTier.fuzzy);
  });

  it('orders by tier before the index score and the mention count', () => {
    const hits = [
      hit('gpt', 'GPT', 40, 5),
      hit('ai-forever/ru-gpts', 'ai-forever/ru-gpts', 30, 4),
      hit('gpt-4o', 'GPT-4o', 20, 3),
      hit('gpt-4', 'GPT-4', 1, 1),
    ];
    expect(rankHits('gpt4', hits).map((h) => h.key)).toEqual([
      'gpt-4',
      'gpt-4o',
      'gpt',
      'ai-forever/ru-gpts',
    ]);
  });
});
