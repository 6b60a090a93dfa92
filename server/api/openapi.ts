import { ENTITY_TYPES, RELATION_TYPES } from '../../vocabulary/types';

/**
 * OpenAPI 3.1 description of /api, written by hand next to contract.ts (the TypeScript shapes);
 * tests/integration/api-openapi.test.ts checks that every route is described and that responses
 * carry the documented fields.
 */
type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: Schema = { type: 'string' };
const nullableStr: Schema = { type: ['string', 'null'] };
const int: Schema = { type: 'integer' };
const num: Schema = { type: 'number' };
const bool: Schema = { type: 'boolean' };
const arr = (items: Schema): Schema => ({ type: 'array', items });
const obj = (properties: Record<string, Schema>, required: string[] = Object.keys(properties)): Schema => ({
  type: 'object',
  properties,
  required,
});

function queryParam(name: string, schema: Schema, description: string, required = false) {
  return { name, in: 'query', required, description, schema };
}
/** Entity keys and post ids: non-empty, at most 500 characters (server/api/validation.ts keyParam). */
const keyString: Schema = { type: 'string', minLength: 1, maxLength: 500 };

function pathParam(name: string, description: string, schema: Schema = keyString) {
  return { name, in: 'path', required: true, description, schema };
}
const json = (schema: Schema, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/E${s}` }]));

const typesParam = queryParam('types', str, `Comma-separated entity types: ${ENTITY_TYPES.join(', ')}`);
const relsParam = queryParam('rels', str, `Comma-separated relationship types: ${RELATION_TYPES.join(', ')}`);

const schemas: Record<string, Schema> = {
  Error: obj({
    error: obj({
      code: {
        type: 'string',
        enum: [
          'bad_request',
          'not_found',
          'unavailable',
          'timeout',
          'forbidden',
          'rate_limited',
          'too_large',
          'internal',
        ],
      },
      message: str,
    }),
  }),
  Health: obj({
    status: { type: 'string', enum: ['ok', 'unavailable', 'restarting'] },
    database: obj(
      {
        reachable: bool,
        version: str,
        edition: str,
        nodes: int,
        relationships: int,
        message: str,
        restart: obj({ attempt: int, since: str, reason: str }),
      },
      ['reachable'],
    ),
  }),
  SearchHit: obj({
    key: str,
    name: str,
    type: { type: 'string', enum: [...ENTITY_TYPES] },
    aliases: arr(str),
    mentionCount: int,
    score: num,
  }),
  SearchResponse: obj({ query: str, hits: arr(ref('SearchHit')) }),
  NodeData: {
    ...obj(
      {
        id: str,
        label: str,
        type: str,
        mentionCount: int,
        degree: int,
        firstSeen: nullableStr,
        lastSeen: nullableStr,
      },
      ['id', 'label', 'type'],
    ),
    additionalProperties: true,
  },
  EdgeData: {
    ...obj(
      {
        id: str,
        source: str,
        target: str,
        type: str,
        count: int,
        posts: arr(str),
        evidence: arr(str),
        firstDate: nullableStr,
      },
      ['id', 'source', 'target', 'type', 'count', 'posts', 'evidence'],
    ),
    additionalProperties: true,
  },
  CyElement: obj({
    group: { type: 'string', enum: ['nodes', 'edges'] },
    data: { oneOf: [ref('NodeData'), ref('EdgeData')] },
  }),
  GraphResponse: obj({ elements: arr(ref('CyElement')), truncated: bool }),
  PostRef: obj({ id: str, title: str, date: nullableStr, sourceUrl: nullableStr, sentences: arr(str) }, [
    'id',
    'title',
    'date',
    'sourceUrl',
  ]),
  EntityDetails: obj({
    key: str,
    name: str,
    type: { type: 'string', enum: [...ENTITY_TYPES] },
    aliases: arr(str),
    properties: { type: 'object', additionalProperties: true },
    mentionCount: int,
    firstSeen: nullableStr,
    lastSeen: nullableStr,
    degree: { type: 'object', additionalProperties: int },
    posts: obj({ items: arr(ref('PostRef')), page: int, pageSize: int, total: int }),
    channels: arr(ref('EntityChannel')),
  }),
  EntityChannel: obj({ key: str, title: str, posts: int, firstSeen: nullableStr }),
  Evidence: obj({ post: str, title: str, date: nullableStr, sourceUrl: nullableStr, sentence: str }),
  RelationEvidenceResponse: obj({
    from: str,
    to: str,
    type: { type: 'string', enum: [...RELATION_TYPES] },
    total: int,
    page: int,
    pageSize: int,
    items: arr(ref('Evidence')),
  }),
  PathHop: obj({ from: str, to: str, type: str, forward: bool, evidence: arr(ref('Evidence')) }),
  PathsResponse: obj({
    from: str,
    to: str,
    via: { type: 'string', enum: ['relations', 'posts'] },
    paths: arr(obj({ length: int, nodes: arr(ref('NodeData')), hops: arr(ref('PathHop')) })),
    searchedHops: int,
    elements: arr(ref('CyElement')),
  }),
  PostDetails: obj({
    id: str,
    channel: str,
    channelTitle: nullableStr,
    title: str,
    text: str,
    date: nullableStr,
    language: str,
    forwardedFrom: nullableStr,
    sourceUrl: nullableStr,
    permalink: nullableStr,
    links: arr(str),
    mentions: arr(obj({ key: str, name: str, type: str, start: int, end: int })),
  }),
  TimelineResponse: obj({ key: nullableStr, months: arr(obj({ month: str, count: int })) }),
  OverviewEntity: obj({ key: str, name: str, type: { type: 'string', enum: [...ENTITY_TYPES] } }),
  OverviewResponse: obj({
    channels: obj({ count: int, items: arr(obj({ key: str, title: str })) }),
    posts: int,
    entities: obj({
      count: int,
      byType: obj(Object.fromEntries(ENTITY_TYPES.map((type) => [type, int]))),
    }),
    dates: obj({ first: nullableStr, last: nullableStr }),
    months: arr(obj({ month: str, count: int })),
    releasers: obj({
      since: nullableStr,
      months: { type: ['integer', 'null'] },
      items: arr({
        allOf: [
          ref('OverviewEntity'),
          obj({ releases: int, released: arr({ allOf: [ref('OverviewEntity'), obj({ date: str })] }) }),
        ],
      }),
    }),
    topEntities: arr({ allOf: [ref('OverviewEntity'), obj({ mentionCount: int, postCount: int })] }),
    latestPosts: arr(
      obj({
        id: str,
        title: str,
        date: str,
        channel: str,
        channelTitle: str,
        sourceUrl: nullableStr,
        entities: arr(ref('OverviewEntity')),
      }),
    ),
  }),
  SavedQueryParam: obj(
    {
      name: str,
      type: { type: 'string', enum: ['string', 'integer', 'float', 'boolean', 'date'] },
      default: { type: ['string', 'number', 'boolean', 'null'] },
      description: str,
      label: str,
      input: { type: 'string', enum: ['entity', 'entity-type'] },
    },
    ['name', 'type', 'default', 'description', 'label'],
  ),
  SavedQuery: obj({ name: str, title: str, description: str, params: arr(ref('SavedQueryParam')) }),
  QueryResult: obj(
    {
      columns: arr(str),
      rows: arr(
        arr({
          description:
            'Plain JSON; nodes as {elementId, labels, properties}, relationships as {elementId, type, start, end, properties}, paths as {nodes, relationships}',
        }),
      ),
      elements: arr(ref('CyElement')),
      truncated: {
        description:
          "What cut the answer: false when whole; 'rows' the row limit, 'bytes' the answer's size bound (MAX_ANSWER_MB), 'elements' the graph element limit",
        enum: [false, 'rows', 'bytes', 'elements'],
      },
      ends: {
        type: 'object',
        description:
          'The two ends of every relationship in the rows, by element id ({id, label}), so that a table can name them',
        additionalProperties: obj({ id: str, label: str }),
      },
    },
    ['columns', 'rows', 'elements', 'truncated'],
  ),
  ImportStatus: obj(
    {
      id: str,
      state: { type: 'string', enum: ['queued', 'parsing', 'extracting', 'writing', 'done', 'failed'] },
      progress: num,
      file: str,
      summary: obj({
        posts: int,
        entities: int,
        relations: { type: 'object', additionalProperties: int },
        seconds: num,
        newEntities: { ...arr(str), description: 'Keys of the entities the graph did not have, at most 500' },
        newEntityCount: { ...int, description: 'How many entities the graph did not have (all of them)' },
        newEntityNames: {
          type: 'object',
          additionalProperties: str,
          description: 'The name of each listed new entity, by key',
        },
      }),
      error: {
        ...str,
        description: 'The failure as the loader reports it (module, file, where, what, CLI advice)',
      },
      reason: { ...str, description: 'The failure in plain words for people: what is wrong and where' },
    },
    ['id', 'state', 'progress', 'file'],
  ),
  FollowStatus: obj({
    channel: str,
    followedAt: str,
    newestId: { type: ['integer', 'null'] },
    lastFetchAt: nullableStr,
    lastPosts: { type: ['integer', 'null'] },
    lastError: nullableStr,
    lastErrorAt: nullableStr,
    state: { type: 'string', enum: ['idle', 'queued', 'fetching', 'writing'] },
    progress: { oneOf: [obj({ pages: int, posts: int }), { type: 'null' }] },
  }),
  FollowList: obj({ follows: arr(ref('FollowStatus')), intervalMin: int }),
  ChannelSummary: obj({
    key: str,
    title: str,
    username: nullableStr,
    posts: int,
    firstPost: nullableStr,
    lastPost: nullableStr,
    importedAt: nullableStr,
  }),
  ChannelList: obj({ channels: arr(ref('ChannelSummary')) }),
  ChannelDeletion: obj({
    key: str,
    title: str,
    posts: int,
    mentions: int,
    relations: int,
    entities: { ...int, description: 'Entities only this channel mentions (deleted with it)' },
    keptEntities: { ...int, description: 'Entities other channels mention too (they stay)' },
    deletedEntities: {
      ...arr(str),
      description: 'Keys of the deleted entities (at most 10000; empty in a dry run)',
    },
    dryRun: bool,
    seconds: num,
  }),
};

const channelParam = pathParam('channel', 'Channel username (as listed by GET /api/follows)', {
  type: 'string',
  minLength: 1,
  maxLength: 200,
});

const errorResponses = Object.fromEntries(
  [
    [400, 'Bad request: the message names the parameter'],
    [401, 'EXPLORER_TOKEN is set and the request lacks "Authorization: Bearer <token>"'],
    [404, 'Unknown entity, post, saved query, import or channel'],
    [413, 'Upload or body too large'],
    [429, 'Too many queries and exports from this client'],
    [503, 'The database is unreachable'],
    [504, 'The query ran past its time limit'],
  ].map(([status, description]) => [`E${status}`, json(ref('Error'), String(description))]),
);

const exportParams = [
  queryParam(
    'format',
    { type: 'string', enum: ['graphml', 'gexf', 'cyjs', 'csv', 'json'] },
    'File format',
    true,
  ),
  queryParam(
    'keys',
    str,
    'Entity keys, comma-separated: export these entities and the relationships among them',
  ),
  queryParam('key', keyString, 'Export the neighbourhood of this entity (with depth, limit, types, rels)'),
  queryParam('query', str, 'Export the graph a saved query returns (with params as a JSON object)'),
  queryParam('params', str, 'Saved query parameters as a JSON object'),
  queryParam('depth', { ...int, minimum: 1, maximum: 2, default: 1 }, 'Neighbourhood depth'),
  queryParam('limit', { ...int, minimum: 1, maximum: 500, default: 100 }, 'Neighbours at most'),
  typesParam,
  relsParam,
];
const exportResponse = {
  description: 'The file (Content-Disposition: attachment)',
  content: {
    'application/graphml+xml': { schema: str },
    'application/gexf+xml': { schema: str },
    'application/json': { schema: { type: 'object' } },
    'application/zip': { schema: { type: 'string', format: 'binary' } },
  },
};

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'ML channel graph explorer API',
      version: '0.1.0',
      description:
        'Entities, relationships and posts of ML/AI Telegram channels in Neo4j. Every error is { error: { code, message } }. ' +
        'When EXPLORER_TOKEN is set, every non-GET request needs "Authorization: Bearer <token>".',
    },
    servers: [{ url: '/' }],
    components: {
      schemas,
      responses: errorResponses,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    paths: {
      '/api/health': {
        get: {
          summary: 'Database reachability, version, edition and size',
          responses: {
            200: json(ref('Health'), 'Database reachable'),
            503: json(
              ref('Health'),
              'Database unreachable, or restarting after it died (status "restarting")',
            ),
          },
        },
      },
      '/api/search': {
        get: {
          summary: 'Full-text search of entity names and aliases (prefix and fuzzy; Cyrillic and Latin)',
          parameters: [
            queryParam('q', { ...str, maxLength: 200 }, 'Search text', true),
            typesParam,
            queryParam('limit', { ...int, minimum: 1, maximum: 100, default: 20 }, 'Hits at most'),
          ],
          responses: { 200: json(ref('SearchResponse'), 'Ranked hits'), ...errors(400, 503, 504) },
        },
      },
      '/api/entities/{key}': {
        get: {
          summary: 'An entity with its relationship counts and a page of the posts that mention it',
          description: 'Keys may contain "/": encode it as %2F or write it as is.',
          parameters: [
            pathParam('key', 'Entity key (normalised name)'),
            queryParam('page', { ...int, minimum: 1, default: 1 }, 'Posts page (1-based)'),
            queryParam('pageSize', { ...int, minimum: 1, maximum: 100, default: 20 }, 'Posts per page'),
          ],
          responses: { 200: json(ref('EntityDetails'), 'The entity'), ...errors(400, 404, 503, 504) },
        },
      },
      '/api/entities/{key}/neighbours': {
        get: {
          summary: 'Neighbourhood of an entity as Cytoscape elements (parallel relationships collapsed)',
          parameters: [
            pathParam('key', 'Entity key'),
            typesParam,
            relsParam,
            queryParam('depth', { ...int, minimum: 1, maximum: 2, default: 1 }, 'Hops'),
            queryParam('limit', { ...int, minimum: 1, maximum: 500, default: 100 }, 'Neighbours at most'),
          ],
          responses: {
            200: json(ref('GraphResponse'), 'Elements; truncated when the limit cut'),
            ...errors(400, 404, 503, 504),
          },
        },
      },
      '/api/relations': {
        get: {
          summary: 'One page of the evidence of a relationship: every post stating from -type-> to',
          description:
            'The posts behind one collapsed edge of a neighbourhood (which lists one sentence per edge), ' +
            'newest first, undated last. No such relationship: total 0 and no items.',
          parameters: [
            queryParam('from', keyString, 'Entity key of the source', true),
            queryParam('type', { type: 'string', enum: [...RELATION_TYPES] }, 'Relationship type', true),
            queryParam('to', keyString, 'Entity key of the target', true),
            queryParam('page', { ...int, minimum: 1, maximum: 100_000, default: 1 }, 'Page (1-based)'),
            queryParam('pageSize', { ...int, minimum: 1, maximum: 100, default: 20 }, 'Statements per page'),
          ],
          responses: {
            200: json(ref('RelationEvidenceResponse'), 'A page of statements and how many there are'),
            ...errors(400, 404, 503, 504),
          },
        },
      },
      '/api/paths': {
        get: {
          summary: 'The k shortest paths between two entities, each hop with its evidence',
          description:
            'The k first paths of at most max hops: shortest first, equally long ones ordered by their hops (entity key, relationship type, direction), so the same graph and request give the same answer on any machine. The search reads at most a fixed number of links around the two ends; where the graph is too large for that it searches fewer hops and says so in searchedHops. A request that runs out of time answers 504, never with fewer paths.',
          parameters: [
            queryParam('from', keyString, 'Entity key', true),
            queryParam('to', keyString, 'Entity key', true),
            queryParam('max', { ...int, minimum: 1, maximum: 6, default: 4 }, 'Longest path in hops'),
            queryParam('k', { ...int, minimum: 1, maximum: 10, default: 5 }, 'Paths at most'),
            queryParam(
              'via',
              { type: 'string', enum: ['relations', 'posts', 'auto'], default: 'auto' },
              'Hops over extracted relationships, over co-mentions in posts (CO_MENTIONED), or auto: co-mentions only when no relationship path exists',
            ),
          ],
          responses: {
            200: json(ref('PathsResponse'), 'Paths, shortest first'),
            ...errors(400, 404, 503, 504),
          },
        },
      },
      '/api/posts/{id}': {
        get: {
          summary: 'A post with its text and entity mentions (character offsets)',
          description: 'Post ids contain "/" (channel/message): encode it as %2F or write it as is.',
          parameters: [pathParam('id', 'Post id')],
          responses: { 200: json(ref('PostDetails'), 'The post'), ...errors(400, 404, 503, 504) },
        },
      },
      '/api/timeline': {
        get: {
          summary: 'Posts per month, of all posts or of those mentioning an entity',
          parameters: [queryParam('key', keyString, 'Entity key')],
          responses: { 200: json(ref('TimelineResponse'), 'Months in order'), ...errors(400, 404, 503, 504) },
        },
      },
      '/api/overview': {
        get: {
          summary:
            'What the graph holds, for the first screen: counts, dates, posts per month, latest releases, most mentioned entities, newest posts',
          description:
            'Every list is bounded (top 8-12). Read from the count store and indexes only, so it costs about the same on any graph size; cached like the other reads until the graph changes.',
          responses: { 200: json(ref('OverviewResponse'), 'The overview'), ...errors(503, 504) },
        },
      },
      '/api/queries': {
        get: {
          summary: 'Saved queries (cypher/queries/*.cypher) with their parameters',
          responses: { 200: json(arr(ref('SavedQuery')), 'Saved queries') },
        },
      },
      '/api/queries/{name}/run': {
        post: {
          summary: 'Runs a saved query (read-only) with parameters',
          security: [{ bearer: [] }, {}],
          parameters: [
            pathParam('name', 'Saved query name', { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,80}$' }),
          ],
          requestBody: {
            content: {
              'application/json': {
                schema: obj({ params: { type: 'object', additionalProperties: true } }, []),
              },
            },
          },
          responses: {
            200: json(ref('QueryResult'), 'Columns, rows and graph elements'),
            ...errors(400, 401, 404, 413, 429, 503, 504),
          },
        },
      },
      '/api/cypher': {
        post: {
          summary: 'Runs a read-only Cypher query (writes, schema and admin commands are refused with 400)',
          security: [{ bearer: [] }, {}],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: obj(
                  {
                    query: { ...str, minLength: 1, maxLength: 20000, pattern: '\\S' },
                    params: { type: 'object', additionalProperties: true },
                    limit: { ...int, minimum: 1, maximum: 1000 },
                  },
                  ['query'],
                ),
              },
            },
          },
          responses: {
            200: json(ref('QueryResult'), 'Columns, rows and graph elements'),
            ...errors(400, 401, 413, 429, 503, 504),
          },
        },
      },
      '/api/export': {
        get: {
          summary: 'Exports a subgraph: entity keys, a neighbourhood or a saved query',
          parameters: exportParams,
          responses: { 200: exportResponse, ...errors(400, 404, 413, 429, 503, 504) },
        },
        post: {
          summary: 'Same as GET, with the source in a JSON body (keys may then be a JSON array)',
          security: [{ bearer: [] }, {}],
          parameters: [exportParams[0]],
          requestBody: {
            content: {
              'application/json': {
                schema: obj(
                  {
                    keys: arr(str),
                    key: str,
                    query: str,
                    params: { type: 'object', additionalProperties: true },
                    depth: int,
                    limit: int,
                    types: str,
                    rels: str,
                  },
                  [],
                ),
              },
            },
          },
          responses: { 200: exportResponse, ...errors(400, 401, 404, 413, 429, 503, 504) },
        },
      },
      '/api/imports': {
        post: {
          summary: 'Uploads a channel export and ingests it in the background',
          security: [{ bearer: [] }, {}],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: obj(
                  {
                    file: { type: 'string', format: 'binary' },
                    format: {
                      type: 'string',
                      enum: ['tme-text', 'telegram-json', 'telegram-html', 'tme-html'],
                    },
                  },
                  ['file'],
                ),
              },
            },
          },
          responses: { 202: json(ref('ImportStatus'), 'Queued'), ...errors(400, 401, 413) },
        },
      },
      '/api/imports/{id}': {
        get: {
          summary: 'Progress of an import',
          parameters: [pathParam('id', 'Import id', { type: 'string', format: 'uuid' })],
          responses: { 200: json(ref('ImportStatus'), 'Status'), ...errors(400, 404) },
        },
      },
      '/api/follows': {
        get: {
          summary: 'Followed channels: last fetch, last error, and the progress of a fetch under way',
          responses: { 200: json(ref('FollowList'), 'Followed channels') },
        },
        post: {
          summary: 'Follows a public channel and fetches its t.me/s pages in the background',
          security: [{ bearer: [] }, {}],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: obj({
                  channel: {
                    type: 'string',
                    description: '@name, name or https://t.me/name (ingest/follow/channel-name.ts)',
                    pattern:
                      '^\\s*(@?[A-Za-z][A-Za-z0-9_]{3,31}|(https?://)?(t|telegram)\\.me/(s/)?[A-Za-z][A-Za-z0-9_]{3,31}/?)\\s*$',
                  },
                }),
              },
            },
          },
          responses: {
            202: json(ref('FollowStatus'), 'Followed; first fetch queued'),
            ...errors(400, 401, 413),
          },
        },
      },
      '/api/follows/{channel}': {
        delete: {
          summary: 'Stops following a channel (its posts stay in the graph)',
          security: [{ bearer: [] }, {}],
          parameters: [channelParam],
          responses: { 204: { description: 'No longer followed' }, ...errors(401, 404) },
        },
      },
      '/api/follows/{channel}/refresh': {
        post: {
          summary: 'Fetches what is new in a followed channel now (in the background)',
          security: [{ bearer: [] }, {}],
          parameters: [channelParam],
          responses: { 202: json(ref('FollowStatus'), 'Fetch queued'), ...errors(401, 404) },
        },
      },
      '/api/channels': {
        get: {
          summary: 'Imported channels: title, post count, date span of their posts, last import',
          responses: { 200: json(ref('ChannelList'), 'Channels by title'), ...errors(503, 504) },
        },
      },
      '/api/channels/{key}': {
        delete: {
          summary: 'Undoes an import: deletes a channel, its posts and what only they state',
          description:
            'Deletes the posts with their MENTIONS and the relations they state, the entities no other channel ' +
            'mentions, and the follow of the channel. Entities other channels mention stay, with their other ' +
            'posts, aliases and counts recomputed. With dryRun=1 nothing is written and the answer says what would go.',
          security: [{ bearer: [] }, {}],
          parameters: [
            pathParam('key', 'Channel key (as listed by GET /api/channels)'),
            queryParam(
              'dryRun',
              { type: 'string', enum: ['0', '1', 'true', 'false'] },
              'Only count what would go',
            ),
          ],
          responses: {
            200: json(ref('ChannelDeletion'), 'What was deleted (or would be, in a dry run)'),
            ...errors(400, 401, 404, 503, 504),
          },
        },
      },
      '/api/openapi.json': {
        get: {
          summary: 'This document',
          responses: { 200: json({ type: 'object' }, 'OpenAPI 3.1 document') },
        },
      },
    },
  };
}
