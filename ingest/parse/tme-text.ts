import { basename } from 'node:path';
import { InputError } from '../errors';
import type { ParsedExport, RawPost } from '../model';
import { dedupeLinks, urlsInText } from './links';
import { normalizePostText } from './post-text';
import { assertPostSize, type ParseOptions } from './options';
import { isPageChrome, readHeader, type Header } from './tme-text-header';
import {
  dayLine,
  endsOpenClause,
  endsWithUrl,
  footerTime,
  forwardedFromName,
  isBlank,
  isBulletEmoji,
  isPostFooter,
  leadingEmoji,
  looksLikeTitle,
  stripLeadingEmoji,
} from './text-lines';

/**
 * Text copied from a channel's public page (t.me/s/<name>): a header, then posts with no
 * separators. Where the copy kept post footers ("1.2K views 10:15") they end posts; otherwise a post
 * starts at an emoji-led headline (see startsPost). The format has no message ids and, without
 * footers and day lines, no dates: those stay null. A copy without any post is refused (no-posts.ts).
 */

const ORIGIN = 'ingest/tme-text';

/** How posts are delimited in this copy. */
type Layout =
  /** Footers ("views", times) end every post: the emoji heuristic is not needed. */
  | 'footers'
  /** Posts follow each other line by line; blank lines are paragraph breaks inside a post. */
  | 'adjacent'
  /** Posts are separated by blank lines and have none inside. */
  | 'blank';

interface Draft {
  line: number;
  forwardedFrom: string | null;
  lines: string[];
  /** Non-blank lines so far (kept as a count: recounting per line would be quadratic). */
  contentLines: number;
  day: string | null;
  time: string | null;
}

export function parseTmeText(text: string, source: string, opts: ParseOptions = {}): ParsedExport {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const header = readHeader(lines, basename(source).replace(/\.[^.]+$/, ''));
  const warnings: string[] = [];
  if (header.bodyStart === 0)
    warnings.push(
      `${ORIGIN}: ${source}: no channel header found; the file name is used as the channel title`,
    );
  const layout = chooseLayout(lines, header.bodyStart);
  const posts: RawPost[] = [];
  let draft: Draft | null = null;
  let day: string | null = null;

  const close = () => {
    if (draft) {
      const post = finishDraft(draft, source, opts);
      if (post) posts.push(post);
    }
    draft = null;
  };

  for (let i = header.bodyStart; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) {
      draft?.lines.push('');
      continue;
    }
    const forwarded = forwardedFromName(line);
    if (forwarded !== null) {
      close();
      draft = { line: i + 1, forwardedFrom: forwarded, lines: [], contentLines: 0, day, time: null };
      continue;
    }
    if (isPostFooter(line)) {
      // A footer belongs to the post above it.
      if (draft) (draft as Draft).time = footerTime(line);
      close();
      continue;
    }
    const dayMark = dayLine(line);
    if (dayMark && startsPostAfter(lines, i)) {
      close();
      day = dayMark.date;
      continue;
    }
    if (isPageChrome(line)) continue;
    if (header.bodyStart > 0 && line.trim() === header.channel.title) {
      // The page names the channel above each of its posts: a separator, not text.
      close();
      continue;
    } // "Please open Telegram to view this post" stands for media
    if (
      !draft ||
      (layout !== 'footers' &&
        (startsPost(lines, i, draft, layout) || startsPostWithoutEmoji(lines, i, draft, layout)))
    ) {
      close();
      draft = { line: i + 1, forwardedFrom: null, lines: [], contentLines: 0, day, time: null };
    }
    (draft as Draft).lines.push(line);
    (draft as Draft).contentLines++;
  }
  close();
  if (posts.length === 0) throw new InputError(ORIGIN, source, noPostsFound(header, lines));
  return {
    format: 'tme-text',
    source,
    channel: { ...header.channel, username: null, telegramId: null },
    posts,
    warnings,
  };
}

/** Why a copy yielded no post (see no-posts.ts for why that is refused). */
function noPostsFound(header: Header, lines: string[]): string {
  if (header.bodyStart > 0)
    return `a channel header ("${header.channel.title}") but no posts after it: copied before the posts loaded?`;
  const read = lines.filter((l) => !isBlank(l)).length;
  return `no posts in ${read} non-blank line${read === 1 ? '' : 's'} (only page chrome, view counters or day lines): is this a copy of a t.me/s page?`;
}

/**
 * Whether line i starts a new post: an emoji-led headline after a finished paragraph, not part of
 * a list, with the spacing this copy uses between posts.
 */
function startsPost(lines: string[], i: number, draft: Draft, layout: Layout): boolean {
  if (draft.contentLines < 2) return false; // a title needs a body before the next one
  const afterBlank = isBlank(lines[i - 1] ?? '');
  if (layout === 'adjacent' ? afterBlank : !afterBlank) return false;
  return isEmojiHeadline(lines, i);
}

