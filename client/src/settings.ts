/** Settings dialog: the access token that write requests (POST) need when the server sets one. */
import { getToken, setToken } from './api';
import { byId, clear, h } from './dom';
import { notify } from './notify';

export function setUpSettings(): void {
  const dialog = byId<HTMLDialogElement>('settings-dialog');
  byId('settings-button').addEventListener('click', () => {
    clear(dialog);
    const input = h('input', {
      type: 'password',
      id: 'settings-token',
      value: getToken(),
      autocomplete: 'off',
      'aria-describedby': 'settings-token-hint',
    });
    const form = h(
      'form',
      { method: 'dialog', class: 'stack dialog-body' },
      h('label', { for: 'settings-token', class: 'field-label' }, 'Access token'),
      input,
      h(
        'p',
        { class: 'hint', id: 'settings-token-hint' },
        'Needed for queries, Cypher, exports of a selection and imports when the server sets EXPLORER_TOKEN. Stored in this browser only.',
      ),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'submit', class: 'button primary', value: 'save' }, 'Save'),
        h('button', { type: 'submit', class: 'button', value: 'cancel' }, 'Cancel'),
      ),
    );
    form.addEventListener('submit', (event) => {
      const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
      if (submitter?.value === 'save') {
        setToken(input.value.trim());
        notify(input.value.trim() ? 'Access token saved.' : 'Access token removed.', 'success');
      }
    });
    dialog.append(
      h('header', { class: 'dialog-header' }, h('h2', { id: 'settings-title' }, 'Settings')),
      form,
    );
    dialog.showModal();
    input.focus();
  });
}
