import { z } from 'zod';
import { ENTITY_TYPES, RELATION_TYPES } from '../../vocabulary/types';
import { BadRequestError } from '../errors';

/**
 * Parses request input with a zod schema; the first problem becomes a 400 that names the
 * parameter ("limit: must be at most 200").
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const parameter = issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  throw new BadRequestError(issue.message, parameter);
}

/** An integer query parameter (strings from the URL are converted) within [min, max]. */
export function boundedInt(min: number, max: number, fallback: number) {
  return z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` })
    .default(fallback);
}

/** A comma-separated list (or repeated parameter) whose items must come from `allowed`; absent -> null. */
export function csvEnumList<T extends string>(allowed: readonly T[], what: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value, ctx): T[] | null => {
      if (value === undefined) return null;
      const items = (Array.isArray(value) ? value : [value])
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
      if (items.length === 0) return null;
      for (const item of items) {
        if (!(allowed as readonly string[]).includes(item)) {
          ctx.addIssue({
            code: 'custom',
            message: `unknown ${what} "${item.slice(0, 60)}"; expected ${allowed.join(', ')}`,
          });
          return z.NEVER;
        }
      }
      return items as T[];
    });
}

export const entityTypesParam = csvEnumList(ENTITY_TYPES, 'entity type');
export const relationTypesParam = csvEnumList(RELATION_TYPES, 'relationship type');

/** An entity key or post id from the path: non-empty, bounded. */
export const keyParam = z
  .string({ error: 'is required' })
  .min(1, { error: 'must not be empty' })
  .max(500, { error: 'must be at most 500 characters' });
