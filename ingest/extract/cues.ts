import type { EntityType } from '../model';
import { vote, type Candidate } from './candidate';
import { EVENT_CUE_WORDS } from './event-words';
import { DEFAULT_KNOWLEDGE_DIR, readKnowledgeFile } from './knowledge-file';
import { parses } from './morphology';

/**
 * Cue words that type an unknown name from its neighbours: "библиотека Tutel", "DL-модель KEAR",
 * "стартап AI Heartdub", "в тесте X-CSR", "Scalecast: LSTM-библиотека", "the Gemma model",
 * "X — это фреймворк". Stems cover Russian case forms. Matching is word by word (a handful of
 * words either side), which is much faster than end-anchored regexes over the whole window.
 */

interface CueWords {
  ru: string[];
  en: string[];
}
const {
  unitCues: UNIT_CUE_WORDS,
  comparedWith: COMPARED_WITH,
  organisationHeads: ORGANISATION_HEADS,
  ...TYPE_CUE_WORDS
} = readTypeCues();
/** "Sierra Club", "Quillfeather Labs": the last word of a name that makes it an organisation. */
export const isOrganisationHead = (word: string): boolean => ORGANISATION_HEADS.includes(word);
const alternation = (w: CueWords) => [...w.ru.map((x) => `${x}\\p{L}*`), ...w.en].join('|');

/** The cue words of each type (ingest/knowledge/type-cues.json), as one alternation per type. */
const CUES: [EntityType, string][] = [
  ...Object.entries(TYPE_CUE_WORDS).map(
    ([type, w]) => [type as EntityType, alternation(w)] as [EntityType, string],
  ),
  ['Event', EVENT_CUE_WORDS],
];

function readTypeCues(): {
  unitCues: CueWords;
  comparedWith: string[];
  organisationHeads: string[];
} & Record<string, CueWords> {
  const raw = readKnowledgeFile<Record<string, unknown>>(DEFAULT_KNOWLEDGE_DIR, 'type-cues.json');
  // Keys starting with "$" are comments.
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith('$'))) as {
    unitCues: CueWords;
    comparedWith: string[];
    organisationHeads: string[];
  } & Record<string, CueWords>;
}

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
/**
 * The text between two names when one is compared with the other ("matches", "сопоставима с"):
 * an unknown name compared with a known model is a model (type-cues.json "comparedWith").
 */
export const COMPARED_GAP = new RegExp(
  `^\\s*,?\\s*(?:${COMPARED_WITH.map((p) =>
    escape(p)
      .replace(/\\\*|\*/g, '\\p{L}*')
      .replace(/ /g, '\\s+'),
  ).join('|')})\\s+(?:the\\s+)?$`,
  'iu',
);
/** "Quillfeather’s new speech model": an owner's possessive before a thing noun (typing and the release rules). */
export const POSSESSIVE_OF_THING =
  /^['’]s\s+(?:[\p{Ll}\d-]+\s+){0,3}(?:model|models|library|framework|dataset|benchmark|app|chatbot|assistant|product|tool|chip|llm|модел\p{L}*|библиотек\p{L}*|фреймворк\p{L}*|датасет\p{L}*)(?![\p{L}])/iu;
const COLLEAGUES_AFTER =
  /^\s+(?:and|и)\s+(?:his|her|their|его|её|ее|их)\s+(?:colleagues|co-?authors|team|коллег\p{L}*|соавтор\p{L}*|команд\p{L}*)/iu;

/** Two-word cues, matched on a pair of words. */
const PAIR_CUES: [EntityType, RegExp][] = [
  ['Dataset', /^(?:набор\p{L}* данных|таблиц\p{L}* лидеров)$/iu],
  ['Model', /^нейронн\p{L}* сет\p{L}*$/iu],
  ['Product', /^баз\p{L}* данных$/iu],
  // "a Python tool", "an open-source CLI tool": a tool in a programming language is a library.
  [
    'Library',
    /^(?:python|javascript|typescript|rust|go|cli|command-line|open-source|opensource|python-) (?:tool|tools|утилит\p{L}*)$/iu,
  ],
  [
    'Organization',
    /^(?:researchers|engineers|учен\p{L}*|исследовател\p{L}*|разработчик\p{L}*) (?:из|at|from)$/iu,
  ],
];
/** "команда SberDevices", "the Zorbex team": a team or group with a proper name is an organisation. */
const UNIT_CUE = new RegExp(`^(?:${alternation(UNIT_CUE_WORDS)})$`, 'iu');
/** Whether a lower-case word names a team or unit ("группа", "team", "лаборатория"): what a unit is part of is stated after it. */
export const isUnitWord = (word: string): boolean =>
  UNIT_CUE.test(word) || /^(?:лаборатори\p{L}*|lab|labs|laboratory)$/iu.test(word);
const WORD_CUES = CUES.map(([type, cue]) => ({ type, re: new RegExp(`^(?:${cue})$`, 'iu') }));

const WORD = /[\p{L}\d]+(?:-[\p{L}\d]+)*/gu;

interface Word {
  text: string;
  start: number;
  end: number;
}

function words(s: string): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m; m = WORD.exec(s)) {
    // "DL-модель", "Python-библиотека": the cue is the last part of a hyphenated word.
    const parts = m[0].split('-');
    const last = parts[parts.length - 1];
    out.push({
      text: last.toLowerCase(),
      start: m.index + m[0].length - last.length,
      end: m.index + m[0].length,
    });
  }
  return out;
}

