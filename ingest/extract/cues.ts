import type { EntityType } from '../model';
import { vote, type Candidate } from './candidate';

/**
 * Cue words that type an unknown name from its neighbours: "библиотека Tutel", "DL-модель KEAR",
 * "стартап AI Heartdub", "в тесте X-CSR", "Scalecast: LSTM-библиотека", "the Gemma model",
 * "X — это фреймворк". Stems cover Russian case forms.
 */

const CUES: [EntityType, string][] = [
  [
    'Library',
    'библиотек\\p{L}*|пакет\\p{L}*|тулкит\\p{L}*|инструмент\\p{L}*|library|libraries|package|toolkit|sdk',
  ],
  [
    'Model',
    'модел\\p{L}*|нейросет\\p{L}*|нейронн\\p{L}* сет\\p{L}*|архитектур\\p{L}*|алгоритм\\p{L}*|метод\\p{L}*|подход\\p{L}*|фреймворк\\p{L}*|llm|model|models|network|architecture|algorithm|method|approach',
  ],
  [
    'Dataset',
    'датасет\\p{L}*|набор\\p{L}* данных|бенчмарк\\p{L}*|тест\\p{L}*|таблиц\\p{L}* лидеров|корпус\\p{L}*|dataset|datasets|benchmark|benchmarks|corpus|leaderboard',
  ],
  [
    'Organization',
    'компани\\p{L}*|стартап\\p{L}*|лаборатори\\p{L}*|университет\\p{L}*|институт\\p{L}*|исследовател\\p{L}*(?: из)?|учен\\p{L}*(?: из)?|разработчик\\p{L}* из|инженер\\p{L}*|сотрудник\\p{L}*|company|startup|lab|university|team|researchers (?:at|from)|engineers at',
  ],
  [
    'Event',
    'конференци\\p{L}*|митап\\p{L}*|встреч\\p{L}*|саммит\\p{L}*|воркшоп\\p{L}*|хакатон\\p{L}*|форум\\p{L}*|вебинар\\p{L}*|программ\\p{L}*|conference|meetup|summit|workshop|hackathon|webinar|program',
  ],
  [
    'Product',
    'движ\\p{L}*|приложени\\p{L}*|сервис\\p{L}*|платформ\\p{L}*|продукт\\p{L}*|чат-бот\\p{L}*|ассистент\\p{L}*|устройств\\p{L}*|чип\\p{L}*|видеокарт\\p{L}*|процессор\\p{L}*|баз\\p{L}* данных|engine|app|application|service|platform|product|chatbot|assistant|chip|device',
  ],
];

/** Cue right before the name, with up to three lower-case Russian words between ("фреймворк для генерации изображений MvM"). */
const BEFORE = CUES.map(([type, cue]) => ({
  type,
  re: new RegExp(`(?:^|[^\\p{L}])(?:${cue})(?:\\s+[а-яё-]+){0,3}[\\s-]*$`, 'iu'),
  direct: new RegExp(`(?:^|[^\\p{L}])(?:${cue})[\\s-]*$`, 'iu'),
}));
/** Cue right after the name ("X-модель", "X dataset") or in an apposition ("X: новая DL-модель", "X — это фреймворк"). */
const AFTER = CUES.map(([type, cue]) => ({
  type,
  direct: new RegExp(`^[\\s-]*(?:${cue})(?:[^\\p{L}]|$)`, 'iu'),
  apposition: new RegExp(
    `^\\s*(?:[:—–-]|,)\\s*(?:это\\s+|is\\s+an?\\s+|an?\\s+|the\\s+)?(?:[\\p{L}\\d]+[\\s-]+){0,3}?(?:${cue})(?:[^\\p{L}]|$)`,
    'iu',
  ),
}));

/** Adds cue votes to a candidate; `sentence` is its sentence text starting at `sentenceStart` in the post. */
export function cueVotes(c: Candidate, sentence: string, sentenceStart: number): void {
  // An acronym may stand between the cue and the name: "стартап AI Heartdub".
  const before = sentence
    .slice(Math.max(0, c.start - sentenceStart - 60), c.start - sentenceStart)
    .replace(/(?<=\s)[A-Z]{2,4}\s+$/, '');
  const after = sentence.slice(c.end - sentenceStart, c.end - sentenceStart + 60);
  for (const { type, re, direct } of BEFORE) {
    if (direct.test(before)) vote(c, type, 2);
    else if (re.test(before) && type !== 'Organization') vote(c, type, 1);
  }
  // "… от X", "made by X": the maker is an organisation.
  if (/(?<![\p{L}])(?:от|by)\s+$/iu.test(before)) vote(c, 'Organization', 1.5);
  // After the name only the nearest cue counts: "Heartdub One, базой данных компании" is a database.
  let nearest: { type: EntityType; length: number; weight: number } | null = null;
  for (const { type, direct, apposition } of AFTER) {
    const d = direct.exec(after);
    const a = d ? null : apposition.exec(after);
    const m = d ?? a;
    if (m && (!nearest || m[0].length < nearest.length))
      nearest = { type, length: m[0].length, weight: d ? 2.5 : 2 };
  }
  if (nearest) vote(c, nearest.type, nearest.weight);
  if (/(?:обуч\p{L}*|trained|pre-?trained|fine-tuned)\s+(?:на|on)\s+(?:[\p{L}\d]+\s+){0,6}$/iu.test(before))
    vote(c, 'Dataset', 1.5);
  if (/pip3? install(?:\s+-\S+)*\s*$/i.test(before)) vote(c, 'Library', 3);
}
