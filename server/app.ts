import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Driver } from 'neo4j-driver';
import { LOOPBACK_HOSTS, type CacheConfig, type Config } from './config';
import { GraphVersion } from './cache/graph-version';
import { noCache, ResponseCache } from './cache/response-cache';
import { limitBodyDepth } from './api/middleware/body-depth';
import { apiNotFound, errorHandlerFor } from './api/middleware/errors';
import { InFlightRequests } from './api/middleware/in-flight';
import { heavyRequestLimiter } from './api/middleware/rate-limit';
import { allowHosts, cors, refuseCrossSiteWrites, requireToken } from './api/middleware/security';
import { openApiDocument } from './api/openapi';
import { channelRoutes } from './api/routes/channels';
import { exportRoutes } from './api/routes/export';
import { followRoutes } from './api/routes/follows';
import { graphRoutes } from './api/routes/graph';
import { healthRoutes } from './api/routes/health';
import { importRoutes } from './api/routes/imports';
import { overviewRoutes } from './api/routes/overview';
import { queryRoutes } from './api/routes/queries';
import { loadSavedQueries } from './saved-queries/registry';
import { DEFAULT_LIMITS, type ApiLimits, type ServiceContext } from './services/context';
import { FollowService, type FollowServiceOptions } from './services/follows';
import { ImportQueue } from './services/imports';

export interface AppOptions {
  driver: Driver;
  config: Pick<Config, 'explorerToken' | 'corsOrigins' | 'maxUploadMb'> & {
    /** Host names served (DNS rebinding); LOOPBACK_HOSTS when absent. */
    allowedHosts?: string[];
  };
  limits?: Partial<ApiLimits>;
  /** User queries and exports per client per minute (POST /api/cypher, saved-query runs, /api/export). */
  queriesPerMinute?: number;
  /** Built client (client/dist) to serve with an index.html fallback; skipped when absent. */
  clientDir?: string;
  /** Saved queries folder (default cypher/queries). */
  savedQueriesDir?: string;
  /** Cached answers of the read endpoints; DEFAULT_CACHE when absent. */
  cache?: CacheConfig;
  /** The embedded database's supervisor (Database.supervision), for /api/health. */
  supervision?: ServiceContext['supervision'];
  /** Followed channels: schedule, t.me base URL, politeness; DEFAULT_FOLLOW (no schedule) when absent. */
  follow?: FollowServiceOptions;
}

/** The defaults of FOLLOW_INTERVAL_MIN, TME_BASE_URL, FOLLOW_PAGE_DELAY_MS and FOLLOW_TIMEOUT_MS. */
export const DEFAULT_FOLLOW: FollowServiceOptions = {
  intervalMin: 0,
  baseUrl: 'https://t.me',
  pageDelayMs: 2000,
  timeoutMs: 20_000,
};

/** The defaults of CACHE_MAX_MB and CACHE_CHECK_MS (server/config.ts). */
export const DEFAULT_CACHE: CacheConfig = { maxMb: 256, checkIntervalMs: 1000 };
/** Answers older than this are recomputed even if the graph's version did not change. */
const CACHE_MAX_AGE_MS = 10 * 60 * 1000;

export interface ExplorerApp extends Express {
  locals: Express['locals'] & {
    imports: ImportQueue;
    follows: FollowService;
    inFlight: InFlightRequests;
    cache: ResponseCache | null;
  };
}

const JSON_BODY_LIMIT = '1mb';

