import { z } from 'zod';
import type { QueryResult, SavedQuery, SavedQueryParam } from '../api/contract';
import { BadRequestError, NotFoundError } from '../errors';
import { DATE_PATTERN, type SavedQueryDefinition } from '../saved-queries/header';
import type { ServiceContext } from './context';
import { readQueryResult } from './result-graph';

export function listSavedQueries(queries: Map<string, SavedQueryDefinition>): SavedQuery[] {
  return [...queries.values()].map(({ cypher: _cypher, ...query }) => query);
}

const MAX_STRING = 500;

function paramSchema(param: SavedQueryParam): z.ZodType {
  switch (param.type) {
    case 'string':
      return z
        .string({ error: 'must be a string' })
        .max(MAX_STRING, { error: `must be at most ${MAX_STRING} characters` });
    case 'date':
      return z
        .string({ error: 'must be a date' })
        .regex(DATE_PATTERN, { error: 'must be a date YYYY-MM or YYYY-MM-DD' });
    case 'integer':
      return z.coerce
        .number({ error: 'must be an integer' })
        .int({ error: 'must be an integer' })
        .min(-1_000_000, { error: 'must be at least -1000000' })
        .max(1_000_000, { error: 'must be at most 1000000' });
    case 'float':
      return z.coerce
        .number({ error: 'must be a number' })
        .refine(Number.isFinite, { error: 'must be a finite number' });
    case 'boolean':
      return z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], {
        error: 'must be true or false',
      });
  }
}

/**
 * Parameters for a saved query: each declared parameter from the request or its default; an
 * undeclared or ill-typed parameter is a 400 naming it. Values only ever travel as parameters.
 */
export function resolveParams(
  query: SavedQueryDefinition,
  given: Record<string, unknown>,
): Record<string, unknown> {
  for (const name of Object.keys(given)) {
    if (!query.params.some((p) => p.name === name)) {
      const expected = query.params.map((p) => p.name).join(', ') || 'none';
      throw new BadRequestError(
        `unknown parameter (expected: ${expected})`,
        `params.${name}`,
        `api/queries/${query.name}`,
      );
    }
  }
  const values: Record<string, unknown> = {};
  for (const param of query.params) {
    const value = given[param.name];
    if (value === undefined || (value === null && param.default === null)) {
      values[param.name] = param.default;
      continue;
    }
    const parsed = paramSchema(param).safeParse(value);
    if (!parsed.success)
      throw new BadRequestError(
        parsed.error.issues[0].message,
        `params.${param.name}`,
        `api/queries/${query.name}`,
      );
    values[param.name] = parsed.data;
  }
  return values;
}

export async function runSavedQuery(
  ctx: ServiceContext,
  queries: Map<string, SavedQueryDefinition>,
  name: string,
  given: Record<string, unknown>,
): Promise<QueryResult> {
  const query = queries.get(name);
  if (!query) throw new NotFoundError(`api/queries: no saved query named "${name}"`);
  const params = resolveParams(query, given);
  const origin = `api/queries/${name}`;
  return readQueryResult(ctx, query.cypher, params, {
    origin,
    timeoutMs: ctx.limits.userQueryTimeoutMs,
    maxRecords: ctx.limits.maxRows,
    userQuery: true,
  });
}
