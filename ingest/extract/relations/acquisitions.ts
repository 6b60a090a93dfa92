import { parses } from '../morphology';
import { isOrganisation, nearestBefore } from './mentions';
import { state, type SentenceRule } from './rule';

/**
 * Who bought whom: "Hugging Face покупает Gradio", "объявила о покупке стартапа Gradio", "Acme
 * acquired Zorbex": what is bought becomes PART_OF the buyer. The buyer is the organisation nearest
 * before the cue (verb or noun, by lemma in Russian); what is bought is the name right after it, with
 * at most an agent noun between ("стартапа", "компании", "the startup").
 */

const WORD = /[\p{L}\d]+(?:-[\p{L}\d]+)*/gu;
const HINT = /куп|приобрет|поглот|поглощ|acqui|buy|bought|purchas/;
const GAP = /^\s+(?:\p{L}+\s+){0,2}$/u;

export const acquisitions: SentenceRule = {
  when: (scope) => scope.types.has('Organization') && HINT.test(scope.lower),
  run(scope) {
    const { ctx, sentence: s, mentions: ms } = scope;
    const cues = ctx.cues.acquired;
    const agents = ctx.cues.released.agents;
    WORD.lastIndex = 0;
    for (let w = WORD.exec(s.text); w; w = WORD.exec(s.text)) {
      const word = w[0];
      const isCue = cues.en.has(word.toLowerCase()) || parses(word).some((p) => cues.ru.has(p.lemma));
      if (!isCue) continue;
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
      const agentOnly =
        between === '' ||
        /^(?:startup|company|lab|firm)$/iu.test(between) ||
        parses(between).some((p) => agents.has(p.lemma));
      if (!GAP.test(gap) || !agentOnly) continue;
      state(scope, bought.entity, buyer.entity, 'PART_OF', 0.7);
    }
  },
};
