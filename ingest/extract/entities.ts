import type { EntityType, ExtractedEntity, Mention } from '../model';
import { vote, type Candidate } from './candidate';
import { shapeType } from './name-shape';
import { foldName, hasCyrillic } from './text-utils';

/**
 * Merges the candidates of one post into entities: one per key (plural and alias forms joined),
 * typed by knowledge or by the sum of cue votes (unknown names with no cue are models: in ML news
 * a new capitalised name is most often a model), named by the knowledge or by the most frequent form.
 */

const TYPE_PRIORITY: EntityType[] = [
  'Model',
  'Library',
  'Dataset',
  'Organization',
  'Product',
  'Event',
  'Person',
  'Repository',
];
const STRONG_CUE = 2;
const LIST_GAP = /^\s*(?:,|и|and|or|или|&|\/)\s*$/i;
/** A pair is joined by a conjunction ("MERA и ruMMLU"); "On GSM8K, Vanta-3 leads" is no pair. */
const PAIR_GAP = /^\s*(?:и|and|or|или|&|\/)\s*$/i;

/** Unknown names in an enumeration take the type of their known neighbours ("scikit-learn, statsmodels, X и Keras"). */
/** Two or three capitalised words of letters only: "Xiaohua Zhai", "Marta van Olsen". */
const PERSON_SHAPE = /^\p{Lu}\p{Ll}+(?:\s+(?:van|von|de|der|da|di|le|la)?\s*\p{Lu}\p{Ll}+){1,2}$/u;

export function propagateListTypes(sentenceCands: Candidate[], text: string): void {
  let group: Candidate[] = [];
  const flush = () => {
    if (group.length >= 3) {
      const counts = new Map<EntityType, number>();
      for (const c of group) if (c.type) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
      const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
      if (top && top[1] >= 2 && top[0] !== 'Organization') {
        for (const c of group) if (!c.type && maxVote(c) < STRONG_CUE) vote(c, top[0], 1.5);
      } else if (!top) {
        // "сравнили VoxNet-2, qwikLM и DeepSift": names listed with one whose shape says what it is
        // are the same kind of thing; the others have no evidence of their own.
        const shaped = group.map(votedType).filter((t): t is EntityType => t !== null);
        const kinds = new Set(shaped);
        if (kinds.size === 1 && !kinds.has('Organization') && !kinds.has('Person'))
          for (const c of group) if (maxVote(c) === 0) vote(c, shaped[0], 0.5);
      }
    } else if (group.length === 2 && PAIR_GAP.test(text.slice(group[0].end, group[1].start))) {
      // "на бенчмарках MERA и ruMMLU": a pair shares the type of a benchmark or library it is paired with.
      const typed = group.find((c) => c.type === 'Dataset' || c.type === 'Library' || strongest(c));
      const type = typed && (typed.type ?? strongest(typed));
      const other = group.find((c) => c !== typed);
      if (type && other && !other.type && !other.known && maxVote(other) === 0) vote(other, type, 1.5);
      // "Lucas Beyer and Xiaohua Zhai": a name shaped like a person's, paired with a person, is one.
      const person = group.find((c) => c.type === 'Person');
      const partner = group.find((c) => c !== person);
      if (person && partner && !partner.type && !partner.known && PERSON_SHAPE.test(partner.surface))
        vote(partner, 'Person', 2);
    }
    group = [];
  };
  for (const c of sentenceCands) {
    const prev = group[group.length - 1];
    if (prev && !(LIST_GAP.test(text.slice(prev.end, c.start)) || c.start < prev.end)) flush();
    // The organisation inside "Facebook Prophet" is part of the name, not a list item.
    if (prev && c.start >= prev.start && c.end <= prev.end) continue;
    group.push(c);
  }
  flush();
}

/** The Dataset or Library type a strong cue gave an untyped candidate, if any. */
function strongest(c: Candidate): 'Dataset' | 'Library' | undefined {
  if ((c.votes.Dataset ?? 0) >= STRONG_CUE) return 'Dataset';
  if ((c.votes.Library ?? 0) >= STRONG_CUE) return 'Library';
  return undefined;
}

/** The type a candidate's votes lean to, if any. */
function votedType(c: Candidate): EntityType | null {
  let best: EntityType | null = null;
  for (const [t, v] of Object.entries(c.votes))
    if (v && (!best || v > (c.votes[best] ?? 0))) best = t as EntityType;
  return best;
}

function maxVote(c: Candidate): number {
  return Math.max(0, ...Object.values(c.votes).map((v) => v ?? 0));
}

function pluralBase(key: string): string {
  return /[a-z]s$/.test(key) && key.length > 3 ? key.slice(0, -1) : key;
}

/** Weight of what a name's own words say ("… University", "… Server"): above a cue word next to it. */
const SHAPE_VOTE = 3;

function chooseType(group: Candidate[], name: string): EntityType {
  const fixed = group.find((c) => c.known)?.type ?? group.find((c) => c.type)?.type;
  if (fixed) return fixed;
  const totals = new Map<EntityType, number>();
  const shaped = shapeType(name);
  if (shaped) totals.set(shaped, SHAPE_VOTE);
  for (const c of group)
    for (const [t, v] of Object.entries(c.votes))
      totals.set(t as EntityType, (totals.get(t as EntityType) ?? 0) + (v ?? 0));
  let best: EntityType = 'Model';
  let bestScore = 0;
  for (const t of TYPE_PRIORITY) {
    const s = totals.get(t) ?? 0;
    if (s > bestScore) [best, bestScore] = [t, s];
  }
  return best;
}

