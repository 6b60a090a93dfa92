/**
 * The form field of one saved-query parameter: a checkbox, a number, a date, an entity picker
 * (`@input entity`: autocomplete of names) or a select of the entity types (`@input entity-type`),
 * labelled as the query's header says (`@label`).
 */
import type { SavedQueryParam } from '../../../server/api/contract';
import { ENTITY_TYPE_NAMES } from '../canvas/styles';
import { h } from '../dom';
import { EntityPicker } from './entity-picker';
import { isEntityParam } from './entity-match';

/** The elements of the field (label, control, hint), in order; the control is named param.name. */
export function paramField(queryName: string, param: SavedQueryParam, initial: string): HTMLElement[] {
  const id = `qp-${queryName}-${param.name}`;
  const label = param.label ?? param.name;
  // A hint that only repeats the label ("Rows at most") is left out of sight; readers still get it.
  const hint = h(
    'p',
    { class: param.description === label ? 'hint visually-hidden' : 'hint', id: `${id}-hint` },
    param.description,
  );
  if (param.type === 'boolean') {
    const input = h('input', { type: 'checkbox', id, name: param.name, checked: initial === 'true' });
    return [h('label', { class: 'check', for: id }, input, label), hint];
  }
  if (param.input === 'entity-type') {
    // An empty default means "all types"; it is the first choice.
    const select = h(
      'select',
      { id, name: param.name, 'aria-describedby': hint.id },
      h('option', { value: '' }, 'All types'),
      ...ENTITY_TYPE_NAMES.map((type) => h('option', { value: type }, type)),
    );
    select.value = initial;
    return [h('label', { for: id, class: 'field-label' }, label), select, hint];
  }
  if (isEntityParam(param)) {
    // The picker only suggests: the run resolves whatever is typed (queries.ts, entityKeyFor).
    const picker = new EntityPicker({
      label,
      placeholder: 'Type a name…',
      id,
      keepValue: true,
      onPick: () => undefined,
    });
    picker.input.name = param.name;
    picker.input.value = initial;
    picker.input.setAttribute('aria-describedby', hint.id);
    return [picker.root, hint];
  }
  // Dates stay text: the API accepts a month (YYYY-MM) as well as a day, which <input type=date> cannot hold.
  const type = param.type === 'integer' || param.type === 'float' ? 'number' : 'text';
  const input = h('input', {
    type,
    id,
    name: param.name,
    value: initial,
    step: param.type === 'float' ? 'any' : param.type === 'integer' ? 1 : null,
    'aria-describedby': hint.id,
    placeholder: param.type === 'date' ? 'YYYY-MM or YYYY-MM-DD' : null,
    pattern: param.type === 'date' ? '\\d{4}-\\d{2}(-\\d{2})?' : null,
  });
  return [h('label', { for: id, class: 'field-label' }, label), input, hint];
}
