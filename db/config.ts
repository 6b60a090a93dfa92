/**
 * Database configuration read from the environment (NEO4J_*), and the typed reader every layer's
 * start-up configuration is built with: a bad value stops the process at start with a message naming
 * the variable instead of failing later. Every variable is listed, with its default, in .env.example.
 * The server's own settings are in server/config.ts, the t.me client's in ingest/follow/config.ts.
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

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.map((problem) => `config: ${problem}`).join('\n'));
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

const URI_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];
const SIZE = /^[1-9][0-9]*[kmg]$/i;

/** The NEO4J_* variables (what `npm run ingest`, `follow` and `db:migrate` need); reports all bad ones at once. */
export function loadDatabaseConfig(env: Env = process.env): { neo4j: Neo4jConfig } {
  const problems: string[] = [];
  const neo4j = readNeo4jConfig(new EnvReader(env, problems));
  if (problems.length > 0) throw new ConfigError(problems);
  return { neo4j };
}

export function readNeo4jConfig(read: EnvReader): Neo4jConfig {
  return {
    uri: read.boltUri('NEO4J_URI'),
    user: read.string('NEO4J_USER', 'neo4j'),
    password: read.secret('NEO4J_PASSWORD'),
    dataDir: read.string('NEO4J_DATA_DIR', '.data/neo4j'),
    boltPort: read.integer('NEO4J_BOLT_PORT', 7687, 0, 65535),
    heap: read.size('NEO4J_HEAP', '1g'),
    pageCache: read.size('NEO4J_PAGECACHE', '512m'),
    txTimeoutMs: read.integer('NEO4J_TX_TIMEOUT_MS', 30000, 100, 3_600_000),
  };
}

/** One parser per kind of value; each records a problem and returns the default when a value is bad. */
export class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  /** Unset and empty are the same: "PORT=" in a .env file means "use the default". */
  protected raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  protected fail<T>(message: string, fallback: T): T {
    this.problems.push(message);
    return fallback;
  }

  /** As set, untrimmed (a password may start or end with a space); '' when unset. */
  secret(name: string): string {
    return this.env[name] ?? '';
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
}
