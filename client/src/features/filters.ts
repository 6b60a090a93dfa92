/**
 * Filters by entity type, relationship type and date range, applied live to the canvas. They also
 * narrow what "expand" fetches. The same type table draws the canvas legend.
 */
import type { EdgeData, NodeData } from '../../../server/api/contract';
import { ENTITY_TYPE_NAMES, RELATION_TYPE_NAMES, TYPE_STYLES, typeIcon } from '../canvas/styles';
import { clear, h } from '../dom';

export interface FilterState {
  hiddenTypes: string[];
  hiddenRels: string[];
  /** Inclusive ISO dates (yyyy-mm-dd) or null for open ends. */
  dateFrom: string | null;
  dateTo: string | null;
}

export const NO_FILTERS: FilterState = { hiddenTypes: [], hiddenRels: [], dateFrom: null, dateTo: null };

/**
 * A node passes the date range when its [firstSeen, lastSeen] overlaps it; an edge when its first
 * statement falls before the range ends and its last known date (firstDate, the only one the API
 * gives) is not before the range starts. Undated elements always pass: no date is not a wrong date.
 */
export function nodePasses(state: FilterState, data: NodeData): boolean {
  if (state.hiddenTypes.includes(String(data.type))) return false;
  const first = data.firstSeen?.slice(0, 10);
  const last = (data.lastSeen ?? data.firstSeen)?.slice(0, 10);
  if (state.dateTo && first && first > state.dateTo) return false;
  if (state.dateFrom && last && last < state.dateFrom) return false;
  return true;
}

export function edgePasses(state: FilterState, data: EdgeData): boolean {
  if (state.hiddenRels.includes(String(data.type))) return false;
  const date = data.firstDate?.slice(0, 10);
  if (state.dateTo && date && date > state.dateTo) return false;
  if (state.dateFrom && date && date < state.dateFrom && (data.count ?? 1) <= 1) return false;
  return true;
}

export function isActive(state: FilterState): boolean {
  return state.hiddenTypes.length > 0 || state.hiddenRels.length > 0 || !!state.dateFrom || !!state.dateTo;
}

export class FiltersPanel {
  private state: FilterState = { ...NO_FILTERS };
  private readonly typeBoxes = new Map<string, HTMLInputElement>();
  private readonly relBoxes = new Map<string, HTMLInputElement>();
  private readonly relList = h('div', {
    class: 'checklist',
    role: 'group',
    'aria-labelledby': 'filter-rels-title',
  });
  private readonly fromInput = h('input', { type: 'date', id: 'filter-from' });
  private readonly toInput = h('input', { type: 'date', id: 'filter-to' });
  private readonly summary = h('p', { class: 'muted', 'aria-live': 'polite' });
  private extraRels: string[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly onChange: (state: FilterState) => void,
  ) {
    this.render();
  }

  get value(): FilterState {
    return {
      ...this.state,
      hiddenTypes: [...this.state.hiddenTypes],
      hiddenRels: [...this.state.hiddenRels],
    };
  }

  /** Restores a state (deep link) without firing onChange. */
  set(state: FilterState): void {
    this.state = { ...state };
    for (const [type, box] of this.typeBoxes) box.checked = !state.hiddenTypes.includes(type);
    this.renderRels();
    this.fromInput.value = state.dateFrom ?? '';
    this.toInput.value = state.dateTo ?? '';
    this.updateSummary();
  }

  /** Types to ask the API for when expanding (undefined = all). */
  typesForQuery(): string[] | undefined {
    return this.state.hiddenTypes.length
      ? ENTITY_TYPE_NAMES.filter((t) => !this.state.hiddenTypes.includes(t))
      : undefined;
  }

  relsForQuery(): string[] | undefined {
    return this.state.hiddenRels.length
      ? RELATION_TYPE_NAMES.filter((t) => !this.state.hiddenRels.includes(t))
      : undefined;
  }

  /** Adds relationship types seen on the canvas that the fixed list lacks (MENTIONS, IN_CHANNEL...). */
  noteRelTypes(types: string[]): void {
    const extra = types.filter(
      (t) => !(RELATION_TYPE_NAMES as readonly string[]).includes(t) && !this.extraRels.includes(t),
    );
    if (extra.length === 0) return;
    this.extraRels.push(...extra);
    this.renderRels();
  }

  private emit(): void {
    this.updateSummary();
    this.onChange(this.value);
  }

  private updateSummary(): void {
    this.summary.textContent = isActive(this.state)
      ? 'Some elements are hidden by filters.'
      : 'Everything is shown.';
  }

  private render(): void {
    clear(this.root);
    const typeList = h('div', { class: 'checklist', role: 'group', 'aria-labelledby': 'filter-types-title' });
    for (const type of [...ENTITY_TYPE_NAMES, 'Post', 'Channel']) {
      const box = h('input', { type: 'checkbox', id: `filter-type-${type}`, checked: true });
      box.addEventListener('change', () => {
        this.state.hiddenTypes = box.checked
          ? this.state.hiddenTypes.filter((t) => t !== type)
          : [...this.state.hiddenTypes, type];
        this.emit();
      });
      this.typeBoxes.set(type, box);
      typeList.append(h('label', { class: 'check', for: box.id }, box, typeIcon(type), type));
    }
    const dateChange = () => {
      this.state.dateFrom = this.fromInput.value || null;
      this.state.dateTo = this.toInput.value || null;
      this.emit();
    };
    this.fromInput.addEventListener('change', dateChange);
    this.toInput.addEventListener('change', dateChange);
    const reset = h('button', { type: 'button', class: 'button small' }, 'Show everything');
    reset.addEventListener('click', () => {
      this.set({ ...NO_FILTERS });
      this.emit();
    });
    this.renderRels();
    this.root.append(
      h('h2', { class: 'panel-title', id: 'filter-types-title' }, 'Entity types'),
      typeList,
      h('h2', { class: 'panel-title', id: 'filter-rels-title' }, 'Relationships'),
      this.relList,
      h('h2', { class: 'panel-title' }, 'Date range'),
      h(
        'div',
        { class: 'date-range' },
        h('label', { for: 'filter-from', class: 'field-label' }, 'From'),
        this.fromInput,
        h('label', { for: 'filter-to', class: 'field-label' }, 'To'),
        this.toInput,
      ),
      h('div', { class: 'panel-footer' }, this.summary, reset),
    );
    this.updateSummary();
  }

  private renderRels(): void {
    clear(this.relList);
    this.relBoxes.clear();
    for (const rel of [...RELATION_TYPE_NAMES, ...this.extraRels]) {
      const box = h('input', {
        type: 'checkbox',
        id: `filter-rel-${rel}`,
        checked: !this.state.hiddenRels.includes(rel),
      });
      box.addEventListener('change', () => {
        this.state.hiddenRels = box.checked
          ? this.state.hiddenRels.filter((t) => t !== rel)
          : [...this.state.hiddenRels, rel];
        this.emit();
      });
      this.relBoxes.set(rel, box);
      this.relList.append(
        h('label', { class: 'check', for: box.id }, box, h('span', { class: 'rel-type' }, rel)),
      );
    }
  }
}

/** The legend over the canvas: shape and colour of each type. */
export function renderLegend(root: HTMLElement): void {
  clear(root);
  root.append(
    h('span', { class: 'legend-title' }, 'Legend'),
    ...Object.keys(TYPE_STYLES).map((type) => h('span', { class: 'legend-item' }, typeIcon(type, 12), type)),
  );
}
