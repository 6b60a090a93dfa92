import type { Language } from '../model';
import { hasCyrillic } from './text-utils';

/**
 * Language of a sentence or post. The product reads Russian and English channels only: any
 * Cyrillic word (outside URLs and code) makes text Russian, otherwise it is English.
 */

const URL_LIKE = /(?:https?:\/\/|www\.)\S+/g;

export function detectLanguage(text: string): Language {
  return hasCyrillic(text.replace(URL_LIKE, ' ')) ? 'ru' : 'en';
}

/** A post is Russian when its Russian sentences are longer in total than its English ones. */
export function postLanguage(sentences: { text: string; lang: Language }[]): Language {
  let ru = 0;
  let en = 0;
  for (const s of sentences) {
    if (s.lang === 'ru') ru += s.text.length;
    else en += s.text.length;
  }
  return ru >= en && ru > 0 ? 'ru' : 'en';
}