/**
 * An emoji-led line that reads like a headline and stands after a finished paragraph, not as an
 * item of an emoji list (same emoji as its neighbours, a bullet emoji, or after "...:").
 */
function isEmojiHeadline(lines: string[], i: number): boolean {
  const emoji = leadingEmoji(lines[i]);
  if (!emoji || !looksLikeTitle(lines[i])) return false;
  const prev = previousNonBlank(lines, i);
  if (prev === null || endsOpenClause(prev)) return false;
  if (isBulletEmoji(emoji) && !endsWithUrl(prev)) return false;
  if (sameEmoji(leadingEmoji(prev), emoji)) return false;
  const next = nextNonBlank(lines, i);
  return next === null || !sameEmoji(leadingEmoji(next), emoji);
}

/**
 * A headline without emoji is taken only where the previous post visibly ended: right after a line
 * ending with a URL (posts often close with their links). It must read like a title (2+ words,
 * capitalised, no final punctuation), repeat no line of the post (a picture caption), and be
 * followed by a body rather than by the next post or a link-preview block.
 */
function startsPostWithoutEmoji(lines: string[], i: number, draft: Draft, layout: Layout): boolean {
  if (layout !== 'adjacent' || draft.contentLines < 2 || leadingEmoji(lines[i]) !== '') return false;
  const prev = lines[i - 1] ?? '';
  if (isBlank(prev) || !endsWithUrl(prev)) return false;
  const line = lines[i].trim();
  if (line.length < 3 || line.length > MAX_PLAIN_TITLE_CHARS || !looksLikeTitle(line) || /:$/.test(line))
    return false;
  if (!/^[\p{Lu}\p{N}«"“]/u.test(line) || line.split(/\s+/).length < 2) return false;
  if (/^(?:[-–—•*·]|\d+[.)]\s)/.test(line) || forwardedFromName(line) !== null) return false;
  if (draft.lines.some((l) => stripLeadingEmoji(l) === line)) return false;
  const next = nextNonBlank(lines, i);
  if (next === null || next.trim().startsWith(line)) return false;
  const nextStartsPost =
    forwardedFromName(next) !== null || (leadingEmoji(next) !== '' && looksLikeTitle(next));
  return !nextStartsPost;
}

/** Longest headline accepted without a leading emoji (stricter than with one). */
const MAX_PLAIN_TITLE_CHARS = 120;

/** Posts are adjacent in copies of t.me/s; only when no adjacent headline exists at all are blank lines taken as separators. */
function chooseLayout(lines: string[], start: number): Layout {
  let footers = 0;
  let adjacent = 0;
  let afterBlank = 0;
  for (let i = start + 1; i < lines.length; i++) {
    if (isPostFooter(lines[i])) footers++;
    if (!isEmojiHeadline(lines, i)) continue;
    if (isBlank(lines[i - 1])) afterBlank++;
    else adjacent++;
  }
  if (footers >= 2) return 'footers';
  return adjacent === 0 && afterBlank > 0 ? 'blank' : 'adjacent';
}

function startsPostAfter(lines: string[], i: number): boolean {
  const next = nextNonBlank(lines, i);
  return next !== null && (forwardedFromName(next) !== null || looksLikeTitle(next));
}

function finishDraft(draft: Draft, source: string, opts: ParseOptions): RawPost | null {
  const lines = [...draft.lines];
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  dropRepeatedCaption(lines);
  const text = normalizePostText(lines.join('\n'));
  if (text === '') return null;
  assertPostSize(text, ORIGIN, source, `line ${draft.line}`, opts);
  return {
    messageId: null,
    text,
    date: draft.day && draft.time ? `${draft.day}T${draft.time}:00` : draft.day,
    edited: null,
    forwardedFrom: draft.forwardedFrom,
    replyTo: null,
    links: dedupeLinks(urlsInText(text)),
    sourceUrl: null,
    line: draft.line,
  };
}

/** A picture caption or link-preview title repeating a line of the post is dropped from its end. */
function dropRepeatedCaption(lines: string[]): void {
  if (lines.length < 3) return;
  const last = stripLeadingEmoji(lines[lines.length - 1]);
  const earlier = new Set(lines.slice(0, -1).map(stripLeadingEmoji));
  if (last !== '' && earlier.has(last)) lines.pop();
}

function sameEmoji(a: string, b: string): boolean {
  const base = (e: string) => [...e.replace(/\uFE0F|[\u{1F3FB}-\u{1F3FF}]/gu, '')][0] ?? '';
  return a !== '' && b !== '' && base(a) === base(b);
}

function previousNonBlank(lines: string[], i: number): string | null {
  for (let k = i - 1; k >= 0; k--) if (!isBlank(lines[k])) return lines[k];
  return null;
}

function nextNonBlank(lines: string[], i: number): string | null {
  for (let k = i + 1; k < lines.length; k++) if (!isBlank(lines[k])) return lines[k];
  return null;
}
