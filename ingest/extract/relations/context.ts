import type { ExtractedRelation } from '../../model';
import type { Sentence } from '../../model';
import type { MergedEntity } from '../entities';
import type { RelationCues } from '../relation-cues';

/** One mention of a merged entity inside a sentence, as offsets into the post text. */
export interface SentenceMention {
  entity: MergedEntity;
  start: number;
  end: number;
}

/** What the relation rules read from a post, and where they record what they find. */
export interface RelationContext {
  text: string;
  sentences: Sentence[];
  /** Mentions per sentence, sorted by start. */
  mentions: SentenceMention[][];
  /** What the post is about: the first model/library/dataset/product of the title, else the most mentioned one. */
  subject: MergedEntity | null;
  /** The organisation the post is about ("Также компания представила…"): the title's, else the most mentioned. */
  organisation: MergedEntity | null;
  /** Who released `thing` by what has been stated so far. */
  makersOf(thing: MergedEntity): MergedEntity[];
  /** The words that state relations (ingest/knowledge/relation-cues.json). */
  cues: RelationCues;
  add(
    rel: Omit<ExtractedRelation, 'from' | 'to' | 'fromKey' | 'toKey'> & {
      from: MergedEntity;
      to: MergedEntity;
    },
  ): void;
}
