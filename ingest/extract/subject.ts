import type { MergedEntity } from './entities';
import type { SentenceMention } from './relations';
import { isThing } from './relations/mentions';

/** What a post is about: relations stated through "модель", "it" or the title attach to it. */

/** The first model/library/dataset/product of the title, else the most mentioned one. */
export function postSubject(entities: MergedEntity[], mentions: SentenceMention[][]): MergedEntity | null {
  const inTitle = (mentions[0] ?? []).find((m) => isThing(m.entity));
  if (inTitle) return inTitle.entity;
  // A title without a name: the first thing of the first sentence that names one and a cue typed
  // ("Яндекс выложил библиотеку X"), else the most mentioned thing.
  const lead = mentions.find((ms) => ms.some((m) => isThing(m.entity)));
  const cued = lead?.find((m) => isThing(m.entity) && m.entity.typed && !m.entity.known);
  if (cued) return cued.entity;
  let best: MergedEntity | null = null;
  for (const e of entities) if (isThing(e) && (!best || e.mentions.length > best.mentions.length)) best = e;
  return best;
}

/** The organisation of the title, else the one mentioned most (ties: the first): what "компания", "the company" refer to. */
export function postOrganisation(
  entities: MergedEntity[],
  mentions: SentenceMention[][],
): MergedEntity | null {
  const inTitle = (mentions[0] ?? []).find((m) => m.entity.type === 'Organization');
  if (inTitle) return inTitle.entity;
  let best: MergedEntity | null = null;
  for (const e of entities)
    if (e.type === 'Organization' && (!best || e.mentions.length > best.mentions.length)) best = e;
  return best;
}
