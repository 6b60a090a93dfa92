import { cachedEntityKey as entityKey } from './key-cache';
import { EVENT_HEAD_WORDS } from './event-words';
import { looksLikeThing } from './name-shape';
import type { Language } from '../model';
import { vote, type Candidate, type NameRelation } from './candidate';
import { isOrganisationHead, wordCue } from './cues';
import { lookupKnown, MODEL_VERSION, type Knowledge, type KnownName } from './knowledge';
import { stemKey, stemRu } from './russian';
import { foldName, hasCyrillic, isUpperFirst } from './text-utils';
import type { Token } from './tokens';

/**
 * Finds names in one sentence: known names (any script, Russian case forms included) and runs of
 * Latin-script name-like words ("AV-HuBERT", "data2vec", "Heartdub Materials", "wav2vec 2.0").
 * A run that starts with a known organisation is read as "organisation + its thing"
 * ("Microsoft LightGBM", "NVIDIA Quadro RTX 8000", "Citymobil Data Meetup", "МТС BigData").
 */

interface Piece {
  tokens: Token[];
  known?: KnownName;
}

const CONNECTORS = new Set(['via', 'of', 'for', 'and', 'on', 'the', 'in', 'to', 'with', 'de', 'at', '&']);
const UNIT_WORDS = new Set([
  'ai',
  'research',
  'labs',
  'lab',
  'brain',
  'cloud',
  'bigdata',
  'big data',
  'team',
  'group',
  'ventures',
  'foundation',
  'institute',
  'academy',
  'science',
  'technologies',
  'devices',
  'digital',
  'tech',
  'x',
  'ml',
  'data',
  'robotics',
  'health',
  'security',
]);
export const EVENT_HEADS = new RegExp(`^(?:${EVENT_HEAD_WORDS})$`, 'iu');
const VERSION = /^(?:v?\d+(?:[.,]\d+)*\+*|\d+(?:\.\d+)?[A-Za-z]{1,2}|[A-Z]{1,2}\d+[a-z]?|v\d+)$/;
/** "GPT-based", "Llama-style", "KV-cache": a compound with a generic second half is a description. */
const GENERIC_COMPOUND =
  /^[A-Za-z0-9]+-(?:based|like|style|driven|powered|friendly|aware|free|ready|only|level|scale|shot|tuned|tuning|cache|aligned|enabled|compatible|native|first|centric|specific)$/i;
/** Generic tokens that look like names: "TOP-10", "Top-5". */
const GENERIC_SHAPES = /^top-?\d+$/i;
/** Chip and device codes: letters then three or more digits. */
const PRODUCT_CODE = /^[A-Z]{1,2}\d{3,}[a-z]?$/;
const YEAR = /^(?:19|20)\d\d$|^'\d\d$/;

export interface RunContext {
  k: Knowledge;
  sentence: number;
  lang: Language;
  text: string;
  /** Offset of `text` in the post. */
  offset: number;
  /** Start of the sentence's first token (set by findNameRuns). */
  sentenceStartToken?: number;
  /** The sentence is an English Title Case headline (set by findNameRuns). */
  titleCase?: boolean;
}

function isLatinWord(t: string): boolean {
  return /[A-Za-z]/.test(t) && !hasCyrillic(t);
}

function isNameLike(t: string, lang: Language, titleCase = false, k?: Knowledge): boolean {
  if (t.length > 60 || !isLatinWord(t) || GENERIC_COMPOUND.test(t)) return false;
  if (VERSION.test(t) && !PRODUCT_CODE.test(t)) return false;
  // In a Title Case headline capitals say nothing: a common word there is no name.
  if (titleCase && k && k.commonEnglish.has(t.toLowerCase()) && !/[A-Z]/.test(t.slice(1))) return false;
  if (titleCase && k?.headlineVerbs.has(t.toLowerCase())) return false;
  if (k?.calendarWords.has(t.toLowerCase()) && /^[A-Z][a-z]+$/.test(t)) return false;
  if (isUpperFirst(t)) return true;
  if (/[A-Z]/.test(t.slice(1))) return true; // camel case: "iPhone", "cnvrgIO"
  if (/\d/.test(t) && /[a-z]/i.test(t)) return true; // "data2vec", "fp32"
  // Code-file names are names in any language: "llm.c", "whisper.cpp", "transformers.js".
  if (/^[a-z][\w-]*\.(?:c|cc|cpp|js|py|rs|go|ts|jl|rb)$/.test(t)) return true;
  return lang === 'ru' && /[-.]/.test(t) && /^[a-z]/.test(t) && t.length > 3; // "scikit-learn", "llama.cpp"
}

