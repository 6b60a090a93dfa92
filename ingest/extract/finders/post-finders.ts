import type { Sentence } from '../../model';
import { vote, type Candidate } from '../candidate';
import { EVENT_NOUNS } from '../event-words';
import { cachedEntityKey as entityKey } from '../key-cache';
import { lookupKnown, type Knowledge } from '../knowledge';
import { sentenceIndexAt } from '../offsets';
import type { RepoHit } from '../repos';
import { compactName } from '../text-utils';

/**
 * Finders that read the whole post rather than one sentence: quoted event names, pip packages,
 * and the repositories its links name (with their owners when the knowledge knows them).
 */

/** "вебинар «LLM в продакшене»": a quoted name after an event word is the event's name. */
export function addQuotedEvents(text: string, sentences: Sentence[], all: Candidate[]): void {
  if (!/[«"“]/.test(text)) return;
  const re = new RegExp(`(?<![\\p{L}])(?:${EVENT_NOUNS})\\p{L}*\\s+[«"“]([^»"”\\n]{3,80})[»"”]`, 'giu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1].trim();
    const start = m.index + m[0].indexOf(m[1]);
    all.push({
      surface: m[1],
      start,
      end: start + m[1].length,
      sentence: sentenceIndexAt(sentences, start),
      name,
      key: entityKey(name),
      type: 'Event',
      votes: {},
      aliases: [],
    });
  }
}

/** "pip install -U hiplot": the package is a library, and the same thing as a name spelt otherwise. */
export function addPipPackages(text: string, sentences: Sentence[], all: Candidate[]): void {
  const re = /pip3?\s+install\s+(?:-\S+\s+)*([A-Za-z][A-Za-z0-9_.-]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const pkg = m[1];
    const start = m.index + m[0].length - pkg.length;
    // "pip install openai-whisper": a package named after its maker and a name of the post is that name.
    const dash = pkg.indexOf('-');
    const makerPrefix =
      dash > 0 &&
      all.some(
        (c) =>
          !c.stop && c.type === 'Organization' && compactName(c.name) === compactName(pkg.slice(0, dash)),
      );
    const bare = makerPrefix ? pkg.slice(dash + 1) : pkg;
    const same =
      all.find((c) => !c.stop && compactName(c.name) === compactName(pkg)) ??
      (makerPrefix
        ? all.find((c) => !c.stop && c.known && compactName(c.name) === compactName(bare))
        : undefined);
    const base: Candidate = same
      ? { ...same, votes: {}, aliases: [] }
      : {
          surface: pkg,
          start,
          end: start + pkg.length,
          sentence: 0,
          name: pkg,
          key: entityKey(pkg),
          votes: {},
          aliases: [],
        };
    const c: Candidate = {
      ...base,
      surface: pkg,
      start,
      end: start + pkg.length,
      sentence: sentenceIndexAt(sentences, start),
    };
    if (same) vote(same, 'Library', 3);
    vote(c, 'Library', 3);
    all.push(c);
  }
}

/** Repository candidates of the links, and the organisations owning them by GitHub account. */
export function repoCandidates(
  text: string,
  hits: RepoHit[],
  sentences: Sentence[],
  k: Knowledge,
): { cands: Candidate[]; owners: Map<string, Candidate> } {
  const cands: Candidate[] = [];
  const owners = new Map<string, Candidate>();
  for (const h of hits) {
    const start = h.start ?? -1;
    const end = h.end ?? -1;
    const sentence = h.start === null ? -1 : sentenceIndexAt(sentences, h.start);
    cands.push({
      surface: h.start === null ? h.fullName : text.slice(start, end),
      start,
      end,
      sentence,
      name: h.fullName,
      key: entityKey(h.fullName),
      type: 'Repository',
      votes: {},
      aliases: [],
      url: h.url,
    });
    const orgName = k.githubOwners.get(h.owner.toLowerCase());
    const known = orgName ? lookupKnown(k, orgName) : lookupKnown(k, h.owner);
    if (!orgName && known?.type !== 'Organization') continue;
    const name = known?.canonical ?? orgName!;
    owners.set(h.fullName, {
      surface: h.owner,
      start: -1,
      end: -1,
      sentence,
      name,
      key: entityKey(name),
      type: 'Organization',
      known,
      votes: {},
      aliases: [],
    });
  }
  return { cands, owners };
}