export function createApp(options: AppOptions): ExplorerApp {
  const ctx: ServiceContext = {
    driver: options.driver,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    supervision: options.supervision ?? null,
  };
  const savedQueries = loadSavedQueries(options.savedQueriesDir);
  const cacheConfig = options.cache ?? DEFAULT_CACHE;
  const cache =
    cacheConfig.maxMb > 0
      ? new ResponseCache(
          new GraphVersion(options.driver, {
            checkIntervalMs: cacheConfig.checkIntervalMs,
            timeoutMs: ctx.limits.healthTimeoutMs,
          }),
          { maxBytes: cacheConfig.maxMb * 1024 * 1024, maxAgeMs: CACHE_MAX_AGE_MS },
        )
      : null;
  const cached = cache?.middleware ?? noCache;
  const imports = new ImportQueue(options.driver, () => cache?.clear());
  const follows = new FollowService(options.driver, options.follow ?? DEFAULT_FOLLOW, () => cache?.clear());

  const app = express() as ExplorerApp;
  app.locals.imports = imports;
  app.locals.follows = follows;
  app.locals.cache = cache;
  app.locals.inFlight = new InFlightRequests();
  app.use(app.locals.inFlight.middleware);
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Before anything else, the UI included: a rebound DNS name must not even load the explorer.
  app.use(allowHosts(options.config.allowedHosts ?? LOOPBACK_HOSTS));
  app.use(securityHeaders());
  app.use('/api', cors(options.config.corsOrigins));
  app.use('/api', refuseCrossSiteWrites(options.config.corsOrigins));
  app.use('/api', requireToken(options.config.explorerToken));
  app.use('/api', express.json({ limit: JSON_BODY_LIMIT }));
  app.use('/api', limitBodyDepth());

  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  app.use('/api', healthRoutes(ctx));
  app.use('/api', graphRoutes(ctx, cached));
  app.use('/api', overviewRoutes(ctx, cached));
  const heavy = heavyRequestLimiter(options.queriesPerMinute ?? 60);
  app.use('/api', queryRoutes(ctx, savedQueries, { limiter: heavy, cached }));
  app.use('/api', exportRoutes(ctx, savedQueries, heavy));
  app.use('/api', importRoutes(imports, options.config.maxUploadMb));
  app.use('/api', channelRoutes(ctx, imports, cached));
  app.use('/api', followRoutes(follows));
  app.use('/api', apiNotFound);

  if (options.clientDir && existsSync(path.join(options.clientDir, 'index.html'))) {
    const clientDir = path.resolve(options.clientDir);
    app.use(express.static(clientDir, { index: 'index.html' }));
    // Single-page app: any other GET outside /api is a client route.
    app.use((req, res, next) => {
      if (req.method !== 'GET' || req.path.startsWith('/api/')) return next();
      res.sendFile(path.join(clientDir, 'index.html'));
    });
  }

  app.use(errorHandlerFor(ctx.supervision ?? null));
  return app;
}

/**
 * Helmet's headers. upgrade-insecure-requests only on requests that came over TLS: over plain
 * http (HOST=0.0.0.0 opened as http://lan-host:3000) it made the browser fetch the UI's scripts
 * over https, which this server does not speak, and the UI stayed at "Connecting...".
 */
function securityHeaders(): RequestHandler {
  const headers = (upgrade: boolean) =>
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Cytoscape and CodeMirror set inline styles; scripts stay same-origin only.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'upgrade-insecure-requests': upgrade ? [] : null,
        },
      },
    });
  const overTls = headers(true);
  const plain = headers(false);
  return (req, res, next) => (req.secure ? overTls : plain)(req, res, next);
}

export interface RunningServer {
  app: ExplorerApp;
  server: Server;
  url: string;
  port: number;
}

let current: RunningServer | null = null;

/** Starts the API on host:port (port 0: any free port, as tests use). */
export async function startServer(
  options: AppOptions & { host?: string; port?: number },
): Promise<RunningServer> {
  const app = createApp(options);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port ?? 0, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const port = (server.address() as AddressInfo).port;
  app.locals.follows.start();
  const shownHost = host.includes(':') ? `[${host}]` : host;
  current = { app, server, port, url: `http://${shownHost}:${port}` };
  return current;
}

/** Stops a server (the last started by default): no new connections, idle ones closed, running handlers and imports finished. */
export async function stopServer(running: RunningServer | null = current): Promise<void> {
  if (!running) return;
  if (running === current) current = null;
  await new Promise<void>((resolve) => {
    running.server.close(() => resolve());
    running.server.closeIdleConnections();
  });
  // Handlers of clients that already hung up may still be waiting on the database (bounded by
  // the driver's acquisition and query timeouts).
  await running.app.locals.inFlight.idle(30_000);
  running.app.locals.follows.stop();
  await running.app.locals.imports.idle();
}
