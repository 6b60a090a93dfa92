import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';
import { LRUCache } from 'lru-cache';
import type { GraphVersion } from './graph-version';

export interface ResponseCacheOptions {
  /** Bytes of JSON kept at most (least recently used dropped first). */
  maxBytes: number;
  /** An answer is recomputed after this long even if the graph looks unchanged (a safety net for edits the version does not see). */
  maxAgeMs: number;
}

interface CachedAnswer {
  /** UTF-8 JSON: its memory is its length, and a hit sends it without encoding it again. */
  body: Buffer;
  /** The same, gzipped once, for clients that accept it (browsers do); null for small answers. */
  gzipped: Buffer | null;
  etag: string;
}

/** Answers smaller than this are sent as they are: compressing them saves less than it costs. */
const GZIP_FROM_BYTES = 1024;

export interface CacheStats {
  hits: number;
  misses: number;
  /** Requests that waited for an identical request already being answered instead of querying too. */
  joined: number;
  /** Requests answered without the cache because the version could not be read (database down). */
  bypassed: number;
  entries: number;
  bytes: number;
}

/**
 * Keeps the JSON answers of the read endpoints, keyed by the graph version and the request. The
 * graph only changes on import, so between imports the same question has the same answer: a hub's
 * neighbourhood that takes Neo4j hundreds of milliseconds is then served in well under one. A
 * request for an answer that is being computed waits for it rather than running the same query
 * again (a burst of clients opening the same entity costs one query).
 */
export class ResponseCache {
  private readonly answers: LRUCache<string, CachedAnswer>;
  private readonly computing = new Map<string, Promise<CachedAnswer | null>>();
  private readonly counters = { hits: 0, misses: 0, joined: 0, bypassed: 0 };

  constructor(
    private readonly version: GraphVersion,
    options: ResponseCacheOptions,
  ) {
    this.answers = new LRUCache<string, CachedAnswer>({
      maxSize: options.maxBytes,
      sizeCalculation: (answer) => Math.max(1, answer.body.length + (answer.gzipped?.length ?? 0)),
      ttl: options.maxAgeMs,
    });
  }

  stats(): CacheStats {
    return { ...this.counters, entries: this.answers.size, bytes: this.answers.calculatedSize };
  }

  /** Forget everything (the graph was written by this process). */
  clear(): void {
    this.version.changed();
    this.answers.clear();
  }

  /** Express middleware for one read endpoint: answers from the cache or lets the handler answer and keeps a 200. */
  readonly middleware: RequestHandler = (req, res, next) => {
    this.answer(req, res, next).catch(next);
  };

  private async answer(req: Request, res: Response, next: (error?: unknown) => void): Promise<void> {
    let version: string;
    try {
      version = await this.version.current();
    } catch {
      // The database is unreachable: the handler answers (503) as it would without a cache.
      this.counters.bypassed++;
      return next();
    }
    const key = requestKey(version, req);
    const kept = this.answers.get(key);
    if (kept) {
      this.counters.hits++;
      send(res, kept, 'hit');
      return;
    }
    const running = this.computing.get(key);
    if (running) {
      const answer = await running;
      if (answer) {
        this.counters.joined++;
        send(res, answer, 'hit');
        return;
      }
      // The first request failed (an error is not cached): answer this one on its own.
      return next();
    }

    this.counters.misses++;
    let settle: (answer: CachedAnswer | null) => void = () => undefined;
    this.computing.set(
      key,
      new Promise((resolve) => {
        settle = (answer) => {
          this.computing.delete(key);
          resolve(answer);
        };
      }),
    );
    // If the handler never calls res.json (it failed, the client left), waiters are released.
    res.once('close', () => settle(null));
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      if (res.statusCode !== 200) {
        settle(null);
        return json(body);
      }
      const text = Buffer.from(JSON.stringify(body));
      // Compressed once here rather than on every hit: a hub's neighbourhood is ~1 MB of JSON and
      // ~10× smaller gzipped, and sending the megabyte is what costs most once it is cached.
      const answer: CachedAnswer = {
        body: text,
        gzipped: text.length >= GZIP_FROM_BYTES ? gzipSync(text, { level: 6 }) : null,
        etag: etagOf(text),
      };
      this.answers.set(key, answer);
      settle(answer);
      return send(res, answer, 'miss');
    };
    next();
  }
}

/** The version, method, path with query string, and for POST the JSON body (saved-query runs). */
function requestKey(version: string, req: Request): string {
  const body = req.method === 'POST' ? JSON.stringify(req.body ?? null) : '';
  return `${version}\n${req.method} ${req.originalUrl}\n${body}`;
}

function etagOf(text: Buffer): string {
  return `W/"${createHash('sha1').update(text).digest('base64url')}"`;
}

function send(res: Response, answer: CachedAnswer, state: 'hit' | 'miss'): Response {
  res.setHeader('X-Cache', state);
  res.setHeader('ETag', answer.etag);
  res.type('application/json');
  if (answer.gzipped) {
    res.vary('Accept-Encoding');
    if (res.req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      res.setHeader('Content-Encoding', 'gzip');
      // res.send answers 304 to a request whose If-None-Match carries this ETag.
      return res.send(answer.gzipped);
    }
  }
  return res.send(answer.body);
}

/** A middleware that does nothing, where the cache is turned off. */
export const noCache: RequestHandler = (_req, _res, next) => next();