const HARDWARE =
  /\b(?:RTX|GTX|Quadro|Tesla|Jetson|DGX|HGX|TPU|GPU|[AHBVLT]\d{2,3}|Xeon|EPYC|Ryzen|Instinct|InfiniBand|Grace|Blackwell|Hopper)\b/;

/** Words that open a phrase but never a name ("The new Heartdub", "Introducing Zeta"). */
const ROLE_ACRONYM = /^(?:CEO|CTO|CFO|COO|CSO|CPO|CAIO|SVP|EVP)$/;
const SIZE_SUFFIX = /^(?:mini|nano|turbo)$/;
/** Tier words after a known model and its version: "Gemini 1.5 Flash", "Qwen2 72B Instruct". */
const TIER = /^(?:Flash|Pro|Ultra|Nano|Mini|Turbo|Lite|Instruct)$/;
const DATASET_VARIANT =
  /^(?:Pro|Plus|Verified|Lite|Hard|Mini|Extended|Multilingual|Redux|Full|Lite|Test|Dev|Train|Val|v?\d[\w.]*|[IVX]+)$/;
const PREPOSITION = /^(?:At|In|On|During|After|Before|From|For|With|Via|Since|Until)$/;

const LEADING_WORDS = new Set([
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'for',
  'with',
  'new',
  'our',
  'this',
  'these',
  'that',
  'its',
  'their',
  'latest',
  'introducing',
  'meet',
  'via',
  'from',
  'by',
  'to',
  'and',
  'or',
  'of',
  'also',
  'today',
  'now',
  'all',
  'any',
  'some',
  'open',
  'free',
]);

/** Domain words that camel-case terms are built from ("DataQuality", "BigData", "DataOps"). */
const DOMAIN_PARTS = new Set([
  'data',
  'quality',
  'science',
  'big',
  'ops',
  'dev',
  'engineering',
  'analytics',
  'learning',
  'machine',
  'cloud',
  'security',
]);

/** "OpenAI Launches New Reasoning Model": most longer English words capitalised. */
/** Longer words that Title Case still writes in lower case. */
const TITLE_LOWER_WORDS = new Set(['with', 'from', 'into', 'onto', 'over', 'upon', 'than', 'that', 'versus']);

function isTitleCase(tokens: Token[], ctx: RunContext): boolean {
  if (ctx.lang !== 'en') return false;
  const words = tokens.filter((t) => t.text.length > 3 && /^[A-Za-z]+$/.test(t.text));
  if (words.length < 3) return false;
  // Event names are Title Case by nature ("Deep Learning Summit"): read those lines as names.
  if (words.some((t) => EVENT_HEADS.test(t.text))) return false;
  if (words.filter((t) => isUpperFirst(t.text)).length / words.length < 0.7) return false;
  // A headline capitalises its verbs; "Andrej Karpathy founded Eureka Labs" is a sentence full of names.
  if (words.some((t) => /^[a-z]/.test(t.text) && !TITLE_LOWER_WORDS.has(t.text))) return false;
  // Names are capitalised too ("Quillfeather Labs released Nimbus"): a headline also capitalises common words.
  const capitalisedCommon = words.filter(
    (t, i) =>
      (i > 0 || t.start !== tokens[0].start) &&
      isUpperFirst(t.text) &&
      ctx.k.commonEnglish.has(t.text.toLowerCase()),
  );
  return capitalisedCommon.length >= 2;
}

