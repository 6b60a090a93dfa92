import type { RequestHandler } from 'express';
import { BadRequestError } from '../../errors';

/** Deeper JSON than any request of this API needs; parameters are flat values, lists and maps. */
export const MAX_BODY_DEPTH = 32;

/**
 * Whether `value` nests deeper than `maxDepth`. Measured without recursion, so the check cannot
 * overflow the stack itself on the values it is there to refuse.
 */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    if (depth >= maxDepth) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Refuses a parsed JSON body nested deeper than `maxDepth` with 400. Deep nesting reached the
 * server's recursive code and Neo4j's (2,000 levels: a StackOverflowError in the database, 503;
 * 5,000: 500 here).
 */
export function limitBodyDepth(maxDepth = MAX_BODY_DEPTH): RequestHandler {
  return (req, _res, next) => {
    if (!nestsDeeperThan(req.body, maxDepth)) return next();
    next(new BadRequestError(`the request body nests deeper than ${maxDepth} levels`, undefined, 'api'));
  };
}
