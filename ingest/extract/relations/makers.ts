import { isAgentNoun } from '../relation-cues';
import type { SentenceMention } from './context';
import type { EntityTest } from './mentions';
import type { SentenceScope } from './rule';

/**
 * Who made something, read backwards from its verb: the name nearest the verb and every name
 * joined to it as a co-maker, by a list ("Google, Meta и Microsoft выпустили"), a co-agent phrase
 * with an optional agent noun ("Stability AI совместно с группой CompVis … выпустили", "Хинтон
 * вместе с Алексом Крижевским и Ильей Суцкевером представил", "X together with Y released") or a
 * conjunction and an agent noun ("… и компанией Runway"). A name right after "из"/"from"/"at" is
 * where the one before it works ("группой CompVis из LMU Munich"): no maker itself.
 */

const LIST_GAP = /^\s*(?:,|и|and|&)?\s*$/iu;
const AFFILIATION_GAP = /^\s*(?:(?:,\s*)?(?:(?:team|group|lab)\s+)?(?:из|from|at|of)\s+(?:the\s+)?|\(\s*)$/iu;
const WORDS = /[\p{L}-]+/gu;

export function makersBefore(scope: SentenceScope, pos: number, ok: EntityTest): SentenceMention[] {
  const before = scope.mentions.filter((m) => m.end <= pos);
  const { text } = scope.ctx;
  const out: SentenceMention[] = [];
  let earliest: SentenceMention | null = null;
  let affiliation = false; // `earliest` is where the next one back works: that one is joined to it
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i];
    if (!ok(m.entity)) {
      // "A и B из Academia Sinica вместе с C": where the makers before work does not end the list.
      const prev = before[i - 1];
      if (
        earliest &&
        !affiliation &&
        m.entity.type === 'Organization' &&
        prev &&
        ok(prev.entity) &&
        AFFILIATION_GAP.test(text.slice(prev.end, m.start)) &&
        joinsMakers(scope, text.slice(m.end, earliest.start))
      ) {
        earliest = m;
        affiliation = true;
        continue;
      }
      if (earliest) break;
      continue;
    }
    if (earliest && !affiliation && !joinsMakers(scope, text.slice(m.end, earliest.start))) break;
    earliest = m;
    const prev = before[i - 1];
    affiliation = !!prev && ok(prev.entity) && AFFILIATION_GAP.test(text.slice(prev.end, m.start));
    if (!affiliation) out.push(m);
  }
  return out.reverse();
}

/** Whether the text between two names joins them as co-makers. */
function joinsMakers(scope: SentenceScope, gap: string): boolean {
  // "A (Org) and B": the closing bracket of A's affiliation stands before the conjunction.
  gap = gap.replace(/^\s*\)/u, '');
  if (LIST_GAP.test(gap)) return true;
  let rest = gap
    .trim()
    .toLowerCase()
    .replace(/^(?:,|и(?=\s)|and(?=\s)|&)\s*/u, '');
  const co = scope.ctx.cues.released.coAgents.find(
    (p) => rest.startsWith(p) || (p.endsWith(' с') && rest.startsWith(`${p}о`)),
  );
  if (co) rest = rest.slice(co.length).replace(/^о(?=\s|$)/u, '');
  else if (rest === gap.trim().toLowerCase()) return false; // neither a conjunction nor a co-agent phrase
  rest = rest.replace(/^\s*(?:the\s+)?/u, '');
  const words = rest.match(WORDS) ?? [];
  // At most one agent noun between the phrase and the name: "совместно с группой", "и компанией".
  if (words.length === 0) return co !== undefined;
  return words.length === 1 && isAgentNoun(words[0], scope.ctx.cues.released);
}
