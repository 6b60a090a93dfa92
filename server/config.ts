/**
 * Start-up configuration: environment variables parsed once into a typed, validated object, so a
 * bad value stops the process at start with a message naming the variable instead of failing later.
 * Every variable is listed, with its default, in .env.example.
 */

export interface Neo4jConfig {
  /** External database (bolt://, neo4j://, ...). null: start the embedded Neo4j (db/launcher). */
  uri: string | null;
  user: string;
  password: string;
  /** Embedded only: store and logs directory. */
  dataDir: string;
  /** Embedded only: Bolt port on 127.0.0.1; 0 lets the OS pick a free port. */
  boltPort: number;
  /** Embedded only: JVM heap (-Xms/-Xmx), e.g. "1g". */
  heap: string;
  /** Embedded only: page cache size, e.g. "512m". */
  pageCache: string;
  /** Server-side transaction timeout for the embedded database, and the driver's per-query timeout. */
  txTimeoutMs: number;
}

export interface Config {
  host: string;
  port: number;
  neo4j: Neo4jConfig;
  /** When set, the API requires it as a bearer token. */
  explorerToken: string | null;
  /** Allowed cross-origin callers: "*" or a list of origins; empty means same origin only. */
  corsOrigins: string[];
  /** Host names the server answers to (DNS rebinding); "*" for any. */
  allowedHosts: string[];
  maxUploadMb: number;
  /** Largest answer of a console or saved query, in MiB (cut there, saying so). */
  maxAnswerMb: number;
  cache: CacheConfig;
  follow: FollowConfig;
}

export interface FollowConfig {
  /** Minutes between refreshes of every followed channel while the server runs; 0: no schedule. */
  intervalMin: number;
  /** Where the channel previews live: https://t.me, or a local server in tests. */
  baseUrl: string;
  /** Pause between two requests to t.me (ms). */
  pageDelayMs: number;
  /** Longest wait for one t.me response (ms). */
  timeoutMs: number;
}

export interface CacheConfig {
  /** Memory for cached API answers, in MiB; 0 turns the cache off. */
  maxMb: number;
  /** How often the graph's version is read to notice imports by other processes (ms; 0: every request). */
  checkIntervalMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.map((problem) => `config: ${problem}`).join('\n'));
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Host names served when ALLOWED_HOSTS is not set: the loopback ones (and HOST when it is a name or address). */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];

function defaultHosts(host: string): string[] {
  const wildcard = host === '0.0.0.0' || host === '::' || host === '[::]';
  return wildcard || LOOPBACK_HOSTS.includes(host) ? LOOPBACK_HOSTS : [...LOOPBACK_HOSTS, host.toLowerCase()];
}

const URI_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];
const SIZE = /^[1-9][0-9]*[kmg]$/i;