function isGeneric(word: string, k: Knowledge): boolean {
  const w = word.toLowerCase();
  if (
    k.notEntities.has(w) ||
    CONNECTORS.has(w) ||
    YEAR.test(w) ||
    (VERSION.test(word) && !PRODUCT_CODE.test(word)) ||
    GENERIC_SHAPES.test(word)
  )
    return true;
  // An acronym is no common word even when its letters spell one ("GAD", "LIME").
  if (/^[A-Z]{2,}$/.test(word)) return false;
  if (k.commonEnglish.has(w)) return true;
  // Plurals of common words ("Weights", "Results") are common words too.
  if (w.length > 3 && w.endsWith('s') && k.commonEnglish.has(w.slice(0, -1))) return true;
  const parts = word.split(/(?<=[a-z])(?=[A-Z])/);
  return parts.length > 1 && parts.every((p) => DOMAIN_PARTS.has(p.toLowerCase()));
}

/** Longest known name starting at token i (separated by single spaces only). */
function knownAt(tokens: Token[], i: number, ctx: RunContext): { end: number; known: KnownName } | null {
  let best: { end: number; known: KnownName } | null = null;
  const first = tokens[i].text;
  const cyrillic = hasCyrillic(first);
  // Known Cyrillic names are capitalised ("Яндекс", "МТС"): lower-case Russian words are skipped at once.
  if (cyrillic && !isUpperFirst(first)) return null;
  if (!ctx.k.firstWords.has(foldName(first)) && !(cyrillic && ctx.k.firstWords.has(stemRu(first))))
    return null;
  for (let j = i; j < tokens.length && j < i + ctx.k.maxTokens; j++) {
    if (j > i && !/^ +$/.test(ctx.text.slice(tokens[j - 1].end - ctx.offset, tokens[j].start - ctx.offset)))
      break;
    const surface = ctx.text.slice(tokens[i].start - ctx.offset, tokens[j].end - ctx.offset);
    // No known name starts with these words: stop (Russian case forms are looked up by stem instead).
    const isPrefix = ctx.k.prefixes.has(foldName(surface));
    if (!isPrefix && !cyrillic) break;
    let known = isPrefix ? lookupKnown(ctx.k, surface) : undefined;
    if (!known && cyrillic && j - i < 3) known = ctx.k.byStem.get(stemKey(surface));
    if (known) best = { end: j, known };
  }
  return best;
}

function surfaceOf(ctx: RunContext, tokens: Token[]): string {
  return ctx.text.slice(tokens[0].start - ctx.offset, tokens[tokens.length - 1].end - ctx.offset);
}

function gapOk(ctx: RunContext, a: Token, b: Token): boolean {
  const gap = ctx.text.slice(a.end - ctx.offset, b.start - ctx.offset);
  return /^ +$/.test(gap) || /^ ?[/&] ?$/.test(gap);
}

/** "Zebrix and Quollo": "and" between names lists them; only common words around it make one name ("Research and Development"). */
function listAnd(t: Token, current: Piece[], next: Token, ctx: RunContext): boolean {
  if (t.text !== 'and') return false;
  const prev = current[current.length - 1].tokens.at(-1)!;
  return !(isGeneric(prev.text, ctx.k) && isGeneric(next.text, ctx.k));
}

/** "Marta Olsen" before "of Quillfeather Labs": a given name and a surname are not joined to what follows. */
function looksLikePerson(current: Piece[], ctx: RunContext): boolean {
  return (
    current.length === 2 &&
    current.every((p) => !p.known && p.tokens.length === 1 && isUpperFirst(p.tokens[0].text)) &&
    ctx.k.englishFirstNames.has(current[0].tokens[0].text.toLowerCase())
  );
}

