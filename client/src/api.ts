/**
 * The one place that talks HTTP to the explorer API (server/api/contract.ts). Turns every failure
 * into an ApiRequestError whose message a user can read, and adds the bearer token to writes.
 */
import type {
  ApiError,
  ChannelDeletion,
  ChannelList,
  EntityDetails,
  FollowList,
  FollowStatus,
  GraphResponse,
  HealthResponse,
  ImportStatus,
  OverviewResponse,
  PathsResponse,
  PostDetails,
  QueryResult,
  RelationEvidenceResponse,
  SavedQuery,
  SearchResponse,
  TimelineResponse,
} from '../../server/api/contract';

export type ErrorCode = ApiError['error']['code'] | 'network' | 'unauthorized' | 'aborted';
export type ExportFormat = 'graphml' | 'gexf' | 'cyjs' | 'csv' | 'json';

export class ApiRequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

const TOKEN_KEY = 'explorer.token';

export function getToken(): string {
  return localStorage.getItem(TOKEN_KEY) ?? '';
}
export function setToken(token: string): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

/** Number of requests in flight, for the loading bar. */
let pending = 0;
const pendingListeners = new Set<(count: number) => void>();
export function onPendingChange(listener: (count: number) => void): void {
  pendingListeners.add(listener);
}
function trackPending(delta: number): void {
  pending += delta;
  for (const listener of pendingListeners) listener(pending);
}

/** A sentence for the user, built from the API's error code and message. */
function humanMessage(code: ErrorCode, serverMessage: string, status: number): string {
  switch (code) {
    case 'unavailable':
      return `The graph database is not reachable right now. ${serverMessage}`.trim();
    case 'timeout':
      return 'The request took too long and was stopped. Try a narrower search or a smaller limit.';
    case 'forbidden':
    case 'unauthorized':
      return 'The server refused this change: set the access token in Settings (⚙).';
    case 'rate_limited':
      return 'Too many requests in a short time. Wait a few seconds and try again.';
    case 'too_large':
      return `The file or request is too large. ${serverMessage}`.trim();
    case 'not_found':
      return serverMessage || 'Not found.';
    case 'network':
      return 'Cannot reach the explorer server. Check that it is running.';
    case 'internal':
      return `The server hit an unexpected error${serverMessage ? `: ${serverMessage}` : '.'}`;
    default:
      return serverMessage || `The request failed (HTTP ${status}).`;
  }
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 413) return 'too_large';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'unavailable';
  if (status >= 500) return 'internal';
  return 'bad_request';
}

async function errorFromResponse(response: Response): Promise<ApiRequestError> {
  let code = codeForStatus(response.status);
  let message = '';
  try {
    const body = (await response.json()) as Partial<ApiError>;
    if (body.error) {
      code = response.status === 401 ? 'unauthorized' : body.error.code;
      message = body.error.message;
    }
  } catch {
    // Not JSON (proxy error page, empty body): the status alone has to do.
  }
  return new ApiRequestError(code, humanMessage(code, message, response.status), response.status);
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Error statuses whose body is the answer (health's 503 says why the database is down). */
  answerStatuses?: number[];
  /** A background request (health polling): not shown by the loading bar. */
  quiet?: boolean;
}

async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = getToken();
  if (method !== 'GET' && token) headers.Authorization = `Bearer ${token}`;
  const track = options.quiet ? () => {} : trackPending;
  track(1);
  try {
    const response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
    if (!response.ok && !options.answerStatuses?.includes(response.status))
      throw await errorFromResponse(response);
    return response;
  } catch (err) {
    if (err instanceof ApiRequestError) throw err;
    if (err instanceof DOMException && err.name === 'AbortError')
      throw new ApiRequestError('aborted', 'Cancelled.', 0);
    throw new ApiRequestError('network', humanMessage('network', '', 0), 0);
  } finally {
    track(-1);
  }
}

async function json<T>(path: string, options?: RequestOptions): Promise<T> {
  const response = await send(path, options);
  return (await response.json()) as T;
}

function query(params: Record<string, string | number | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(name, value.join(','));
    } else search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const enc = encodeURIComponent;

export interface NeighbourOptions {
  types?: string[];
  rels?: string[];
  limit?: number;
  depth?: number;
}

