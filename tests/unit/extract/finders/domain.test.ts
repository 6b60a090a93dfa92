import { extract } from '../../../../ingest/extract';
import { channelIsMl, postSaysMl, readMlDomain } from '../../../../ingest/extract/domain';
import { DEFAULT_KNOWLEDGE_DIR } from '../../../../ingest/extract/knowledge';
import { exportOf } from '../post-builder';

/**
 * Types only from evidence: a channel or post that is not about ML yields no models, libraries or
 * datasets, and an ambiguous known name is an ML thing only where the post is about ML. Every
 * sentence here is written for the test.
 */

const domain = readMlDomain(DEFAULT_KNOWLEDGE_DIR);
const ML_TYPES = new Set(['Model', 'Library', 'Dataset']);

function mlEntities(texts: string[]): string[] {
  const out = extract(exportOf(texts));
  return out.posts.flatMap((p) =>
    p.entities.filter((e) => ML_TYPES.has(e.type)).map((e) => `${e.name}:${e.type}`),
  );
}

describe('is a post about ML', () => {
  it('ML terms in either language say so', () => {
    expect(postSaysMl('Команда обучила нейросеть на новых данных', [], domain)).toBe(true);
    expect(postSaysMl('The lab fine-tuned its language model overnight', [], domain)).toBe(true);
    expect(postSaysMl('Новый ИИ-ассистент для врачей', [], domain)).toBe(true);
  });

  it('a link to an ML site says so, in the links or bare in the text', () => {
    expect(postSaysMl('Код здесь', [{ url: 'https://github.com/acme/thing', text: null }], domain)).toBe(
      true,
    );
    expect(postSaysMl('Paper: arxiv.org/abs/2401.00001', [], domain)).toBe(true);
  });

  it('ordinary words that ML also uses do not ("model", "3D", "prophet", "ai" in a word)', () => {
    expect(postSaysMl('The new 3D model of the bridge was shown to the city council', [], domain)).toBe(
      false,
    );
    expect(postSaysMl('Пророк сказал: будьте терпеливы', [], domain)).toBe(false);
    expect(postSaysMl('Модель сезона: пальто из шерсти', [], domain)).toBe(false);
    expect(postSaysMl('Thai curry with rice, said the chef', [], domain)).toBe(false);
  });

  it('a channel is about ML when enough of its posts are', () => {
    expect(channelIsMl([true, false, true], domain)).toBe(true);
    expect(channelIsMl([false, false, false, false, true], domain)).toBe(false);
    expect(channelIsMl([], domain)).toBe(false);
  });
});

describe('no ML entities outside ML', () => {
  it('a channel about football, food and travel gives no models, however capitalised its names', () => {
    const found = mlEntities([
      'Матч недели\nЗенит обыграл Спартак со счётом 2:1, гол забил Claudinho.',
      'Recipe of the week\nOur Falcon Bay paella with Bomba rice and Valencia oranges.',
      'Travel\nFrom Lisbon we took the Alfa Pendular train to Porto, then a Ryanair flight.',
      'Ресторан\nВ Moscow City открылся ресторан Phoenix Garden с кухней Sichuan.',
    ]);
    expect(found).toEqual([]);
  });

  it('"the Prophet" of a religious post is no library, the same word in an ML post is', () => {
    expect(mlEntities(['Lesson\nThe Prophet taught patience to his companions.'])).toEqual([]);
    expect(
      mlEntities([
        'Forecasting\nWe fitted Prophet on the sales series and compared it with an LSTM baseline.',
      ]),
    ).toContain('Prophet:Library');
  });

  it('an unknown capitalised run with no cue is no model even in an ML channel', () => {
    const out = extract(exportOf(['News\nThe team met in Zorvath Hall to discuss the new LLM release.']), {
      channelIsMl: true,
    });
    expect(out.posts[0].entities.map((e) => e.name)).not.toContain('Zorvath Hall');
  });

  it('a cue word in an ML post still types an unknown name', () => {
    expect(
      mlEntities(['Release\nThe lab released the language model Zorvath-3 with open weights.']),
    ).toContain('Zorvath-3:Model');
  });
});
