/**
 * The details panel's "Channels" section: which channels mention the entity, how often, since
 * when, and which mentioned it first (the server lists them earliest first, undated last).
 */
import type { EntityChannel } from '../../../server/api/contract';
import { formatDate, h, plural } from '../dom';

export function renderEntityChannels(channels: EntityChannel[]): HTMLElement | null {
  if (channels.length === 0) return null;
  const [first] = channels;
  return h(
    'div',
    { class: 'entity-channels', id: 'details-channels' },
    first.firstSeen
      ? h(
          'p',
          { class: 'entity-channels-first' },
          'First mentioned by ',
          h('strong', {}, first.title),
          ` on ${formatDate(first.firstSeen)}.`,
        )
      : null,
    h(
      'ul',
      { class: 'entity-channels-list' },
      ...channels.map((channel) =>
        h(
          'li',
          { 'data-channel': channel.key },
          h('span', { class: 'entity-channel-title' }, channel.title),
          h(
            'span',
            { class: 'muted' },
            ` ${plural(channel.posts, 'post')}${channel.firstSeen ? `, since ${formatDate(channel.firstSeen)}` : ''}`,
          ),
        ),
      ),
    ),
  );
}