export const api = {
  /** 503 is an answer here: the body says whether the database is unreachable or restarting. */
  health: () => json<HealthResponse>('/api/health', { answerStatuses: [503], quiet: true }),
  search: (q: string, opts: { types?: string[]; limit?: number; signal?: AbortSignal } = {}) =>
    json<SearchResponse>(`/api/search${query({ q, types: opts.types, limit: opts.limit })}`, {
      signal: opts.signal,
    }),
  /** The entity with one page of the posts that mention it (the server's default page without `posts`). */
  entity: (key: string, posts?: { page: number; pageSize: number }) =>
    json<EntityDetails>(`/api/entities/${enc(key)}${query({ ...posts })}`),
  neighbours: (key: string, opts: NeighbourOptions = {}) =>
    json<GraphResponse>(`/api/entities/${enc(key)}/neighbours${query({ ...opts })}`),
  /** One page of the posts stating `from -type-> to` (a collapsed edge), newest first. */
  relationEvidence: (
    edge: { source: string; type: string; target: string },
    page: { page: number; pageSize: number },
  ) =>
    json<RelationEvidenceResponse>(
      `/api/relations${query({ from: edge.source, type: edge.type, to: edge.target, ...page })}`,
    ),
  paths: (from: string, to: string, max?: number) =>
    json<PathsResponse>(`/api/paths${query({ from, to, max })}`),
  post: (id: string) => json<PostDetails>(`/api/posts/${enc(id)}`),
  timeline: (key: string) => json<TimelineResponse>(`/api/timeline${query({ key })}`),
  overview: () => json<OverviewResponse>('/api/overview'),
  queries: () => json<SavedQuery[] | { queries: SavedQuery[] }>('/api/queries').then(unwrapQueries),
  runQuery: (name: string, params: Record<string, unknown>) =>
    json<QueryResult>(`/api/queries/${enc(name)}/run`, { method: 'POST', body: params }),
  cypher: (cypherText: string, params: Record<string, unknown> = {}) =>
    json<QueryResult>('/api/cypher', { method: 'POST', body: { query: cypherText, params } }),
  /** Server-side export; with `keys` only the subgraph among those entities. */
  exportGraph: async (
    format: ExportFormat,
    keys?: string[],
  ): Promise<{ blob: Blob; filename: string | null }> => {
    const path = `/api/export${query({ format })}`;
    const response = keys ? await send(path, { method: 'POST', body: { keys } }) : await send(path);
    return {
      blob: await response.blob(),
      filename: filenameFrom(response.headers.get('Content-Disposition')),
    };
  },
  follows: () => json<FollowList>('/api/follows'),
  follow: (channel: string) => json<FollowStatus>('/api/follows', { method: 'POST', body: { channel } }),
  refreshFollow: (channel: string) =>
    json<FollowStatus>(`/api/follows/${enc(channel)}/refresh`, { method: 'POST' }),
  unfollow: async (channel: string): Promise<void> => {
    await send(`/api/follows/${enc(channel)}`, { method: 'DELETE' });
  },
  channels: () => json<ChannelList>('/api/channels'),
  /** Deletes a channel (undoes its import); with `dryRun` only says what would go. */
  deleteChannel: (key: string, dryRun: boolean) =>
    json<ChannelDeletion>(`/api/channels/${enc(key)}${dryRun ? '?dryRun=1' : ''}`, { method: 'DELETE' }),
  importStatus: (id: string) => json<ImportStatus>(`/api/imports/${enc(id)}`),
  importFile: uploadImport,
};

function unwrapQueries(body: SavedQuery[] | { queries: SavedQuery[] }): SavedQuery[] {
  return Array.isArray(body) ? body : body.queries;
}

function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

/**
 * Multipart upload with progress (fetch cannot report upload progress, XMLHttpRequest can).
 * Resolves with the import's first status; the caller polls importStatus(id) until done.
 */
function uploadImport(file: File, onProgress: (fraction: number) => void): Promise<ImportStatus> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.setRequestHeader('Accept', 'application/json');
    const token = getToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      trackPending(-1);
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        resolve(body as ImportStatus);
        return;
      }
      const apiError = (body as Partial<ApiError> | null)?.error;
      const code = xhr.status === 401 ? 'unauthorized' : (apiError?.code ?? codeForStatus(xhr.status));
      reject(new ApiRequestError(code, humanMessage(code, apiError?.message ?? '', xhr.status), xhr.status));
    });
    xhr.addEventListener('error', () => {
      trackPending(-1);
      reject(new ApiRequestError('network', humanMessage('network', '', 0), 0));
    });
    const form = new FormData();
    form.append('file', file, file.name);
    trackPending(1);
    xhr.send(form);
  });
}

export function messageOf(err: unknown): string {
  if (err instanceof ApiRequestError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

export function isAbort(err: unknown): boolean {
  return err instanceof ApiRequestError && err.code === 'aborted';
}
