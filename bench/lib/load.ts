/**
 * HTTP load with autocannon, with exact percentiles: autocannon's own summary has p97.5 but no p95,
 * so every response time is collected here. Each scenario rotates through a list of requests so a
 * run does not hit one cached key.
 */
import autocannon from 'autocannon';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export interface LoadStats {
  requests: number;
  /** Requests per second over the run. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Non-2xx responses, connection errors and timeouts together. */
  failures: number;
  /**
   * Requests still in flight when the run ended: about one per connection normally; autocannon
   * neither counts nor times them, so a scenario slower than the run shows few requests, not failures.
   */
  unanswered: number;
  statusCodes: Record<string, number>;
  timeouts: number;
  connectionErrors: number;
  seconds: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function runLoad(
  baseUrl: string,
  requests: LoadRequest[],
  options: { connections: number; seconds: number; timeoutSeconds?: number },
): Promise<LoadStats> {
  if (requests.length === 0) throw new Error('bench/load: no requests to send');
  let next = 0;
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: options.connections,
        duration: options.seconds,
        timeout: options.timeoutSeconds ?? 10,
        requests: [
          {
            setupRequest: (request) => {
              const spec = requests[next++ % requests.length];
              const withBody = spec.body !== undefined;
              return {
                ...request,
                method: spec.method,
                path: spec.path,
                body: withBody ? JSON.stringify(spec.body) : undefined,
                // As a browser asks: the server may answer gzipped (autocannon counts bytes, it does not inflate).
                headers: {
                  'accept-encoding': 'gzip, deflate, br',
                  ...(withBody ? { 'content-type': 'application/json' } : {}),
                },
              };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        const non2xx = Object.entries(statusCodes)
          .filter(([code]) => !code.startsWith('2'))
          .reduce((n, [, c]) => n + c, 0);
        const unanswered = Math.max(0, result.requests.sent - latencies.length - result.errors);
        resolve({
          requests: latencies.length,
          unanswered,
          throughput: latencies.length / result.duration,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          max: latencies[latencies.length - 1] ?? 0,
          failures: non2xx + result.errors,
          statusCodes,
          timeouts: result.timeouts,
          connectionErrors: result.errors - result.timeouts,
          seconds: result.duration,
        });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
}

export interface AskedOnce {
  questions: number;
  p50: number;
  p95: number;
  max: number;
  failures: number;
  statusCodes: Record<string, number>;
}

/**
 * Sends each request once, `concurrency` at a time, and times each (body read in full): the
 * latency of questions nobody asked before, which a load run that repeats them cannot show.
 */
export async function askEachOnce(
  baseUrl: string,
  requests: LoadRequest[],
  concurrency: number,
): Promise<AskedOnce> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let next = 0;
  let failures = 0;
  const worker = async () => {
    for (let i = next++; i < requests.length; i = next++) {
      const spec = requests[i];
      const started = performance.now();
      try {
        const response = await fetch(`${baseUrl}${spec.path}`, {
          method: spec.method,
          headers: spec.body !== undefined ? { 'content-type': 'application/json' } : {},
          body: spec.body !== undefined ? JSON.stringify(spec.body) : undefined,
          signal: AbortSignal.timeout(60_000),
        });
        await response.arrayBuffer();
        statusCodes[response.status] = (statusCodes[response.status] ?? 0) + 1;
        if (!response.ok) failures++;
      } catch {
        failures++;
      }
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  latencies.sort((a, b) => a - b);
  return {
    questions: requests.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies[latencies.length - 1] ?? 0,
    failures,
    statusCodes,
  };
}