const MODIFIED_CUE = /^\s+(\p{Ll}[\p{Ll}\d]*(?:-[\p{Ll}\d]+)*)\s+([\p{L}-]+)(?![\p{L}\d-])/u;
/** English adjectives by their shape ("wafer-scale", "multimodal", "open"); Russian ones by the analyser. */
const ENGLISH_ADJECTIVE =
  /^(?:[a-z\d]+-[a-z\d-]+|[a-z]+(?:al|ic|ive|ous|ful|able|ible|ary|ian|ese|ish|less)|open|new|small|large|tiny|big|fast|latest|first|next|own)$/u;
function isAdjective(word: string): boolean {
  if (/^[a-z\d-]+$/.test(word)) return ENGLISH_ADJECTIVE.test(word);
  return parses(word).some((p) => p.pos === 'ADJF');
}

const wordCueCache = new Map<string, EntityType | null>();

/** The type a single lower-case cue word gives the name next to it ("библиотека" → Library), if any. */
export function wordCue(word: string): EntityType | null {
  let type = wordCueCache.get(word);
  if (type !== undefined) return type;
  type = null;
  for (const { type: t, re } of WORD_CUES)
    if (re.test(word)) {
      type = t;
      break;
    }
  if (wordCueCache.size > 100_000) wordCueCache.clear();
  wordCueCache.set(word, type);
  return type;
}

function pairCue(word: string, next: string | undefined): EntityType | null {
  if (next === undefined) return null;
  const pair = `${word} ${next}`;
  for (const [type, re] of PAIR_CUES) if (re.test(pair)) return type;
  return null;
}

/** The cue starting at `word`: a two-word cue first ("набор данных"), else a one-word cue. */
function cueType(word: string, next?: string): EntityType | null {
  return pairCue(word, next) ?? wordCue(word);
}

