/**
 * Autocomplete for entity names (ARIA combobox + listbox). Used by the main search and by the
 * path finder's two ends. Shows type (icon and colour) and mention count for each hit.
 */
import type { SearchHit } from '../../../server/api/contract';
import { api, isAbort, messageOf } from '../api';
import { typeIcon } from '../canvas/styles';
import { clear, debounce, h, plural } from '../dom';

let pickerCount = 0;

export interface EntityPickerOptions {
  label: string;
  placeholder: string;
  /** Called with the chosen hit. */
  onPick(hit: SearchHit): void;
  /** Keep the chosen name in the input (path ends) instead of clearing it (search). */
  keepValue?: boolean;
  id?: string;
}

export class EntityPicker {
  readonly input: HTMLInputElement;
  readonly root: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly status: HTMLElement;
  private hits: SearchHit[] = [];
  private active = -1;
  private controller: AbortController | null = null;
  /** Key of the chosen entity when keepValue is on. */
  picked: SearchHit | null = null;

  constructor(private readonly options: EntityPickerOptions) {
    pickerCount += 1;
    const id = options.id ?? `picker-${pickerCount}`;
    this.input = h('input', {
      id,
      type: 'search',
      class: 'picker-input',
      placeholder: options.placeholder,
      autocomplete: 'off',
      spellcheck: 'false',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': `${id}-list`,
    });
    this.list = h('ul', {
      id: `${id}-list`,
      class: 'picker-list',
      role: 'listbox',
      'aria-label': `${options.label} suggestions`,
      hidden: true,
    });
    this.status = h('div', { class: 'picker-status', 'aria-live': 'polite' });
    this.root = h(
      'div',
      { class: 'picker' },
      h('label', { for: id, class: 'field-label' }, options.label),
      this.input,
      this.list,
      this.status,
    );

    const search = debounce((text: string) => void this.search(text), 150);
    this.input.addEventListener('input', () => {
      this.picked = null;
      search(this.input.value);
    });
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    this.input.addEventListener('focus', () => {
      if (this.hits.length) this.open();
    });
  }

  setValue(hit: SearchHit | null, text = hit?.name ?? ''): void {
    this.picked = hit;
    this.input.value = text;
  }

  reset(): void {
    this.controller?.abort();
    this.input.value = '';
    this.picked = null;
    this.hits = [];
    this.status.textContent = '';
    this.close();
  }

  private async search(text: string): Promise<void> {
    const q = text.trim();
    this.controller?.abort();
    if (q.length < 1) {
      this.hits = [];
      this.status.textContent = '';
      this.close();
      return;
    }
    this.controller = new AbortController();
    this.status.textContent = 'Searching…';
    try {
      const response = await api.search(q, { limit: 12, signal: this.controller.signal });
      this.hits = response.hits;
      this.status.textContent = response.hits.length ? '' : `Nothing found for “${q}”.`;
      this.render();
    } catch (err) {
      if (isAbort(err)) return;
      this.hits = [];
      this.status.textContent = messageOf(err);
      this.close();
    }
  }

  private render(): void {
    clear(this.list);
    this.active = this.hits.length ? 0 : -1;
    this.hits.forEach((hit, index) => {
      const item = h(
        'li',
        {
          id: `${this.list.id}-${index}`,
          role: 'option',
          class: 'picker-option',
          'aria-selected': index === this.active ? 'true' : 'false',
          'data-key': hit.key,
        },
        typeIcon(hit.type),
        h('span', { class: 'option-name' }, hit.name),
        h('span', { class: `option-type type-${hit.type}` }, hit.type),
        h('span', { class: 'option-count', title: 'Mentions' }, plural(hit.mentionCount, 'mention')),
      );
      if (hit.aliases.length) item.title = `Also: ${hit.aliases.join(', ')}`;
      // mousedown (not click) so the choice lands before the input's blur closes the list.
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        this.choose(index);
      });
      this.list.append(item);
    });
    if (this.hits.length) this.open();
    else this.close();
    this.updateActive();
  }

  private open(): void {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private updateActive(): void {
    [...this.list.children].forEach((child, index) =>
      child.setAttribute('aria-selected', index === this.active ? 'true' : 'false'),
    );
    if (this.active >= 0) {
      this.input.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
      this.list.children[this.active]?.scrollIntoView({ block: 'nearest' });
    }
  }

  private onKey(event: KeyboardEvent): void {
    switch (event.key) {
      case 'ArrowDown':
        if (!this.hits.length) return;
        event.preventDefault();
        this.open();
        this.active = (this.active + 1) % this.hits.length;
        this.updateActive();
        break;
      case 'ArrowUp':
        if (!this.hits.length) return;
        event.preventDefault();
        this.active = (this.active - 1 + this.hits.length) % this.hits.length;
        this.updateActive();
        break;
      case 'Enter':
        if (this.active >= 0 && !this.list.hidden) {
          event.preventDefault();
          this.choose(this.active);
        }
        break;
      case 'Escape':
        event.preventDefault();
        this.reset();
        break;
    }
  }

  private choose(index: number): void {
    const hit = this.hits[index];
    if (!hit) return;
    this.close();
    if (this.options.keepValue) this.setValue(hit);
    else this.reset();
    this.options.onPick(hit);
  }
}
