import { NotFoundError } from '../errors';
import { apiQuery } from '../repositories/cypher-files';
import { readRows, type ReadOptions } from '../repositories/read';
import type { ServiceContext } from './context';

/**
 * Checks in one query that every named entity key exists, and throws a 404 naming the parameter of
 * the first missing one ("api/paths: from: no entity with key "x""), in the order given.
 */
export async function requireEntities(
  ctx: ServiceContext,
  keysByParameter: [parameter: string, key: string][],
  options: ReadOptions,
): Promise<void> {
  const keys = [...new Set(keysByParameter.map(([, key]) => key))];
  const existing = await readRows<{ key: string }>(ctx.driver, apiQuery('entity-exists'), { keys }, options);
  const found = new Set(existing.map((row) => row.key));
  for (const [parameter, key] of keysByParameter) {
    if (!found.has(key))
      throw new NotFoundError(`${options.origin}: ${parameter}: no entity with key "${key}"`);
  }
}
