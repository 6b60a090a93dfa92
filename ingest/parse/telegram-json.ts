import { InputError } from '../errors';
import type { ChannelInfo, ParsedExport, RawPost } from '../model';
import { parseJsonExport } from './json-source';
import { assertHasPosts, emptyTally } from './no-posts';
import { assertPostSize, type ParseOptions } from './options';
import { normalizePostText } from './post-text';
import { messageText } from './telegram-json-text';
import { guessUsername } from './username';

/**
 * Telegram Desktop `result.json` of one channel (current and 2021 exporter), or a full-account
 * export whose `chats.list` holds the channel.
 *
 * Dates: `date_unixtime` when present → ISO UTC ("…Z"). The 2021 exporter wrote only `date`, a
 * local time of the exporting computer with no zone: it is kept as written ("2021-03-22T17:16:36"),
 * since any zone would be invented. Service messages and messages without text (media, polls,
 * stickers) are skipped without a warning; an export with no other message is refused (see no-posts.ts).
 */

const ORIGIN = 'ingest/telegram-json';

interface Chat {
  name?: unknown;
  type?: unknown;
  id?: unknown;
  messages: unknown[];
}

interface JsonMessage {
  id?: unknown;
  type?: unknown;
  date?: unknown;
  date_unixtime?: unknown;
  edited?: unknown;
  edited_unixtime?: unknown;
  text?: unknown;
  text_entities?: unknown;
  forwarded_from?: unknown;
  reply_to_message_id?: unknown;
}

export function parseTelegramJson(text: string, source: string, opts: ParseOptions = {}): ParsedExport {
  const root = parseJsonExport(text, ORIGIN, source);
  const chat = selectChat(root, source, opts);
  const posts: RawPost[] = [];
  const warnings: string[] = [];
  const tally = emptyTally();
  chat.messages.forEach((value, index) => {
    const read = readMessage(value, index, source, opts);
    tally.messages++;
    if (read === 'service') tally.service++;
    else if (read === 'without text') tally.withoutText++;
    else posts.push(read);
  });
  assertHasPosts(posts, ORIGIN, source, tally, 'the export has no messages (a chat export with 0 messages?)');
  const username = opts.username?.replace(/^@/, '') ?? guessUsername(posts);
  if (username) {
    for (const post of posts)
      post.sourceUrl = post.messageId ? `https://t.me/${username}/${post.messageId}` : null;
  }
  const channel: ChannelInfo = {
    title: typeof chat.name === 'string' && chat.name.trim() !== '' ? chat.name : fallbackTitle(source),
    username,
    telegramId: typeof chat.id === 'number' || typeof chat.id === 'string' ? String(chat.id) : null,
    subscribers: null,
    description: null,
  };
  if (chat.type !== undefined && !/channel/.test(String(chat.type))) {
    warnings.push(`${ORIGIN}: ${source}: chat type is "${String(chat.type)}", not a channel; read anyway`);
  }
  return { format: 'telegram-json', source, channel, posts, warnings };
}

function readMessage(
  value: unknown,
  index: number,
  source: string,
  opts: ParseOptions,
): RawPost | 'service' | 'without text' {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(
      ORIGIN,
      source,
      'a message is not a JSON object',
      `message #${index + 1} in the array`,
    );
  }
  const m = value as JsonMessage;
  if (typeof m.id !== 'number' && typeof m.id !== 'string') {
    throw new InputError(ORIGIN, source, 'message has no "id"', `message #${index + 1} in the array`);
  }
  const where = `message ${m.id}`;
  if (m.type !== undefined && m.type !== 'message') return 'service'; // joins, pins, photo changes
  const { text: raw, links } = messageText(m.text, m.text_entities);
  const text = normalizePostText(raw);
  if (text === '') return 'without text'; // media without a caption
  assertPostSize(text, ORIGIN, source, where, opts);
  return {
    messageId: String(m.id),
    text,
    date: isoDate(m.date_unixtime, m.date, source, where),
    edited: isoDate(m.edited_unixtime, m.edited, source, where),
    forwardedFrom: typeof m.forwarded_from === 'string' && m.forwarded_from !== '' ? m.forwarded_from : null,
    replyTo:
      typeof m.reply_to_message_id === 'number' || typeof m.reply_to_message_id === 'string'
        ? String(m.reply_to_message_id)
        : null,
    links,
    sourceUrl: null,
    line: null,
  };
}

/** Unix seconds → "2025-11-03T20:10:28Z"; else the zone-less local `date` as written; else null. */
function isoDate(unixtime: unknown, local: unknown, source: string, where: string): string | null {
  if (unixtime !== undefined && unixtime !== null && unixtime !== '') {
    const seconds = Number(unixtime);
    if (!Number.isFinite(seconds))
      throw new InputError(ORIGIN, source, `bad unix time ${JSON.stringify(unixtime)}`, where);
    return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
  }
  if (typeof local === 'string' && local !== '') {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?/.test(local))
      throw new InputError(ORIGIN, source, `bad date ${JSON.stringify(local)}`, where);
    return local;
  }
  return null;
}

/** The chat to read: the root itself, or the one channel in a full-account export's `chats.list`. */
function selectChat(root: unknown, source: string, opts: ParseOptions): Chat {
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    throw new InputError(
      ORIGIN,
      source,
      'not a Telegram Desktop export: the JSON is not an object with a messages array',
    );
  }
  const obj = root as Record<string, unknown>;
  if (Array.isArray(obj.messages)) return obj as unknown as Chat;
  const list = (obj.chats as { list?: unknown } | undefined)?.list;
  if (!Array.isArray(list)) {
    throw new InputError(
      ORIGIN,
      source,
      'not a Telegram Desktop export: no messages array (and no chats.list)',
    );
  }
  const chats = list.filter(
    (c): c is Chat => c !== null && typeof c === 'object' && Array.isArray((c as Chat).messages),
  );
  const wanted = opts.chat;
  if (wanted !== undefined) {
    const hit = chats.find((c) => String(c.name) === wanted || String(c.id) === wanted);
    if (!hit) throw new InputError(ORIGIN, source, `no chat named or numbered "${wanted}" in chats.list`);
    return hit;
  }
  const channels = chats.filter((c) => /channel/.test(String(c.type)));
  if (channels.length === 1) return channels[0];
  if (channels.length === 0)
    throw new InputError(ORIGIN, source, 'full-account export without any channel in chats.list');
  const names = channels.map((c) => `"${String(c.name)}" (${String(c.id)})`).join(', ');
  throw new InputError(
    ORIGIN,
    source,
    `full-account export with ${channels.length} channels: choose one with the chat option: ${names}`,
  );
}

function fallbackTitle(source: string): string {
  return source.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}
