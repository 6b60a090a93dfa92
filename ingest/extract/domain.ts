import type { LinkRef } from '../model';
import { readKnowledgeFile } from './knowledge-file';
import { foldName } from './text-utils';

/**
 * Is a post about machine learning? Names are typed Model, Library or Dataset only where it is: in a
 * religious or an engineering channel "the Prophet", "Falcon" or "3D model" are no ML things. The
 * evidence is data (ingest/knowledge/ml-domain.json): ML terms in either language, links to ML sites
 * and known ML names that are not also ordinary words. A channel whose posts are mostly about ML
 * lends its context to the few posts that say nothing technical.
 */

export interface MlDomain {
  /** Case-insensitive ML terms, one alternation anchored at word starts. */
  terms: RegExp;
  /** ML terms matched as written ("AI", "ИИ", "OpenAI"). */
  caseSensitiveTerms: RegExp;
  linkHosts: ReadonlySet<string>;
  /** Folded canonical names of known names that need other ML evidence to count as ML. */
  ambiguousNames: ReadonlySet<string>;
  channelShare: number;
}

interface MlDomainFile {
  terms: string[];
  caseSensitiveTerms: string[];
  linkHosts: string[];
  ambiguousNames: string[];
  channelShare: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function readMlDomain(dir: string): MlDomain {
  const raw = readKnowledgeFile<MlDomainFile>(dir, 'ml-domain.json');
  return {
    terms: new RegExp(`(?<![\\p{L}\\d])(?:${raw.terms.join('|')})`, 'iu'),
    caseSensitiveTerms: new RegExp(
      `(?<![\\p{L}\\d])(?:${raw.caseSensitiveTerms.map(escape).join('|')})(?![\\p{L}\\d])`,
      'u',
    ),
    linkHosts: new Set(raw.linkHosts),
    ambiguousNames: new Set(raw.ambiguousNames.map(foldName)),
    channelShare: raw.channelShare,
  };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

const BARE_LINK = /(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)\//gi;

/** Whether the post's own words or links say it is about ML (known names are judged by the caller). */
export function postSaysMl(text: string, links: readonly LinkRef[], d: MlDomain): boolean {
  if (d.terms.test(text) || d.caseSensitiveTerms.test(text)) return true;
  for (const l of links) {
    const host = hostOf(l.url);
    if (host && d.linkHosts.has(host)) return true;
  }
  BARE_LINK.lastIndex = 0;
  for (let m = BARE_LINK.exec(text); m; m = BARE_LINK.exec(text))
    if (d.linkHosts.has(m[1].toLowerCase())) return true;
  return false;
}

/** A channel is about ML when at least `channelShare` of its posts say so themselves. */
export function channelIsMl(postsSayMl: readonly boolean[], d: MlDomain): boolean {
  if (postsSayMl.length === 0) return false;
  return postsSayMl.filter(Boolean).length / postsSayMl.length >= d.channelShare;
}
