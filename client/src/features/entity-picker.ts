/**
 * Autocomplete for entity names (ARIA combobox + listbox). Used by the main search and by the
 * path finder's two ends. Shows type (icon and colour) and mention count for each hit. What was
 * typed is resolved (entity-match.ts) before anything uses it: Enter and resolve() act on the hits
 * of the text in the field now, fetching them if the list still shows an earlier query's.
 */
import type { SearchHit } from '../../../server/api/contract';
import { api, isAbort, messageOf } from '../api';
import { typeIcon } from '../canvas/styles';
import { clear, h, plural } from '../dom';
import { bestHit, stillNames } from './entity-match';

/** Typing pause before the suggestions are fetched. */
const SEARCH_DELAY_MS = 150;

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
  /** The (trimmed) text that `hits` answer; null while none do. */
  private hitsFor: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
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

    this.input.addEventListener('input', () => {
      this.picked = null;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.search(this.input.value), SEARCH_DELAY_MS);
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
    clearTimeout(this.timer);
    this.controller?.abort();
    this.input.value = '';
    this.picked = null;
    this.hits = [];
    this.hitsFor = null;
    this.status.textContent = '';
    this.close();
  }

  /**
   * The entity the field names now: the pick if the text is still its name, else the exact
   * name/alias match or top hit of a search for the text (null if nothing matches). A path end
   * keeps the resolved name in its field.
   */
  async resolve(): Promise<SearchHit | null> {
    const text = this.input.value.trim();
    if (stillNames(this.picked, text)) return this.picked;
    if (!text) return null;
    const hits = this.hitsFor === text ? this.hits : await this.search(text);
    if (hits === null || this.input.value.trim() !== text) return null;
    const hit = bestHit(text, hits);
    this.close();
    if (hit && this.options.keepValue) this.setValue(hit);
    return hit;
  }

  /** Fetches and lists the hits for `text`; null when superseded by newer typing or failed. */
  private async search(text: string): Promise<SearchHit[] | null> {
    clearTimeout(this.timer);
    const q = text.trim();
    this.controller?.abort();
    this.hitsFor = null;
    if (q.length < 1) {
      this.hits = [];
      this.status.textContent = '';
      this.close();
      return [];
    }
    const controller = new AbortController();
    this.controller = controller;
    this.status.textContent = 'Searching…';
    try {
      const response = await api.search(q, { limit: 12, signal: controller.signal });
      // An answer for text no longer in the field is dropped (a newer search is under way).
      if (controller.signal.aborted || this.input.value.trim() !== q) return null;
      this.hits = response.hits;
      this.hitsFor = q;
      this.status.textContent = response.hits.length ? '' : `Nothing found for “${q}”.`;
      this.render();
      return response.hits;
    } catch (err) {
      if (isAbort(err)) return null;
      this.hits = [];
      this.status.textContent = messageOf(err);
      this.close();
      return null;
    }
  }

  private render(): void {
    clear(this.list);
    // The option Enter takes unless the user moves: the one the text names exactly, else the first.
    const best = this.hitsFor === null ? null : bestHit(this.hitsFor, this.hits);
    this.active = this.hits.length ? Math.max(0, best ? this.hits.indexOf(best) : 0) : -1;
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
    // Hits that arrive after the user has moved on (to the next field) do not pop up over it.
    if (document.activeElement !== this.input) return;
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
      case 'Enter': {
        const text = this.input.value.trim();
        // A pick still in the field: Enter belongs to the form (the path finder submits).
        if (!text || stillNames(this.picked, text)) return;
        event.preventDefault();
        if (this.hitsFor === text && this.active >= 0 && !this.list.hidden) this.choose(this.active);
        else void this.enterTyped(text);
        break;
      }
      case 'Escape':
        event.preventDefault();
        this.reset();
        break;
    }
  }

  /** Enter before the list shows the hits of what is typed: wait for them, then take the best. */
  private async enterTyped(text: string): Promise<void> {
    const hits = this.hitsFor === text ? this.hits : await this.search(text);
    if (hits === null || this.input.value.trim() !== text) return;
    const hit = bestHit(text, hits);
    if (hit) this.choose(hits.indexOf(hit));
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