/** Reads every variable and reports all bad ones at once (one line each), not just the first. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = new Reader(env, problems);

  const host = read.host('HOST', '127.0.0.1');
  const config: Config = {
    host,
    port: read.integer('PORT', 3000, 1, 65535),
    neo4j: {
      uri: read.boltUri('NEO4J_URI'),
      user: read.string('NEO4J_USER', 'neo4j'),
      password: env.NEO4J_PASSWORD ?? '',
      dataDir: read.string('NEO4J_DATA_DIR', '.data/neo4j'),
      boltPort: read.integer('NEO4J_BOLT_PORT', 7687, 0, 65535),
      heap: read.size('NEO4J_HEAP', '1g'),
      pageCache: read.size('NEO4J_PAGECACHE', '512m'),
      txTimeoutMs: read.integer('NEO4J_TX_TIMEOUT_MS', 30000, 100, 3_600_000),
    },
    explorerToken: read.token('EXPLORER_TOKEN'),
    corsOrigins: read.origins('CORS_ORIGIN'),
    allowedHosts: read.hostList('ALLOWED_HOSTS', defaultHosts(host)),
    maxUploadMb: read.integer('MAX_UPLOAD_MB', 50, 1, 2048),
    maxAnswerMb: read.integer('MAX_ANSWER_MB', 16, 1, 1024),
    cache: {
      maxMb: read.integer('CACHE_MAX_MB', 256, 0, 4096),
      checkIntervalMs: read.integer('CACHE_CHECK_MS', 1000, 0, 60_000),
    },
    follow: {
      intervalMin: read.integer('FOLLOW_INTERVAL_MIN', 0, 0, 10_080),
      baseUrl: read.httpUrl('TME_BASE_URL', 'https://t.me'),
      pageDelayMs: read.integer('FOLLOW_PAGE_DELAY_MS', 2000, 0, 600_000),
      timeoutMs: read.integer('FOLLOW_TIMEOUT_MS', 20_000, 100, 600_000),
    },
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** One parser per kind of value; each records a problem and returns the default when a value is bad. */
class Reader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  /** Unset and empty are the same: "PORT=" in a .env file means "use the default". */
  private raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  private fail<T>(message: string, fallback: T): T {
    this.problems.push(message);
    return fallback;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = /^-?[0-9]+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      return this.fail(`${name} must be an integer ${min}-${max}, got "${value}"`, fallback);
    }
    return parsed;
  }

  host(name: string, fallback: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (/[\s/]/.test(value))
      return this.fail(`${name} must be a host name or IP address, got "${value}"`, fallback);
    return value;
  }

  size(name: string, fallback: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!SIZE.test(value)) {
      return this.fail(
        `${name} must be a size with a unit k, m or g (e.g. 512m, 1g), got "${value}"`,
        fallback,
      );
    }
    return value.toLowerCase();
  }

  httpUrl(name: string, fallback: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const url = URL.canParse(value) ? new URL(value) : null;
    if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash) {
      return this.fail(`${name} must be an http:// or https:// URL without query, got "${value}"`, fallback);
    }
    return value.replace(/\/+$/, '');
  }

  boltUri(name: string): string | null {
    const value = this.raw(name);
    if (value === undefined) return null;
    const expected = `${name} must be a ${URI_SCHEMES.map((scheme) => `${scheme}://`).join(', ')} URI`;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return this.fail(`${expected}, got "${value}"`, null);
    }
    const scheme = url.protocol.replace(/:$/, '');
    if (!URI_SCHEMES.includes(scheme)) return this.fail(`${expected}, got "${value}"`, null);
    if (url.hostname === '') return this.fail(`${name} has no host: "${value}"`, null);
    if (url.username || url.password) {
      // Credentials in the URI would end up in logs; the driver takes them separately anyway.
      return this.fail(`${name} must not contain credentials; use NEO4J_USER and NEO4J_PASSWORD`, null);
    }
    return value;
  }

  token(name: string): string | null {
    const value = this.raw(name);
    if (value === undefined) return null;
    if (value.length < 16 || /\s/.test(value)) {
      // The value itself is a secret: say what is wrong without echoing it.
      return this.fail(`${name} must be at least 16 characters without spaces (got ${value.length})`, null);
    }
    return value;
  }

  hostList(name: string, fallback: string[]): string[] {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (value === '*') return ['*'];
    const hosts = value.split(',').map((part) => part.trim().toLowerCase());
    // A name or address; "name:port" is a mistake (the port does not matter), IPv6 may be bracketed.
    const bad = hosts.find((item) => item === '' || /[\s/@]/.test(item) || /^[^:]+:\d*$/.test(item));
    if (bad !== undefined) {
      return this.fail(
        `${name} must be "*" or comma-separated host names without ports (e.g. localhost,explorer.lan), got "${bad}"`,
        fallback,
      );
    }
    return hosts.map((item) => item.replace(/^\[(.*)\]$/, '$1'));
  }

  origins(name: string): string[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    if (value === '*') return ['*'];
    const origins: string[] = [];
    for (const item of value.split(',').map((part) => part.trim())) {
      const url = URL.canParse(item) ? new URL(item) : null;
      if (!url || !/^https?:$/.test(url.protocol) || url.origin !== item.replace(/\/$/, '')) {
        return this.fail(
          `${name} must be "*" or comma-separated origins like http://localhost:5173, got "${item}"`,
          [],
        );
      }
      origins.push(url.origin);
    }
    return origins;
  }
}
