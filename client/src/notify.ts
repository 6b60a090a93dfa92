/** Status messages in a polite live region (screen readers announce them) that fade after a while. */
import { byId, h } from './dom';

export type NoticeKind = 'info' | 'success' | 'warning' | 'error';

export function notify(
  message: string,
  kind: NoticeKind = 'info',
  ms = kind === 'error' ? 9000 : 5000,
): void {
  const region = byId('notices');
  const notice = h(
    'div',
    { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    message,
  );
  const close = h('button', { type: 'button', class: 'notice-close', 'aria-label': 'Dismiss message' }, '×');
  close.addEventListener('click', () => notice.remove());
  notice.append(close);
  region.append(notice);
  setTimeout(() => notice.remove(), ms);
}
