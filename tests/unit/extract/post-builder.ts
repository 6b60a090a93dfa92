import { extract } from '../../../ingest/extract';
import type { ExtractedPost, ParsedExport, RawPost } from '../../../ingest/model';

/** A ParsedExport made of plain post texts, as a parser would give it. */
export function exportOf(texts: string[], links: RawPost['links'][] = []): ParsedExport {
  return {
    format: 'telegram-json',
    source: 'test',
    channel: {
      title: 'Test channel',
      username: 'test_channel',
      telegramId: null,
      subscribers: null,
      description: null,
    },
    posts: texts.map((text, i) => ({
      messageId: String(i + 1),
      text,
      date: null,
      edited: null,
      forwardedFrom: null,
      replyTo: null,
      links: links[i] ?? [],
      sourceUrl: null,
      line: null,
    })),
    warnings: [],
  };
}

/**
 * Extracts one post, as part of a channel about ML: the rules are tested on single sentences, and
 * whether a text is about ML at all is the domain tests' concern (domain.test.ts).
 */
export function extractOne(text: string, links: RawPost['links'] = []): ExtractedPost {
  return extract(exportOf([text], [links]), { channelIsMl: true }).posts[0];
}

export function entityNames(post: ExtractedPost): string[] {
  return post.entities.map((e) => e.name);
}

export function typeOf(post: ExtractedPost, name: string): string | undefined {
  return post.entities.find((e) => e.name === name)?.type;
}

export function relationTriples(post: ExtractedPost): string[] {
  return post.relations.map((r) => `${r.from} ${r.type} ${r.to}`);
}
