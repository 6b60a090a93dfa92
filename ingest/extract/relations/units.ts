import { isUnitWord } from '../cues';
import { isOrganisation } from './mentions';
import { state, type SentenceRule } from './rule';

/**
 * A unit and what it belongs to: "группой CompVis из LMU Munich", "the Zorbex team at Quillfeather",
 * "лаборатория X в составе Y" is PART_OF. Only a name the sentence calls a team, group or lab: "Zorbex
 * из Quillfeather" alone may be a partner, a client or a place.
 */

const OF_GAP = /^\s*(?:,\s*)?(?:из|из состава|в составе|from|at|of|within)\s+(?:the\s+)?$/iu;
const UNIT_GAP = /^\s+(\p{L}+)\s+(?:из|from|at|of|within)\s+(?:the\s+)?$/iu;
const WORD_BEFORE = /(\p{L}+)\s+(?:the\s+)?$/u;

export const unitOf: SentenceRule = {
  when: (scope) => scope.mentions.filter((m) => isOrganisation(m.entity)).length >= 2,
  run(scope) {
    const { text } = scope.ctx;
    const orgs = scope.mentions.filter((m) => isOrganisation(m.entity));
    for (let i = 0; i + 1 < orgs.length; i++) {
      const unit = orgs[i];
      const whole = orgs[i + 1];
      if (whole.start < unit.end || unit.entity === whole.entity) continue;
      const gap = text.slice(unit.end, whole.start);
      const before = WORD_BEFORE.exec(
        text.slice(Math.max(scope.sentence.start, unit.start - 30), unit.start),
      );
      const cuedBefore = OF_GAP.test(gap) && before !== null && isUnitWord(before[1].toLowerCase());
      const after = UNIT_GAP.exec(gap);
      const cuedAfter = after !== null && isUnitWord(after[1].toLowerCase());
      if (cuedBefore || cuedAfter) state(scope, unit.entity, whole.entity, 'PART_OF', 0.7);
    }
  },
};
