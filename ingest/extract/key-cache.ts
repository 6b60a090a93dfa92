import { entityKey } from '../../vocabulary/keys';

/** entityKey with a bounded cache: the same names come back in every post of a channel. */
const cache = new Map<string, string>();

export function cachedEntityKey(name: string): string {
  let key = cache.get(name);
  if (key === undefined) {
    key = entityKey(name);
    if (cache.size > 50_000) cache.clear();
    cache.set(name, key);
  }
  return key;
}
