import type { Candidate, NameRelation } from './candidate';
import type { MergedEntity } from './entities';
import { cachedEntityKey as entityKey } from './key-cache';
import type { RelationContext } from './relations';
import { isThing } from './relations/mentions';
import type { RepoHit } from './repos';
import { skeleton } from './person-identity';
import { compactName } from './text-utils';

/**
 * Post rules: relations that come from the whole post rather than one sentence: inside names,
 * organisation prefixes, repositories and their owners, parents the knowledge names.
 */

/** Relations a finder saw inside a name ("Facebook Prophet": Meta RELEASED Prophet). */
export function linkNameRelations(
  nameRels: NameRelation[],
  byCandidateKey: Map<string, MergedEntity>,
  ctx: RelationContext,
): void {
  for (const r of nameRels) {
    const from = byCandidateKey.get(r.fromKey);
    const to = byCandidateKey.get(r.toKey);
    if (!from || !to) continue;
    const evidence = ctx.sentences[r.sentence]?.text ?? '';
    // The thing's final type decides what making it means: organising an event, a unit of an organisation.
    if (r.type === 'RELEASED' && to.type === 'Event')
      ctx.add({ from, to, type: 'ORGANIZED', evidence, confidence: r.confidence });
    else if (r.type === 'RELEASED' && to.type === 'Organization')
      ctx.add({ from: to, to: from, type: 'PART_OF', evidence, confidence: r.confidence });
    else ctx.add({ from, to, type: r.type, evidence, confidence: r.confidence });
  }
}

/** "Heartdub Materials" next to the organisation "AI Heartdub": the organisation released it. */
export function linkOrganisationPrefixes(entities: MergedEntity[], ctx: RelationContext): void {
  const orgs = entities.filter((e) => e.type === 'Organization');
  for (const e of entities) {
    if (!isThing(e)) continue;
    const first = e.name.split(/\s+/)[0].toLowerCase();
    if (first === e.name.toLowerCase()) continue;
    const org = orgs.find((o) => o.name.split(/\s+/).at(-1)!.toLowerCase() === first);
    if (org)
      ctx.add({ from: org, to: e, type: 'RELEASED', evidence: firstEvidence(e, ctx), confidence: 0.6 });
  }
}

function firstEvidence(e: MergedEntity, ctx: RelationContext): string {
  const m = e.mentions.find((x) => x.sentence >= 0);
  return m ? ctx.sentences[m.sentence].text : '';
}

/** "github.com/karpathy/…" beside "Андрей Карпатый": a GitHub account named like a person of the post is theirs. */
function personOwning(account: string, byKey: Map<string, MergedEntity>): MergedEntity | undefined {
  const handle = skeleton(account);
  if (handle.length < 3) return undefined;
  return [...byKey.values()].find((e) => {
    if (e.type !== 'Person') return false;
    const words = e.name.split(/\s+/);
    return skeleton(words[words.length - 1]) === handle || skeleton(words.join('')) === handle;
  });
}

/** Repositories: their owner OWNS them, the thing they are named after (or stand next to) HAS_REPO. */
export function linkRepos(
  hits: RepoHit[],
  owners: Map<string, Candidate>,
  byKey: Map<string, MergedEntity>,
  ctx: RelationContext,
): void {
  const things = [...byKey.values()].filter((e) => isThing(e) || e.type === 'Event');
  for (const h of hits) {
    const repo = byKey.get(entityKey(h.fullName));
    if (!repo) continue;
    const evidence =
      h.start === null
        ? h.url
        : (ctx.sentences[ctx.sentences.findIndex((s) => h.start! < s.end)]?.text ?? h.url);
    const owner = owners.get(h.fullName);
    const ownerEntity = owner ? (byKey.get(owner.key) ?? undefined) : personOwning(h.owner, byKey);
    if (ownerEntity)
      ctx.add({ from: ownerEntity, to: repo, type: 'OWNS', evidence, confidence: owner ? 0.9 : 0.7 });
    const name = compactName(h.name);
    const last = compactName(h.subpath.split('/').filter(Boolean).at(-1) ?? '');
    // "Kandinsky 3.0" is the repository "Kandinsky-3"; an exact match beats a name inside ("FSDP" in "YaFSDP").
    const exact = things.filter((e) => {
      const c = compactName(e.name);
      const short = compactName(e.name.replace(/(\d)\.0\b/g, '$1'));
      return c.length >= 3 && (c === name || c === last || short === name || short === last);
    });
    const matched = exact.length
      ? exact
      : things.filter((e) => {
          const c = compactName(e.name);
          return !e.known && c.length >= 4 && name.includes(c);
        });
    for (const e of matched) ctx.add({ from: e, to: repo, type: 'HAS_REPO', evidence, confidence: 0.85 });
    if (matched.length) continue;
    const si = h.start === null ? -1 : ctx.sentences.findIndex((s) => h.start! < s.end);
    const near =
      si >= 0
        ? [...ctx.mentions[si]].reverse().find((m) => m.start < h.start! && isThing(m.entity))
        : undefined;
    const target = near?.entity ?? ctx.subject;
    if (target) ctx.add({ from: target, to: repo, type: 'HAS_REPO', evidence, confidence: near ? 0.6 : 0.5 });
  }
}

/** Knowledge says Google AI is part of Google: stated when both are in the post. */
export function linkKnownParents(
  entities: MergedEntity[],
  byKey: Map<string, MergedEntity>,
  ctx: RelationContext,
): void {
  for (const e of entities) {
    const parent = e.parent ? byKey.get(entityKey(e.parent)) : undefined;
    if (parent)
      ctx.add({ from: e, to: parent, type: 'PART_OF', evidence: firstEvidence(e, ctx), confidence: 0.6 });
  }
}

const MAKER_IN_TITLE = /(?:^|\s)(?:from|by|от|у)\s+$/iu;
const LIST_ITEM = /^\s*(?:[-•*·▪—–]|\d+[.)])\s*/u;

/**
 * "Three things from Apple this week" over a bullet list: the organisation the title names with
 * "from" made the thing that opens each item ("- OpenELM, a family of …"), when the title names no
 * thing of its own.
 */
export function linkTitledList(ctx: RelationContext): void {
  const title = ctx.mentions[0] ?? [];
  if (title.some((m) => isThing(m.entity))) return;
  const maker = title.find(
    (m) =>
      m.entity.type === 'Organization' &&
      MAKER_IN_TITLE.test(ctx.text.slice(Math.max(ctx.sentences[0].start, m.start - 8), m.start)),
  );
  if (!maker) return;
  ctx.sentences.forEach((s, si) => {
    if (si === 0) return;
    const lead = LIST_ITEM.exec(s.text);
    if (!lead) return;
    const first = ctx.mentions[si][0];
    if (first && isThing(first.entity) && first.start - s.start <= lead[0].length)
      ctx.add({ from: maker.entity, to: first.entity, type: 'RELEASED', evidence: s.text, confidence: 0.55 });
  });
}
