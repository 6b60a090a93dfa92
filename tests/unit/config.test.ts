import { ConfigError } from '../../db/config';
import { loadConfig } from '../../server/config';

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected loadConfig to reject ' + JSON.stringify(env));
}

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment (embedded database)', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      host: '127.0.0.1',
      port: 3000,
      neo4j: {
        uri: null,
        user: 'neo4j',
        password: '',
        dataDir: '.data/neo4j',
        boltPort: 7687,
        heap: '1g',
        pageCache: '512m',
        txTimeoutMs: 30000,
      },
      explorerToken: null,
      corsOrigins: [],
      allowedHosts: ['localhost', '127.0.0.1', '::1'],
      maxUploadMb: 50,
      maxAnswerMb: 16,
      cache: { maxMb: 256, checkIntervalMs: 1000 },
      follow: { intervalMin: 0, baseUrl: 'https://t.me', pageDelayMs: 2000, timeoutMs: 20000 },
    });
  });

  it('reads every variable when set', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: '8080',
      NEO4J_URI: 'neo4j+s://db.example.org:7687',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATA_DIR: '/var/lib/graph',
      NEO4J_BOLT_PORT: '0',
      NEO4J_HEAP: '2G',
      NEO4J_PAGECACHE: '256m',
      NEO4J_TX_TIMEOUT_MS: '5000',
      EXPLORER_TOKEN: 'a-long-enough-token-123',
      CORS_ORIGIN: 'http://localhost:5173, https://graph.example.org',
      MAX_UPLOAD_MB: '10',
      MAX_ANSWER_MB: '4',
      CACHE_MAX_MB: '0',
      CACHE_CHECK_MS: '250',
    });
    expect(config.host).toBe('0.0.0.0');
    expect(config.port).toBe(8080);
    expect(config.neo4j).toEqual({
      uri: 'neo4j+s://db.example.org:7687',
      user: 'reader',
      password: 'secret',
      dataDir: '/var/lib/graph',
      boltPort: 0,
      heap: '2g',
      pageCache: '256m',
      txTimeoutMs: 5000,
    });
    expect(config.explorerToken).toBe('a-long-enough-token-123');
    expect(config.corsOrigins).toEqual(['http://localhost:5173', 'https://graph.example.org']);
    expect(config.maxUploadMb).toBe(10);
    expect(config.maxAnswerMb).toBe(4);
    expect(config.cache).toEqual({ maxMb: 0, checkIntervalMs: 250 });
  });

  it('rejects an answer bound out of range', () => {
    expect(problemsOf({ MAX_ANSWER_MB: '0' })).toContain('MAX_ANSWER_MB must be an integer 1-1024');
  });

  it('rejects a cache size or check interval out of range', () => {
    expect(problemsOf({ CACHE_MAX_MB: '-1' })).toContain('CACHE_MAX_MB must be an integer 0-4096');
    expect(problemsOf({ CACHE_CHECK_MS: '1s' })).toContain('CACHE_CHECK_MS must be an integer 0-60000');
  });

  it('reads the follow settings and rejects a TME_BASE_URL that is not an http(s) URL', () => {
    const config = loadConfig({
      FOLLOW_INTERVAL_MIN: '30',
      TME_BASE_URL: 'http://127.0.0.1:3915/',
      FOLLOW_PAGE_DELAY_MS: '0',
      FOLLOW_TIMEOUT_MS: '5000',
    });
    expect(config.follow).toEqual({
      intervalMin: 30,
      baseUrl: 'http://127.0.0.1:3915',
      pageDelayMs: 0,
      timeoutMs: 5000,
    });
    expect(problemsOf({ TME_BASE_URL: 'ftp://t.me' })).toContain(
      'TME_BASE_URL must be an http:// or https:// URL without query, got "ftp://t.me"',
    );
    expect(problemsOf({ FOLLOW_INTERVAL_MIN: '-5' })).toContain(
      'FOLLOW_INTERVAL_MIN must be an integer 0-10080',
    );
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '', NEO4J_URI: '  ' }).port).toBe(3000);
    expect(loadConfig({ NEO4J_URI: '' }).neo4j.uri).toBeNull();
  });

  it('rejects a port outside 1-65535', () => {
    expect(problemsOf({ PORT: '70000' })).toBe('config: PORT must be an integer 1-65535, got "70000"');
    expect(problemsOf({ PORT: '0' })).toContain('PORT must be an integer 1-65535');
  });

  it('rejects a port that is not an integer', () => {
    expect(problemsOf({ PORT: '80.5' })).toContain('got "80.5"');
    expect(problemsOf({ PORT: '3000abc' })).toContain('got "3000abc"');
  });

  it('allows Bolt port 0 (random free port) but not a negative one', () => {
    expect(loadConfig({ NEO4J_BOLT_PORT: '0' }).neo4j.boltPort).toBe(0);
    expect(problemsOf({ NEO4J_BOLT_PORT: '-1' })).toContain('NEO4J_BOLT_PORT must be an integer 0-65535');
  });

  it('accepts every Bolt URI scheme the driver knows', () => {
    for (const scheme of ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc']) {
      expect(loadConfig({ NEO4J_URI: `${scheme}://localhost:7687` }).neo4j.uri).toBe(
        `${scheme}://localhost:7687`,
      );
    }
  });

  it('rejects a malformed or non-Bolt NEO4J_URI', () => {
    expect(problemsOf({ NEO4J_URI: 'localhost:7687' })).toMatch(
      /^config: NEO4J_URI must be a bolt:\/\/, bolt\+s:\/\/, .* URI, got "localhost:7687"$/,
    );
    expect(problemsOf({ NEO4J_URI: 'http://localhost:7474' })).toContain('got "http://localhost:7474"');
    expect(problemsOf({ NEO4J_URI: 'not a uri' })).toContain('NEO4J_URI must be a bolt://');
  });

  it('rejects credentials inside NEO4J_URI without echoing them', () => {
    const message = problemsOf({ NEO4J_URI: 'bolt://neo4j:hunter2@localhost:7687' });
    expect(message).toContain('NEO4J_URI must not contain credentials');
    expect(message).not.toContain('hunter2');
  });

  it('rejects sizes without a unit', () => {
    expect(problemsOf({ NEO4J_HEAP: '1024' })).toBe(
      'config: NEO4J_HEAP must be a size with a unit k, m or g (e.g. 512m, 1g), got "1024"',
    );
    expect(problemsOf({ NEO4J_PAGECACHE: '1.5g' })).toContain('NEO4J_PAGECACHE must be a size');
  });

  it('rejects a short explorer token without printing it', () => {
    const message = problemsOf({ EXPLORER_TOKEN: 'short' });
    expect(message).toBe('config: EXPLORER_TOKEN must be at least 16 characters without spaces (got 5)');
  });

  it('accepts "*" as CORS origin and rejects an origin with a path', () => {
    expect(loadConfig({ CORS_ORIGIN: '*' }).corsOrigins).toEqual(['*']);
    expect(problemsOf({ CORS_ORIGIN: 'http://localhost:5173/app' })).toContain(
      'CORS_ORIGIN must be "*" or comma-separated origins',
    );
  });

  it('serves loopback names by default, HOST when it names one interface, and ALLOWED_HOSTS when set', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).allowedHosts).toEqual(['localhost', '127.0.0.1', '::1']);
    expect(loadConfig({ HOST: '192.168.1.20' }).allowedHosts).toEqual([
      'localhost',
      '127.0.0.1',
      '::1',
      '192.168.1.20',
    ]);
    expect(loadConfig({ ALLOWED_HOSTS: 'Explorer.LAN, [::1]' }).allowedHosts).toEqual([
      'explorer.lan',
      '::1',
    ]);
    expect(loadConfig({ ALLOWED_HOSTS: '*' }).allowedHosts).toEqual(['*']);
    expect(problemsOf({ ALLOWED_HOSTS: 'explorer.lan:3000' })).toContain('ALLOWED_HOSTS must be "*" or');
    expect(problemsOf({ ALLOWED_HOSTS: 'http://explorer.lan' })).toContain('ALLOWED_HOSTS must be "*" or');
  });

  it('reports every bad variable at once, one per line', () => {
    const message = problemsOf({ PORT: 'x', MAX_UPLOAD_MB: '0', NEO4J_TX_TIMEOUT_MS: 'soon' });
    expect(message.split('\n')).toEqual([
      'config: PORT must be an integer 1-65535, got "x"',
      'config: NEO4J_TX_TIMEOUT_MS must be an integer 100-3600000, got "soon"',
      'config: MAX_UPLOAD_MB must be an integer 1-2048, got "0"',
    ]);
  });
});
