import { ORGANIZE_CUE } from '../verb-cues';
import type { RelationContext, SentenceMention } from './context';
import { isEvent, isOrganisation, isThing, mentionsAfter, nearestBefore, subjectPersonOf } from './mentions';
import { cuesIn, state, textBefore, type SentenceRule } from './rule';

/** Events: who organises them, who speaks at them, what is presented at them. */

const SPEAKER_CUE =
  /спикер|доклад|выступ|расскаж|покаж|модератор|speaker|talk|keynote|will speak|spoke at|speaks at|speaking at|presents|«[^»]+»|"[^"]+"/iu;
/** "At GTC, CEO Jensen Huang introduced …", "на WWDC … Тим Кук представил …": presenting on stage, when the event is in the same sentence. */
const PRESENTER_CUE =
  /представил\p{L}*|показал\p{L}*|анонсировал\p{L}*|introduced|unveiled|presented|announced|showed/iu;
const AT_EVENT = /(?:на|at|to)\s+(?:\p{L}+\s+){0,2}$/iu;
const PRESENTED = /представ|показа|presented|presents|introduc|unveil|accepted|принят|опубликова/iu;

/** "Яндекс проводит конференцию X", "Google hosts X". */
export const organizes: SentenceRule = {
  when: (scope) =>
    scope.types.has('Organization') && scope.types.has('Event') && ORGANIZE_CUE.hint(scope.lower),
  run(scope) {
    const ms = scope.mentions;
    for (const { at } of cuesIn(ORGANIZE_CUE.re, scope.sentence)) {
      const org = nearestBefore(ms, at, isOrganisation);
      const ev = mentionsAfter(ms, at, isEvent)[0];
      if (org && ev) state(scope, org.entity, ev.entity, 'ORGANIZED', 0.7);
    }
  },
};

/** "на конференции ICCV 2021 … представили StylEx", "presented at NeurIPS". */
export const presentedAt: SentenceRule = {
  when: (scope) => scope.types.has('Event'),
  run(scope) {
    const { sentence: s, mentions: ms } = scope;
    for (const ev of ms) {
      if (ev.entity.type !== 'Event') continue;
      if (!AT_EVENT.test(textBefore(scope, ev.start, 40))) continue;
      if (!PRESENTED.test(s.text)) continue;
      const thing =
        ms.find((m) => isThing(m.entity) && m.start > ev.end) ?? ms.find((m) => isThing(m.entity));
      if (thing) state(scope, thing.entity, ev.entity, 'PRESENTED_AT', 0.6);
    }
  },
};

const OWN_TALK =
  /(?<![\p{L}])(?:(?:his|her|their)\s+(?:talk|keynote|lecture|speech|presentation)|(?:в\s+)?(?:своём|своем|своей|его|её|ее)\s+(?:доклад\p{L}*|выступлени\p{L}*|лекци\p{L}*|речи))(?![\p{L}])/iu;

/** Persons introduced with a talk in a post about an event speak at it: a rule over the whole post. */
export function speaksAt(ctx: RelationContext): void {
  const events: SentenceMention[] = ctx.mentions.flat().filter((m) => m.entity.type === 'Event');
  if (!events.length) return;
  ctx.mentions.forEach((ms, si) => {
    const s = ctx.sentences[si];
    // "In his talk …", "В своём докладе …": a sentence with no person speaks of the previous one's subject.
    const speaker =
      OWN_TALK.test(s.text) && !ms.some((m) => m.entity.type === 'Person')
        ? subjectPersonOf(ctx, si - 1)
        : null;
    if (speaker) {
      const ev = [...events].reverse().find((e) => e.start < s.start) ?? events[0];
      ctx.add({ from: speaker, to: ev.entity, type: 'SPEAKS_AT', evidence: s.text, confidence: 0.55 });
    }
    for (const p of ms) {
      if (p.entity.type !== 'Person') continue;
      // The rest of the person's line, but not past the sentence: a talk in a later sentence is someone else's.
      const lineEnd = ctx.text.indexOf('\n', p.end);
      const line = ctx.text.slice(p.start, Math.min(lineEnd < 0 ? ctx.text.length : lineEnd, s.end));
      const presents = PRESENTER_CUE.test(s.text) && ms.some((m) => m.entity.type === 'Event');
      if (!SPEAKER_CUE.test(line) && !SPEAKER_CUE.test(s.text) && !presents) continue;
      const ev = [...events].reverse().find((e) => e.start < p.start) ?? events[0];
      ctx.add({ from: p.entity, to: ev.entity, type: 'SPEAKS_AT', evidence: s.text, confidence: 0.6 });
    }
  });
}
