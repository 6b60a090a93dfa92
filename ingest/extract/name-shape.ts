import type { EntityType } from '../model';

/**
 * What an unknown name's own words say about it, used before falling back to "Model": "University
 * of Toronto" and "Isomorphic Labs" are organisations, "… Olympiad" an event, "AlphaFold Server" a
 * product. Also spots measures written like names ("22B-parameter", "128K-token", "The 9B"), which
 * are no entities at all.
 */

const SHAPES: [EntityType, RegExp][] = [
  [
    'Organization',
    /^(?:University|Universit[éeä]|Institute|College|School|Academy)\b|\b(?:University|Institute|Labs?|Laboratory|Research|Inc\.?|Corp\.?|Corporation|Foundation|Ltd\.?|LLC|GmbH|Technologies|University of \p{Lu}\p{L}+)$/u,
  ],
  ['Event', /\b(?:Olympiad|Conference|Summit|Symposium|Congress|Hackathon|Workshop|Expo)(?: \d{4})?$/u],
  ['Product', /\b(?:Server|Studio|App|Cloud|Chip|Superchip|Playground|CPU|GPU|TPU|NPU)$/u],
];

/** The type an unknown name's shape implies, or null. */
export function shapeType(name: string): EntityType | null {
  for (const [type, re] of SHAPES) if (re.test(name)) return type;
  return null;
}

const MEASURE =
  /^(?:the |a |an )?\d[\d.,]*\s?(?:[KMBT]|billion|million|thousand)?(?:-(?:parameter|token|bit|layer|billion|million|thousand|dimensional|shot|step|hour|day|second)s?)*$/iu;

/** "22B-parameter", "2-billion-parameter", "128K-token", "The 9B": a measure, not a name. */
export function isMeasure(name: string): boolean {
  return MEASURE.test(name);
}

const THING_WORD =
  /^(?:Superchip|Chip|CPU|GPU|TPU|NPU|Server|Studio|Cloud|Model|Engine|Network|Transformer|Dataset|Benchmark)s?$/;
const THING_AFTER =
  /^\s+(?:superchips?|chips?|CPUs?|GPUs?|TPUs?|NPUs?|servers?|models?|architecture|engine|platform|app)\b/i;

/**
 * "Grace Blackwell Superchip", "Grace CPU": a name that starts like a person's ("Grace") but holds or
 * is followed by a hardware or product word is a thing. `after` is the text right after the name.
 */
export function looksLikeThing(words: string[], after: string): boolean {
  return words.some((w) => THING_WORD.test(w)) || THING_AFTER.test(after);
}