/** Adds cue votes to a candidate; `sentence` is its sentence text starting at `sentenceStart` in the post. */
export function cueVotes(c: Candidate, sentence: string, sentenceStart: number): void {
  // An acronym may stand between the cue and the name: "стартап AI Heartdub".
  const before = sentence
    .slice(Math.max(0, c.start - sentenceStart - 60), c.start - sentenceStart)
    .replace(/(?<=\s)[A-Z]{2,4}\s+$/, '');
  const after = sentence.slice(c.end - sentenceStart, c.end - sentenceStart + 60);

  const bw = words(before);
  const tail = before.slice(bw.length ? bw[bw.length - 1].end : 0);
  if (bw.length && /^[\s:-]*$/.test(tail)) {
    const last = bw[bw.length - 1].text;
    const pairType = bw.length > 1 ? pairCue(bw[bw.length - 2].text, last) : null;
    const direct = pairType ?? wordCue(last);
    if (direct) vote(c, direct, 2);
    else if (!c.weak && UNIT_CUE.test(last)) vote(c, 'Organization', 2);
    else {
      // "фреймворк для генерации изображений MvM": up to three lower-case Russian words between.
      for (
        let i = bw.length - 2, gap = 1;
        i >= 0 && gap <= 3 && /^[а-яё]+$/.test(bw[i + 1].text);
        i--, gap++
      ) {
        const t = wordCue(bw[i].text);
        if (t && t !== 'Organization') {
          vote(c, t, 1);
          break;
        }
      }
    }
    // "… от X", "made by X": the maker is an organisation.
    if (last === 'от' || last === 'by') vote(c, 'Organization', 1.5);
  }

  const aw = words(after);
  if (aw.length) {
    const lead = after.slice(0, aw[0].start);
    if (/^[\s-]*$/.test(lead)) {
      // "X-модель", "X dataset"
      const t = cueType(aw[0].text, aw[1]?.text);
      // "the Chinese AI lab": common words after an article describe; "Lumen Labs" names.
      const described = c.weak && /(?:^|\s)(?:the|a|an)\s+$/i.test(before);
      if (t && !(described && t === 'Organization')) vote(c, t, 2.5);
      else if (!c.weak && UNIT_CUE.test(aw[0].text)) vote(c, 'Organization', 2.5);
    } else if (/^\s*(?:[:—–-]|,)\s*$/.test(lead)) {
      // "X: новая DL-модель", "X — это фреймворк", "X, a benchmark for …": only the nearest cue counts.
      let i = 0;
      if (/^(?:это|is|a|an|the)$/.test(aw[0].text)) i = aw[1] && /^(?:a|an|the)$/.test(aw[1].text) ? 2 : 1;
      for (let n = 0; i < aw.length && n < 4; i++, n++) {
        const t = cueType(aw[i].text, aw[i + 1]?.text);
        if (t) {
          vote(c, t, 2);
          break;
        }
      }
    }
  }
  // "WSE-3 wafer-scale chip", "Gemma open models": one lower-case modifier, then the cue word.
  const modified = MODIFIED_CUE.exec(after);
  if (modified && isAdjective(modified[1])) {
    const t = wordCue(modified[2].split('-').at(-1)!.toLowerCase());
    if (t && t !== 'Organization' && t !== 'Event') vote(c, t, 2);
  }
  // "X and her colleagues", "X и его соавторы": only people have colleagues and co-authors.
  if (COLLEAGUES_AFTER.test(after)) vote(c, 'Person', 3);
  // "trained on 30 hours of TED Talk" (no conjunction between: "обучены на … и опережают X" is about X's rival).
  const trained =
    /(?:обуч\p{L}*|trained|pre-?trained|fine-tuned)\s+(?:на|on)\s+((?:[\p{L}\d]+\s+){0,6})$/iu.exec(before);
  if (trained && !/(?:^|\s)(?:и|and|а|но|but)\s/i.test(` ${trained[1]}`)) vote(c, 'Dataset', 1.5);
  // "scores 87.5% on X", "точность 90% на X".
  if (
    /(?:\d\s*%|\d+[.,]\d+|accuracy|score|точност\p{L}*|state of the art|state-of-the-art|sota|record|рекорд)\s+(?:on|на)\s+(?:the\s+)?$/iu.test(
      before,
    )
  )
    vote(c, 'Dataset', 2);
  if (/pip3? install(?:\s+-\S+)*\s*$/i.test(before)) vote(c, 'Library', 3);
  // "evaluated on MMMU and ChartQA", "протестирована на X": what a model is evaluated on is a benchmark.
  if (
    /(?:evaluated|tested|benchmarked|assessed|measured|оценен\p{L}*|протестирован\p{L}*)\s+(?:on|на)\s+(?:the\s+)?$/iu.test(
      before,
    )
  )
    vote(c, 'Dataset', 2);
}
