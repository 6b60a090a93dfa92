import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ForbiddenError, RefusedOriginError } from '../../errors';

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
      res.setHeader('Access-Control-Allow-Methods', 'GET,POST,DELETE,OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}

/** "example.org:3000" -> "example.org", "[::1]:3000" -> "::1"; lower case. */
export function hostName(hostHeader: string): string {
  const host = hostHeader.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']') > 0 ? host.indexOf(']') : undefined);
  return host.replace(/:\d*$/, '');
}

/**
 * DNS rebinding: a page on evil.example can make its own name resolve to 127.0.0.1 and then read
 * this server as "same origin". The browser still sends "Host: evil.example", so only configured
 * names are served (loopback by default; "*" in the list turns the check off). 403 otherwise.
 */
export function allowHosts(hosts: string[]): RequestHandler {
  const any = hosts.includes('*');
  // Config entries are bare names already (brackets of IPv6 removed by server/config.ts).
  const allowed = new Set(hosts.map((host) => host.toLowerCase()));
  return (req, _res, next) => {
    if (any) return next();
    const host = hostName(req.get('host') ?? '');
    if (allowed.has(host)) return next();
    next(
      new RefusedOriginError(
        `api: the Host name "${host}" is not served here; add it to ALLOWED_HOSTS to open the explorer under that name`,
      ),
    );
  };
}

/**
 * CSRF: without a token (the default) any web page could POST to the API (a form upload to
 * /api/imports needs no CORS preflight). Browsers say where a request comes from: Sec-Fetch-Site
 * (modern browsers) and Origin (every cross-origin POST). A change is refused when either names
 * another site or another origin (another port on localhost included), unless that origin is in
 * CORS_ORIGIN. Requests without both headers are not from a browser page (curl, scripts, the
 * ingest CLI) and pass; the token, when set, still applies to them.
 */
export function refuseCrossSiteWrites(corsOrigins: string[]): RequestHandler {
  const anyOrigin = corsOrigins.includes('*');
  return (req, _res, next) => {
    if (READ_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    const fetchSite = req.get('sec-fetch-site');
    const listed = origin !== undefined && (anyOrigin || corsOrigins.includes(origin));
    if (listed) return next();
    const sameOrigin = origin === undefined || originHost(origin) === (req.get('host') ?? '').toLowerCase();
    const sameSite = fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none';
    if (sameOrigin && sameSite) return next();
    next(
      new RefusedOriginError(
        `api: refused a ${req.method} from another site (Origin ${origin ?? 'not sent'}, Sec-Fetch-Site ${fetchSite ?? 'not sent'}); list trusted origins in CORS_ORIGIN`,
      ),
    );
  };
}

function originHost(origin: string): string | null {
  return URL.canParse(origin) ? new URL(origin).host.toLowerCase() : null;
}
