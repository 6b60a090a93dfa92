/**
 * Writes t.me/s/<channel> pages for the fixture server from a channel model, in the markup of the
 * real web preview (the structure of ../shared/fixtures/telegram/tme_s_topwar_official_full.html:
 * channel card, "load older" link, div.tgme_widget_message[data-post] with text and time). The
 * text is ours. Like t.me, a page shows the `pageSize` posts just below `before`, oldest first.
 */
export interface FixturePost {
  id: number;
  /** Plain text; "\n" becomes <br/>, [label](url) becomes a link. */
  text: string;
  /** ISO date with offset. */
  date: string;
  /** Shown with t.me's "edited" mark. */
  edited?: boolean;
  /** A photo without caption: a message the parser skips, but paging must step over. */
  mediaOnly?: boolean;
}

export interface FixtureChannel {
  username: string;
  title: string;
  subscribers: number;
  description: string;
  /** Any order; pages sort them by id. */
  posts: FixturePost[];
}

export const PAGE_SIZE = 20;

export function renderChannelPage(
  channel: FixtureChannel,
  before: number | null,
  pageSize = PAGE_SIZE,
): string {
  const sorted = [...channel.posts].sort((a, b) => a.id - b.id);
  const below = before === null ? sorted : sorted.filter((p) => p.id < before);
  const shown = below.slice(-pageSize);
  const more =
    shown.length > 0 && shown[0].id > sorted[0].id
      ? `<div class="tgme_widget_message_centered js-messages_more_wrap"><a href="/s/${channel.username}?before=${shown[0].id}" class="tme_messages_more js-messages_more" data-before="${shown[0].id}"></a></div>`
      : '';
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>${esc(channel.title)} – Telegram</title>
<meta property="og:title" content="${esc(channel.title)}">
<meta property="og:site_name" content="Telegram">
</head>
<body class="widget_frame_base tgme_webpreview_body">
<header class="tgme_header"><div class="tgme_header_title">${esc(channel.title)}</div></header>
<div class="tgme_right_column"><section class="tgme_right_column">
<div class="tgme_channel_info">
  <div class="tgme_channel_info_header">
    <div class="tgme_channel_info_header_title_wrap"><div class="tgme_channel_info_header_title"><span dir="auto">${esc(channel.title)}</span></div></div>
    <div class="tgme_channel_info_header_username"><a href="https://t.me/${channel.username}">@${channel.username}</a></div>
  </div>
  <div class="tgme_channel_info_counters">
    <div class="tgme_channel_info_counter"><span class="counter_value">${channel.subscribers}</span> <span class="counter_type">subscribers</span></div>
  </div>
  <div class="tgme_channel_info_description">${esc(channel.description)}</div>
</div>
</section></div>
<main class="tgme_main" data-url="/${channel.username}">
<div class="tgme_container">
<section class="tgme_channel_history js-message_history">
${more}
${shown.map((p) => renderPost(channel, p)).join('\n')}
</section>
</div>
</main>
</body>
</html>
`;
}

function renderPost(channel: FixtureChannel, post: FixturePost): string {
  const link = `https://t.me/${channel.username}/${post.id}`;
  const text = post.mediaOnly
    ? `<a class="tgme_widget_message_photo_wrap" href="${link}" style="width:800px"><div class="tgme_widget_message_photo"></div></a>`
    : `<div class="tgme_widget_message_text js-message_text" dir="auto">${renderText(post.text)}</div>`;
  return `<div class="tgme_widget_message_wrap js-widget_message_wrap">
  <div class="tgme_widget_message text_not_supported_wrap js-widget_message" data-post="${channel.username}/${post.id}">
    <div class="tgme_widget_message_bubble">
      <div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name" href="https://t.me/${channel.username}"><span dir="auto">${esc(channel.title)}</span></a></div>
      ${text}
      <div class="tgme_widget_message_footer compact js-message_footer">
        <div class="tgme_widget_message_info short js-message_info">
          <span class="tgme_widget_message_views">1.2K</span><span class="copyonly"> views</span><span class="tgme_widget_message_meta">${post.edited ? 'edited ' : ''}<a class="tgme_widget_message_date" href="${link}"><time datetime="${post.date}" class="time">${post.date.slice(11, 16)}</time></a></span>
        </div>
      </div>
    </div>
  </div>
</div>`;
}

function renderText(text: string): string {
  const parts: string[] = [];
  const linkPattern = /\[([^\]]+)\]\(([^)]+)\)/g;
  let last = 0;
  for (const m of text.matchAll(linkPattern)) {
    parts.push(esc(text.slice(last, m.index)));
    parts.push(`<a href="${esc(m[2])}" target="_blank" rel="noopener">${esc(m[1])}</a>`);
    last = m.index + m[0].length;
  }
  parts.push(esc(text.slice(last)));
  return parts.join('').replace(/\n/g, '<br/>');
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
