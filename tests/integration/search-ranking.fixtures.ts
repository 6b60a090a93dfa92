/**
 * A small channel for the search-ranking tests (integration and e2e): names whose near misses are
 * mentioned more often than the names themselves, so that ranking by popularity alone puts the
 * wrong one first. GPT and ai-forever/ru-gpts beside GPT-4, Llama 3 beside LLaMA, WhisperX beside
 * Whisper, YandexGPT beside Яндекс (alias Yandex), and Сбер for a Latin query.
 */
import type { PostSpec } from './ingest-extractions.fixtures';

export const SEARCH_CHANNEL = 'spellings';

export const SEARCH_POSTS: PostSpec[] = [
  {
    messageId: 1,
    text: 'OpenAI released GPT-4. GPT is still the name people use. GPT beats ai-forever/ru-gpts.',
    entities: [
      { name: 'OpenAI', type: 'Organization' },
      { name: 'GPT-4', type: 'Model' },
      { name: 'GPT', type: 'Model', surfaces: ['GPT '] },
      { name: 'ai-forever/ru-gpts', type: 'Repository' },
    ],
  },
  {
    messageId: 2,
    text: 'GPT and ai-forever/ru-gpts again. GPT wins. The ai-forever/ru-gpts repo grows.',
    entities: [
      { name: 'GPT', type: 'Model', surfaces: ['GPT '] },
      { name: 'ai-forever/ru-gpts', type: 'Repository' },
    ],
  },
  {
    messageId: 3,
    text: 'Meta shared LLaMA. Llama 3 came later. Llama 3 is bigger. Llama 3 is open. Llama 3 is fast.',
    entities: [
      { name: 'Meta', type: 'Organization' },
      { name: 'LLaMA', type: 'Model' },
      { name: 'Llama 3', type: 'Model' },
    ],
  },
  {
    messageId: 4,
    text: 'Whisper transcribes speech. WhisperX aligns it. WhisperX is quick. WhisperX diarizes.',
    entities: [
      { name: 'Whisper', type: 'Model', surfaces: ['Whisper '] },
      { name: 'WhisperX', type: 'Library' },
    ],
  },
  {
    messageId: 5,
    text: 'Яндекс обновил YandexGPT. YandexGPT быстрее. YandexGPT дешевле. Сбер ответил.',
    entities: [
      { name: 'Яндекс', type: 'Organization', aliases: ['Yandex'] },
      { name: 'YandexGPT', type: 'Model' },
      { name: 'Сбер', type: 'Organization' },
    ],
  },
];
