/**
 * Start-up configuration: environment variables parsed once into a typed, validated object, so a
 * bad value stops the process at start with a message naming the variable instead of failing later.
 * Every variable is listed, with its default, in .env.example. The database's variables are read by
 * db/config.ts, the t.me client's by ingest/follow/config.ts; this file adds the server's own.
 */
import { ConfigError, EnvReader, readNeo4jConfig, type Env, type Neo4jConfig } from '../db/config';
import { readFollowConfig, type FollowConfig } from '../ingest/follow/config';

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

export interface CacheConfig {
  /** Memory for cached API answers, in MiB; 0 turns the cache off. */
  maxMb: number;
  /** How often the graph's version is read to notice imports by other processes (ms; 0: every request). */
  checkIntervalMs: number;
}

/** Host names served when ALLOWED_HOSTS is not set: the loopback ones (and HOST when it is a name or address). */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];

function defaultHosts(host: string): string[] {
  const wildcard = host === '0.0.0.0' || host === '::' || host === '[::]';
  return wildcard || LOOPBACK_HOSTS.includes(host) ? LOOPBACK_HOSTS : [...LOOPBACK_HOSTS, host.toLowerCase()];
}

/** Reads every variable and reports all bad ones at once (one line each), not just the first. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = new ServerEnvReader(env, problems);

  const host = read.host('HOST', '127.0.0.1');
  const config: Config = {
    host,
    port: read.integer('PORT', 3000, 1, 65535),
    neo4j: readNeo4jConfig(read),
    explorerToken: read.token('EXPLORER_TOKEN'),
    corsOrigins: read.origins('CORS_ORIGIN'),
    allowedHosts: read.hostList('ALLOWED_HOSTS', defaultHosts(host)),
    maxUploadMb: read.integer('MAX_UPLOAD_MB', 50, 1, 2048),
    maxAnswerMb: read.integer('MAX_ANSWER_MB', 16, 1, 1024),
    cache: {
      maxMb: read.integer('CACHE_MAX_MB', 256, 0, 4096),
      checkIntervalMs: read.integer('CACHE_CHECK_MS', 1000, 0, 60_000),
    },
    follow: readFollowConfig(read),
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The server's own kinds of value, beside the ones every layer reads (db/config.ts). */
class ServerEnvReader extends EnvReader {
  host(name: string, fallback: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (/[\s/]/.test(value))
      return this.fail(`${name} must be a host name or IP address, got "${value}"`, fallback);
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