/** Splits the sentence tokens into runs of known names and Latin name-like words. */
function buildRuns(tokens: Token[], ctx: RunContext): Piece[][] {
  const runs: Piece[][] = [];
  let current: Piece[] = [];
  const flush = () => {
    while (
      current.length &&
      !current[current.length - 1].known &&
      CONNECTORS.has(current[current.length - 1].tokens[0].text)
    )
      current.pop();
    if (current.length) runs.push(current);
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = current.length ? current[current.length - 1].tokens.at(-1)! : null;
    if (prev && !gapOk(ctx, prev, t)) flush();
    // "Quillfeather Labs CEO Marta Olsen": a role acronym separates the organisation from the person.
    if (ROLE_ACRONYM.test(t.text)) {
      flush();
      continue;
    }
    const known = knownAt(tokens, i, ctx);
    if (known) {
      current.push({ tokens: tokens.slice(i, known.end + 1), known: known.known });
      i = known.end;
      continue;
    }
    const inRun = current.length > 0;
    const nextIsName =
      i + 1 < tokens.length && isNameLike(tokens[i + 1].text, ctx.lang, ctx.titleCase, ctx.k);
    // Connectors join long unknown names ("Manifold Matching via Metric Learning"), never after a known one ("CVPR 2024 in Seattle").
    const prevKnown = inRun && current.some((p) => p.known);
    if (isNameLike(t.text, ctx.lang, ctx.titleCase, ctx.k)) current.push({ tokens: [t] });
    else if (inRun && VERSION.test(t.text)) current.push({ tokens: [t] });
    // "GPT-4o mini", "o3 pro": a lower-case size word right after a known model is part of its name.
    else if (inRun && SIZE_SUFFIX.test(t.text) && current.at(-1)?.known?.type === 'Model')
      current.push({ tokens: [t] });
    else if (
      inRun &&
      !prevKnown &&
      CONNECTORS.has(t.text) &&
      nextIsName &&
      !knownAt(tokens, i + 1, ctx) &&
      // "Markdown for LLM pipelines": a cue word after the connector is a description, not a name's end.
      !wordCue(tokens[i + 1].text.toLowerCase()) &&
      !looksLikePerson(current, ctx) &&
      !listAnd(t, current, tokens[i + 1], ctx)
    )
      current.push({ tokens: [t] });
    else flush();
  }
  flush();
  return runs;
}

function makeCandidate(
  ctx: RunContext,
  tokens: Token[],
  name: string,
  extra: Partial<Candidate> = {},
): Candidate {
  const surface = surfaceOf(ctx, tokens);
  return {
    surface,
    start: tokens[0].start,
    end: tokens[tokens.length - 1].end,
    sentence: ctx.sentence,
    name,
    key: entityKey(name),
    votes: {},
    aliases: [],
    ...extra,
  };
}

function knownCandidate(ctx: RunContext, piece: Piece): Candidate {
  const known = piece.known!;
  return makeCandidate(ctx, piece.tokens, known.canonical, { known, type: known.type });
}

/** Shape of an unknown name hints at its type ("…GAN" is a model, "…QA" a dataset). */
function shapeVotes(c: Candidate, words: string[]): void {
  const last = words[words.length - 1];
  if (
    EVENT_HEADS.test(last) ||
    (words.length > 1 && EVENT_HEADS.test(words[words.length - 2]) && YEAR.test(last))
  )
    vote(c, 'Event', 3);
  if (/(?:QA|Bench|-bench|GLUE|Set|Eval|corpus)$/.test(last)) vote(c, 'Dataset', 1);
  // "Open LLM Leaderboard", "Chatbot Arena": a ranking is a benchmark.
  if (words.length > 1 && /^(?:Leaderboard|Arena)$/.test(last)) vote(c, 'Dataset', 3);
  if (/(?:Net|Networks?|GAN|BERT|GPT|LM|former|Diffusion|Coder|VAE|\d+[BM])$/.test(last)) vote(c, 'Model', 1);
  if (/(?:\.js|\.py|-learn|^Py[A-Z]|[Ll]ib|Kit|SDK)$/.test(last)) vote(c, 'Library', 1);
  if (words.length > 1 && isOrganisationHead(last)) vote(c, 'Organization', 2);
}

