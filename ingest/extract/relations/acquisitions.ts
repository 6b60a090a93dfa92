import { ACQUISITION_HINT, isAcquisitionWord, isAgentNoun } from '../relation-cues';
import { isOrganisation, nearestBefore } from './mentions';
import { state, type SentenceRule } from './rule';

/**
 * Who bought whom: "Hugging Face покупает Gradio", "объявила о покупке стартапа Gradio", "Acme
 * acquired Zorbex": what is bought becomes PART_OF the buyer. The buyer is the organisation nearest
 * before the cue (verb or noun, by lemma in Russian); what is bought is the name right after it, with
 * at most an agent noun between ("стартапа", "компании", "the startup").
 */

const WORD = /[\p{L}\d]+(?:-[\p{L}\d]+)*/gu;
const GAP = /^\s+(?:\p{L}+\s+){0,2}$/u;

export const acquisitions: SentenceRule = {
  when: (scope) => scope.types.has('Organization') && ACQUISITION_HINT.test(scope.lower),
  run(scope) {
    const { ctx, sentence: s, mentions: ms } = scope;
    WORD.lastIndex = 0;
    for (let w = WORD.exec(s.text); w; w = WORD.exec(s.text)) {
      const word = w[0];
      if (!isAcquisitionWord(word, ctx.cues.acquired)) continue;
      const at = s.start + w.index;
      const end = at + word.length;
      const buyer = nearestBefore(ms, at, isOrganisation);
      const bought = ms.find((m) => m.start >= end);
      if (!buyer || !bought || bought.entity === buyer.entity) continue;
      if (bought.entity.type === 'Person' || bought.entity.type === 'Event') continue;
      const gap = ctx.text.slice(end, bought.start);
      const between = gap
        .trim()
        .replace(/^(?:the|its|a|an)(?:\s+|$)/iu, '')
        .trim();
      const agentOnly = between === '' || isAgentNoun(between, ctx.cues.released);
      if (!GAP.test(gap) || !agentOnly) continue;
      state(scope, bought.entity, buyer.entity, 'PART_OF', 0.7);
    }
  },
};
