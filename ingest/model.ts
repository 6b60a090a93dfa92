/**
 * The data contracts shared by every stage of ingest:
 *   parse (export file -> ParsedExport) -> extract (ParsedExport -> Extraction) -> load (Extraction -> Neo4j).
 * Parsing and extraction are pure (no I/O); only ingest/load talks to the database.
 */
import type { EntityType, RelationType } from '../vocabulary/types';

// The vocabulary lives in vocabulary/types.ts; re-exported so the ingest stages read one module.
export { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from '../vocabulary/types';

export type SourceFormat = 'tme-text' | 'telegram-json' | 'telegram-html' | 'tme-html';

export interface ChannelInfo {
  /** Channel title as shown by Telegram. */
  title: string;
  /** Public @username when the export reveals it (t.me links, data-post attributes), else null. */
  username: string | null;
  /** Numeric id from a Telegram Desktop export, else null. */
  telegramId: string | null;
  subscribers: number | null;
  description: string | null;
}

/** A hyperlink found in a post; `text` is the visible text when the URL hides behind words (text_link). */
export interface LinkRef {
  url: string;
  text: string | null;
}

/** One post as read from an export, before any NLP. */
export interface RawPost {
  /** Message id inside the channel when the export has one (JSON, HTML, t.me page), else null. */
  messageId: string | null;
  /** Plain text of the post: paragraphs separated by "\n", links shown as their visible text. */
  text: string;
  /** ISO 8601 with offset or Z; null when the format has none (never invented). */
  date: string | null;
  edited: string | null;
  /** Title of the channel/user the post was forwarded from, else null. */
  forwardedFrom: string | null;
  replyTo: string | null;
  links: LinkRef[];
  /** Public URL of the post (https://t.me/<username>/<id>) when it can be known, else null. */
  sourceUrl: string | null;
  /** Where the post starts in the input (line number, 1-based) for error messages and debugging. */
  line: number | null;
}

export interface ParsedExport {
  format: SourceFormat;
  /** File the export came from (for messages), or a caller-chosen label. */
  source: string;
  channel: ChannelInfo;
  posts: RawPost[];
  /** Non-fatal oddities worth telling the user (skipped media-only messages are not warnings). */
  warnings: string[];
}

export type Language = 'ru' | 'en';

export interface Sentence {
  text: string;
  /** Character offsets into RawPost.text. */
  start: number;
  end: number;
  lang: Language;
}

export interface Mention {
  /** The text as written ("Яндекса", "FB AI"). */
  surface: string;
  /** Character offsets into the post text. */
  start: number;
  end: number;
  /** Index into ExtractedPost.sentences. */
  sentence: number;
}

export interface ExtractedEntity {
  /** Stable graph key: entityKey(name) (see vocabulary/keys.ts). */
  key: string;
  /** Canonical name after alias resolution ("Meta", "Яндекс", "facebookresearch/av_hubert"). */
  name: string;
  type: EntityType;
  /** Other names seen or known for it (excluding the canonical name). */
  aliases: string[];
  mentions: Mention[];
  /** For repositories: the GitHub URL. */
  url?: string;
}

export interface ExtractedRelation {
  /** Canonical names (as in the eval contract) and graph keys of both ends. */
  from: string;
  to: string;
  fromKey: string;
  toKey: string;
  type: RelationType;
  /** The sentence that states the relation. */
  evidence: string;
  /** 0..1: how sure the rule that produced it is. */
  confidence: number;
  /** EVALUATED_ON: score (89.4) and metric ("accuracy", "WER"); OUTPERFORMS: benchmark name. */
  score?: number;
  metric?: string;
  benchmark?: string;
}

export interface ExtractedPost {
  /** Stable post key: "<channelKey>/<messageId>" or "<channelKey>/h<content hash>". */
  id: string;
  messageId: string | null;
  title: string;
  date: string | null;
  edited: string | null;
  forwardedFrom: string | null;
  sourceUrl: string | null;
  text: string;
  language: Language;
  sentences: Sentence[];
  links: LinkRef[];
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
}

export interface ExtractedChannel extends ChannelInfo {
  /** Stable channel key: username if known, else a slug of the title. */
  key: string;
  format: SourceFormat;
}

/** The extraction JSON printed by `npm run extract` (a superset of ../shared/eval/README.md). */
export interface Extraction {
  channel: ExtractedChannel;
  posts: ExtractedPost[];
}