/** Reads one run: known names, organisation + thing, events, persons, unknown names. */
function interpretRun(run: Piece[], ctx: RunContext, out: Candidate[], rels: NameRelation[]): void {
  // Leading common words are not part of a name ("In PyTorch", "The new Heartdub").
  // Leading generic acronyms go only before a known name ("GPU CUDA"); "AI Heartdub" keeps its "AI".
  // Event names keep all their words ("Reinforcement Learning Summit").
  // A preposition opening a sentence is never part of a name, not even an event's ("At Quantum Summit 2025").
  while (run.length > 1 && !run[0].known && PREPOSITION.test(run[0].tokens[0].text)) run = run.slice(1);
  const isEventName = run.some((p) => !p.known && EVENT_HEADS.test(p.tokens[0].text));
  // …but a run made only of common words stays whole ("Lumen Labs", "Swarm Learning") and is judged as a phrase.
  const allGeneric = run.every((p) => !p.known && p.tokens.every((t) => isGeneric(t.text, ctx.k)));
  // Only words that cannot start a name go: acronyms like "AI", function words, or a sentence's first word
  // ("Command R+" and "Mixture of Experts" keep their first word).
  const droppable = (t: Token) => {
    const w = t.text.toLowerCase();
    return (
      ctx.k.notEntities.has(w) ||
      LEADING_WORDS.has(w) ||
      (t.start === ctx.sentenceStartToken && isGeneric(t.text, ctx.k))
    );
  };
  while (run.length > 1 && !run[0].known && !isEventName && !allGeneric && droppable(run[0].tokens[0]))
    run = run.slice(1);
  // A known name after unknown words starts a new run ("Scalecast PyTorch" is two names).
  const firstKnown = run.findIndex((p) => p.known);
  // …except another given name before a known person's bare surname: "Maria Karpathy" is not Andrej.
  if (firstKnown === 1 && run.length === 2 && isOtherPerson(run[0], run[1], ctx)) {
    const tokens = run.flatMap((p) => p.tokens);
    out.push(makeCandidate(ctx, tokens, surfaceOf(ctx, tokens), { type: 'Person' }));
    return;
  }
  // "Codestral Mamba": one unknown word before a known architecture or model names a new model.
  if (
    firstKnown === 1 &&
    !ctx.titleCase &&
    run[1].known?.type === 'Model' &&
    isUpperFirst(run[1].tokens[0].text) &&
    run.length === 2 &&
    run[0].tokens.length === 1 &&
    isUpperFirst(run[0].tokens[0].text) &&
    !isGeneric(run[0].tokens[0].text, ctx.k) &&
    run[0].tokens[0].start !== ctx.sentenceStartToken
  ) {
    const tokens = run.flatMap((p) => p.tokens);
    const c = makeCandidate(ctx, tokens, surfaceOf(ctx, tokens));
    vote(c, 'Model', 2);
    out.push(c);
    return;
  }
  // A change of script is a boundary too: "AI Journey 2024 Сбер" is an event and an organisation.
  const scriptChange =
    firstKnown > 0 &&
    hasCyrillic(run[firstKnown].tokens[0].text) !== hasCyrillic(run[firstKnown - 1].tokens.at(-1)!.text);
  if (
    firstKnown > 0 &&
    (scriptChange || run.slice(0, firstKnown).some((p) => !isGeneric(p.tokens[0].text, ctx.k)))
  ) {
    interpretRun(run.slice(0, firstKnown), ctx, out, rels);
    interpretRun(run.slice(firstKnown), ctx, out, rels);
    return;
  }
  const tokens = run.flatMap((p) => p.tokens);
  const words = tokens.map((t) => t.text);
  const head = run[0];
  const rest = run.slice(1);
  const restWords = rest.flatMap((p) => p.tokens.map((t) => t.text));
  const restIsVersion = restWords.every(
    (w) => VERSION.test(w) || YEAR.test(w) || SIZE_SUFFIX.test(w) || TIER.test(w),
  );

  if (head.known) {
    const known = head.known;
    // "AI Journey 2024 Сбер", "GPT-4 OpenAI": a known name of another kind after it is a name of its own.
    const other = rest.findIndex((p) => p.known && p.known.type !== known.type);
    if (known.type !== 'Organization' && other >= 0) {
      interpretRun(run.slice(0, other + 1), ctx, out, rels);
      interpretRun(rest.slice(other), ctx, out, rels);
      return;
    }
    if (rest.length === 0) {
      out.push(knownCandidate(ctx, head));
      return;
    }
    // "Midjourney v6": an organisation's name with a "v" version names its product, which it released.
    if (known.type === 'Organization' && restWords.length === 1 && /^v\d+(?:\.\d+)*$/i.test(restWords[0])) {
      const org = knownCandidate(ctx, head);
      const thing = makeCandidate(ctx, tokens, surfaceOf(ctx, tokens), { aliases: [] });
      vote(thing, 'Model', 1);
      out.push(org, thing);
      rels.push({
        fromKey: org.key,
        toKey: thing.key,
        type: 'RELEASED',
        sentence: ctx.sentence,
        confidence: 0.7,
      });
      return;
    }
    if (restIsVersion) {
      if (known.type === 'Event' || known.type === 'Model' || known.type === 'Product') {
        const c = makeCandidate(ctx, tokens, surfaceOf(ctx, tokens), { type: known.type, aliases: [] });
        if (known.type === 'Event') c.aliases.push(known.canonical);
        out.push(c);
      } else out.push(knownCandidate(ctx, head));
      return;
    }
    if (known.type === 'Organization') {
      const org = knownCandidate(ctx, head);
      out.push(org);
      const second = rest[0];
      const afterSecond = rest.slice(1).flatMap((p) => p.tokens.map((t) => t.text));
      if (second.known && afterSecond.every((w) => VERSION.test(w))) {
        const thing = knownCandidate(ctx, second);
        thing.aliases.push(surfaceOf(ctx, tokens));
        out.push(thing);
        if (thing.type !== 'Organization' && thing.type !== 'Person')
          rels.push({
            fromKey: org.key,
            toKey: thing.key,
            type: 'RELEASED',
            sentence: ctx.sentence,
            confidence: 0.8,
          });
        return;
      }
      const whole = makeCandidate(ctx, tokens, surfaceOf(ctx, tokens));
      const restText = restWords.join(' ').toLowerCase();
      if (restWords.every((w) => UNIT_WORDS.has(w.toLowerCase())) || UNIT_WORDS.has(restText)) {
        whole.type = 'Organization';
        rels.push({
          fromKey: whole.key,
          toKey: org.key,
          type: 'PART_OF',
          sentence: ctx.sentence,
          confidence: 0.7,
        });
      } else if (restWords.some((w) => EVENT_HEADS.test(w))) {
        whole.type = 'Event';
        rels.push({
          fromKey: org.key,
          toKey: whole.key,
          type: 'ORGANIZED',
          sentence: ctx.sentence,
          confidence: 0.7,
        });
      } else {
        // "NVIDIA Quadro RTX 8000" is hardware; "Mistral Large 2" is a model; otherwise a product.
        if (HARDWARE.test(restWords.join(' '))) vote(whole, 'Product', 2);
        else if (restWords.some((w) => /\d/.test(w))) vote(whole, 'Model', 1.5);
        else vote(whole, 'Product', 1);
        shapeVotes(whole, words);
        if (!restWords.every((w) => isGeneric(w, ctx.k)) && rest.length === 1)
          whole.aliases.push(restWords.join(' '));
        rels.push({
          fromKey: org.key,
          toKey: whole.key,
          type: 'RELEASED',
          sentence: ctx.sentence,
          confidence: 0.7,
        });
      }
      out.push(whole);
      return;
    }
    // "На HumanEval Codestral набирает": a benchmark's variants are few ("MMLU Pro", "SWE-bench
    // Verified"); another capitalised name after it is a name of its own.
    if (known.type === 'Dataset' && !restWords.every((w) => DATASET_VARIANT.test(w))) {
      out.push(knownCandidate(ctx, head));
      interpretRun(rest, ctx, out, rels);
      return;
    }
    // A known non-organisation followed by more words names a variant of it ("Azure NDm A100 v4").
    const whole = makeCandidate(ctx, tokens, surfaceOf(ctx, tokens));
    vote(whole, known.type, 2);
    out.push(whole);
    return;
  }

  // A lone version-like word is no name, except a hardware code ("B200", "GB200", "MI300").
  if (
    words.every((w) => VERSION.test(w) || YEAR.test(w)) &&
    !(words.length === 1 && PRODUCT_CODE.test(words[0]))
  )
    return;
  const surface = surfaceOf(ctx, tokens);
  const folded = surface.toLowerCase();
  const c = makeCandidate(ctx, tokens, surface);
  if (ctx.k.places.has(folded)) {
    c.stop = true;
    out.push(c);
    return;
  }
  if (ctx.k.notEntities.has(folded)) {
    // A generic term that is also a library's name is that library only when a library cue calls it
    // one ("библиотеки Transformers", "the Transformers library"; names.json libraryOnlyWhenCued): it
    // is kept as generic, and merging asks for that cue. "a Python library" stays a description.
    if (
      words.length === 1 &&
      ctx.k.libraryOnlyWhenCued.has(folded) &&
      tokens[0].start !== ctx.sentenceStartToken &&
      isUpperFirst(words[0]) &&
      libraryCueBeside(ctx, c)
    )
      c.genericTerm = true;
    else c.stop = true;
    out.push(c);
    return;
  }
  if (
    words.length >= 2 &&
    words.length <= 3 &&
    ctx.k.englishFirstNames.has(words[0].toLowerCase()) &&
    !ctx.k.commonEnglish.has(words[1].toLowerCase()) &&
    words.every((w) => isUpperFirst(w) && !/\d/.test(w)) &&
    !looksLikeThing(words, ctx.text.slice(c.end - ctx.offset, c.end - ctx.offset + 20)) &&
    !isOrganisationHead(words[words.length - 1])
  ) {
    c.type = 'Person';
    out.push(c);
    return;
  }
  shapeVotes(c, words);
  // "YOLOv9" beside a known YOLOv7, "GPT-7" beside GPT-4: a new version of a known family is a model.
  if (MODEL_VERSION.test(surface) && ctx.k.modelFamilies.has(foldName(surface.replace(MODEL_VERSION, ''))))
    vote(c, 'Model', 2);
  // "Northern Bird Society": three capitalised words ending in an organisation word name one.
  const namedOrganisation = words.length >= 3 && isOrganisationHead(words[words.length - 1]);
  if (words.every((w) => isGeneric(w, ctx.k)) && !c.votes.Event && !namedOrganisation) {
    // A capitalised common word opening a sentence ("New", "The", "Source") is no name; elsewhere it may be
    // one ("the library Quiver") when a cue says so.
    if (words.length === 1 && tokens[0].start === ctx.sentenceStartToken) c.stop = true;
    else c.weak = true;
  }
  if (words.length === 1 && words[0].length === 1) c.stop = true; // "X", "K": variables, not names
  out.push(c);
}