function chooseName(group: Candidate[]): string {
  const known = group.find((c) => c.known);
  if (known) {
    const k = known.known!;
    // A person written in Russian keeps a Russian full name ("Илья Суцкевер"), the Latin one is an alias.
    if (k.type === 'Person' && group.every((c) => hasCyrillic(c.surface))) {
      const russian = k.aliases.find((a) => hasCyrillic(a) && a.includes(' '));
      if (russian) return russian;
    }
    return k.canonical;
  }
  const counts = new Map<string, number>();
  for (const c of group) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  // A size variant ("Llama 3.1 405B") gives way to its base name when both are used.
  for (const name of [...counts.keys()]) {
    const base = name.replace(/ \d+(?:\.\d+)?[BMKbmk]$/, '');
    if (base !== name && counts.has(base)) counts.delete(name);
  }
  return [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || Number(/^\p{Ll}/u.test(b[0])) - Number(/^\p{Ll}/u.test(a[0])),
  )[0][0];
}

export interface MergedEntity extends ExtractedEntity {
  /** Candidate keys that point at this entity (for relations found on candidates). */
  candidateKeys: Set<string>;
  /** Found in the knowledge files. */
  known: boolean;
  /** Its type came from knowledge, a finder or a cue, not from the default. */
  typed: boolean;
  /** Organisation the knowledge says this one is part of. */
  parent?: string;
}

export function mergeEntities(cands: Candidate[], keyOf: (name: string) => string): MergedEntity[] {
  const live = cands.filter((c) => !c.stop);
  // Union keys joined by aliases and plural forms.
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const byKey = new Map<string, Candidate[]>();
  for (const c of live) {
    if (!byKey.has(c.key)) byKey.set(c.key, []);
    byKey.get(c.key)!.push(c);
    parent.set(c.key, find(c.key));
  }
  const plural = new Map<string, string>();
  for (const key of byKey.keys()) {
    const base = pluralBase(key);
    if (plural.has(base)) union(plural.get(base)!, key);
    else plural.set(base, key);
  }
  for (const c of live)
    for (const a of c.aliases) {
      const k = keyOf(a);
      if (byKey.has(k) && !byKey.get(k)!.some((x) => x.known)) union(c.key, k);
    }
  // "Llama 3.1 405B" next to "Llama 3.1": a size variant is the same release.
  for (const key of byKey.keys()) {
    const base = key.replace(/ \d+(?:\.\d+)?[bmk]$/, '');
    if (base !== key && byKey.has(base)) union(base, key);
  }
  // "Swarm" after "Swarm Learning": a bare first word with no cue of its own is a short mention.
  const multiFirst = new Map<string, string>();
  for (const key of byKey.keys()) if (key.includes(' ')) multiFirst.set(key.split(' ')[0], key);
  for (const [key, cs] of byKey) {
    const long = multiFirst.get(key);
    if (long && cs.every((c) => !c.known && !c.type && maxVote(c) < STRONG_CUE)) union(long, key);
  }
  const groups = new Map<string, Candidate[]>();
  for (const c of live) {
    const root = find(c.key);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(c);
  }

  const out: MergedEntity[] = [];
  for (const group of groups.values()) {
    if (group.every((c) => c.weak) && !group.some((c) => maxVote(c) >= STRONG_CUE)) continue;
    if (group.every((c) => c.genericTerm) && !group.some((c) => (c.votes.Library ?? 0) >= STRONG_CUE))
      continue;
    const name = chooseName(group);
    const type = chooseType(group, name);
    const aliasSet = new Set<string>();
    for (const c of group) {
      for (const a of c.aliases) aliasSet.add(a);
      for (const a of c.known?.aliases ?? []) aliasSet.add(a);
      if (c.known && c.surface !== name && c.known.aliases.includes(c.surface)) aliasSet.add(c.surface);
    }
    const knownName = group.find((c) => c.known)?.known?.canonical;
    if (knownName && knownName !== name) aliasSet.add(knownName);
    const folded = foldName(name);
    const aliases = [...aliasSet].filter((a) => foldName(a) !== folded);
    const seen = new Set<string>();
    const mentions: Mention[] = [];
    for (const c of [...group].sort((a, b) => a.start - b.start)) {
      const id = `${c.start}:${c.end}`;
      if (seen.has(id) || c.start < 0) continue;
      seen.add(id);
      mentions.push({ surface: c.surface, start: c.start, end: c.end, sentence: c.sentence });
    }
    const url = group.find((c) => c.url)?.url;
    const parent = group.find((c) => c.known?.parent)?.known?.parent;
    out.push({
      key: keyOf(name),
      name,
      type,
      aliases,
      mentions,
      ...(url ? { url } : {}),
      ...(parent ? { parent } : {}),
      known: group.some((c) => c.known),
      typed: group.some((c) => c.known || c.type || maxVote(c) > 0) || shapeType(name) !== null,
      candidateKeys: new Set(group.map((c) => c.key)),
    });
  }
  return mergeSameKey(out);
}

/** Two groups can still end on one canonical name (a person found twice, a known alias): join them. */
function mergeSameKey(entities: MergedEntity[]): MergedEntity[] {
  const byKey = new Map<string, MergedEntity>();
  for (const e of entities) {
    const prev = byKey.get(e.key);
    if (!prev) {
      byKey.set(e.key, e);
      continue;
    }
    for (const a of e.aliases) if (!prev.aliases.includes(a)) prev.aliases.push(a);
    const seen = new Set(prev.mentions.map((m) => `${m.start}:${m.end}`));
    for (const m of e.mentions) if (!seen.has(`${m.start}:${m.end}`)) prev.mentions.push(m);
    prev.mentions.sort((a, b) => a.start - b.start);
    for (const k of e.candidateKeys) prev.candidateKeys.add(k);
    prev.known ||= e.known;
    prev.typed ||= e.typed;
  }
  return [...byKey.values()];
}
