import { channelKey, postId } from '../../vocabulary/keys';
import type { Extraction, ExtractedPost, ParsedExport, RawPost } from '../model';
import { postTitle } from '../parse/title';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge, type Knowledge } from './knowledge';
import { postLanguage } from './language';
import { channelIsMl, postSaysMl } from './domain';
import { unifyPersonsAcrossScripts } from './person-identity';
import { analysePost, type DomainContext } from './pipeline';
import { splitSentences } from './sentences';

/**
 * Public entry point of ingest/extract: ParsedExport → Extraction. Pure apart from reading the
 * knowledge files (ingest/knowledge/*.json) once per process.
 */

export interface ExtractOptions {
  /** Folder with the knowledge files; default ingest/knowledge. */
  knowledgeDir?: string;
  /**
   * Whether the channel is about ML, when the caller knows it; by default it is judged from the
   * posts (ingest/extract/domain.ts). Each post's own words still count either way.
   */
  channelIsMl?: boolean;
}

export { parseGithubUrl } from './repos';
export { splitSentences } from './sentences';
export { detectLanguage } from './language';
export { parseScore } from './scores';

export function extractPost(
  post: RawPost,
  channel: string,
  k: Knowledge,
  domain: DomainContext = { channelIsMl: false, postSaysMl: postSaysMl(post.text, post.links, k.mlDomain) },
): ExtractedPost {
  const sentences = splitSentences(post.text);
  const { entities, relations } = analysePost(post, sentences, k, domain);
  return {
    id: postId(channel, post.messageId, post.text),
    messageId: post.messageId,
    title: postTitle(post.text),
    date: post.date,
    edited: post.edited,
    forwardedFrom: post.forwardedFrom,
    sourceUrl: post.sourceUrl,
    text: post.text,
    language: postLanguage(sentences),
    sentences,
    links: post.links,
    entities,
    relations,
  };
}

/**
 * Whether a channel is about ML, judged from these of its posts: a caller that extracts only some
 * posts of a channel (a follow run writing the changed ones) judges it from all it has read.
 */
export function channelIsMlFrom(
  posts: readonly RawPost[],
  opts: Pick<ExtractOptions, 'knowledgeDir'> = {},
): boolean {
  const k = loadKnowledge(opts.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR);
  return channelIsMl(postsSayMl(posts, k), k.mlDomain);
}

function postsSayMl(posts: readonly RawPost[], k: Knowledge): boolean[] {
  return posts.map((p) => postSaysMl(p.text, p.links, k.mlDomain));
}

export function extract(parsed: ParsedExport, opts: ExtractOptions = {}): Extraction {
  const k = loadKnowledge(opts.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR);
  const key = channelKey(parsed.channel.username, parsed.channel.title);
  // Two passes: whether the channel is about ML depends on all of its posts.
  const says = postsSayMl(parsed.posts, k);
  const mlChannel = opts.channelIsMl ?? channelIsMl(says, k.mlDomain);
  const posts = parsed.posts.map((p, i) =>
    extractPost(p, key, k, { channelIsMl: mlChannel, postSaysMl: says[i] }),
  );
  unifyPersonsAcrossScripts(posts);
  return { channel: { ...parsed.channel, key, format: parsed.format }, posts };
}
