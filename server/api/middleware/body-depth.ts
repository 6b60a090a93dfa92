import type { RequestHandler } from 'express';
import { BadRequestError } from '../../errors';

/** Deeper JSON than any request of this API needs; parameters are flat values, lists and maps. */
export const MAX_BODY_DEPTH = 32;

/**
 * Refuses a parsed JSON body nested deeper than `maxDepth` with 400. Deep nesting reached the
 * server's recursive code and Neo4j's (2,000 levels: a StackOverflowError in the database, 503;
 * 5,000: 500 here); the depth is measured without recursion, so the check cannot overflow itself.
 */
export function limitBodyDepth(maxDepth = MAX_BODY_DEPTH): RequestHandler {
  return (req, _res, next) => {
    const stack: [unknown, number][] = [[req.body, 0]];
    while (stack.length > 0) {
      const [value, depth] = stack.pop() as [unknown, number];
      if (value === null || typeof value !== 'object') continue;
      if (depth >= maxDepth) {
        return next(
          new BadRequestError(`the request body nests deeper than ${maxDepth} levels`, undefined, 'api'),
        );
      }
      for (const child of Object.values(value)) stack.push([child, depth + 1]);
    }
    next();
  };
}