const WORD_BEFORE = /(\p{L}+)\s+$/u;
const WORD_AFTER = /^\s+(\p{L}+)/u;

/** A library cue word on either side, apart by a space ("библиотеки Transformers", "Transformers library"), not joined ("Python-библиотека" is about the library, not Python). */
function libraryCueBeside(ctx: RunContext, c: Candidate): boolean {
  const at = c.start - ctx.offset;
  const before = WORD_BEFORE.exec(ctx.text.slice(Math.max(0, at - 30), at))?.[1];
  const after = WORD_AFTER.exec(ctx.text.slice(c.end - ctx.offset, c.end - ctx.offset + 30))?.[1];
  return [before, after].some((w) => w !== undefined && wordCue(w.toLowerCase()) === 'Library');
}

/** A given name, then a known person written by surname alone, whose own given name differs. */
function isOtherPerson(given: Piece, known: Piece, ctx: RunContext): boolean {
  const person = known.known;
  if (!person || person.type !== 'Person' || known.tokens.length !== 1 || given.tokens.length !== 1)
    return false;
  const first = given.tokens[0].text;
  if (!isUpperFirst(first) || !ctx.k.englishFirstNames.has(first.toLowerCase())) return false;
  return first.toLowerCase() !== person.canonical.split(/\s+/)[0].toLowerCase();
}

export function findNameRuns(tokens: Token[], ctx: RunContext, out: Candidate[], rels: NameRelation[]): void {
  ctx.sentenceStartToken = tokens[0]?.start;
  ctx.titleCase = isTitleCase(tokens, ctx);
  for (const run of buildRuns(tokens, ctx)) interpretRun(run, ctx, out, rels);
}
