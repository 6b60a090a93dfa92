/** A wildcard route parameter ("/entities/*key") joined back into the key it spells; encoded slashes arrive decoded. */
export function wildcardParam(value: unknown): string {
  return Array.isArray(value) ? value.join('/') : String(value ?? '');
}
