import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ForbiddenError } from '../../errors';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * When a token is configured, every request that can change something (any method but
 * GET/HEAD/OPTIONS) must carry it as "Authorization: Bearer <token>". Compared in constant time;
 * the token never appears in a response.
 */
export function requireToken(token: string | null): RequestHandler {
  const expected = token ? Buffer.from(token) : null;
  return (req, _res, next) => {
    if (!expected || READ_METHODS.has(req.method)) return next();
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const given = match ? Buffer.from(match[1]) : null;
    if (!given || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return next(
        new ForbiddenError('api: this server requires "Authorization: Bearer <EXPLORER_TOKEN>" for changes'),
      );
    }
    next();
  };
}

/**
 * Cross-origin access only for configured origins ("*" for any); without configuration no CORS
 * headers are sent and browsers keep the API same-origin.
 */
export function cors(origins: string[]): RequestHandler {
  const any = origins.includes('*');
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origins.length === 0 || !origin || (!any && !origins.includes(origin))) return next();
    res.setHeader('Access-Control-Allow-Origin', any ? '*' : origin);
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET,POST,OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
