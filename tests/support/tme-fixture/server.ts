/**
 * A local stand-in for t.me in tests and benchmarks: serves /s/<channel>[?before=N] pages written
 * by pages.ts from in-memory channels that a test changes between runs (new posts, an edit), and
 * answers with the faults a test queues for a given request path: 429 with Retry-After, 500, a
 * response that never comes (timeout), a malformed page. Unknown channels are redirected to
 * /<name>, as t.me does for names without a web preview. Listens on 127.0.0.1, port chosen by the
 * OS; nothing here touches the network.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { renderChannelPage, type FixtureChannel } from './pages';

export type Fault =
  { kind: 'status'; status: number; retryAfter?: string } | { kind: 'hang' } | { kind: 'malformed' };

export interface SeenRequest {
  /** Path and query, e.g. "/s/mlnews?before=41". */
  path: string;
  userAgent: string | undefined;
  method: string;
  /** Every request header as "name: value", names lower-cased, in the order sent. */
  headers: string[];
}

export class TmeFixtureServer {
  readonly channels = new Map<string, FixtureChannel>();
  readonly requests: SeenRequest[] = [];
  /** The most requests this server ever saw at the same time (the client must keep it at 1). */
  maxConcurrent = 0;
  private readonly faults = new Map<string, Fault[]>();
  private readonly sockets = new Set<Socket>();
  private server: http.Server | null = null;
  private active = 0;

  constructor(private readonly pageSize?: number) {}

  addChannel(channel: FixtureChannel): void {
    this.channels.set(channel.username.toLowerCase(), channel);
  }

  /** The next requests of `path` (e.g. "/s/mlnews?before=41") get these faults, one each, in order. */
  queueFaults(path: string, ...faults: Fault[]): void {
    this.faults.set(path, [...(this.faults.get(path) ?? []), ...faults]);
  }

  /** Requests of channel pages so far (paths), for assertions on what was fetched. */
  pagePaths(): string[] {
    return this.requests.map((r) => r.path);
  }

  async start(): Promise<string> {
    const server = http.createServer((req, res) => this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    // Hung responses keep their sockets open; end them so close() returns.
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = req.url ?? '/';
    const headers: string[] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      headers.push(`${req.rawHeaders[i].toLowerCase()}: ${req.rawHeaders[i + 1]}`);
    }
    this.requests.push({ path, userAgent: req.headers['user-agent'], method: req.method ?? '', headers });
    this.active++;
    this.maxConcurrent = Math.max(this.maxConcurrent, this.active);
    res.on('close', () => this.active--);
    const fault = this.faults.get(path)?.shift();
    if (fault?.kind === 'hang') return; // never answers: the client's timeout must end it
    if (fault?.kind === 'status') {
      res.writeHead(fault.status, {
        'content-type': 'text/html',
        ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}),
      });
      res.end(`<html><body>error ${fault.status}</body></html>`);
      return;
    }
    if (fault?.kind === 'malformed') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body><h1>Something went wrong</h1><p>Please try again later.</p></body></html>');
      return;
    }
    const url = new URL(path, 'http://fixture');
    const m = /^\/s\/([^/]+)$/.exec(url.pathname);
    const channel = m ? this.channels.get(decodeURIComponent(m[1]).toLowerCase()) : undefined;
    if (!m || !channel) {
      res.writeHead(302, { location: `/${m ? m[1] : ''}` });
      res.end();
      return;
    }
    const beforeParam = url.searchParams.get('before');
    const before = beforeParam === null ? null : Number(beforeParam);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(renderChannelPage(channel, before, this.pageSize));
  }
}
