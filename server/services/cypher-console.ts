import type { QueryResult } from '../api/contract';
import { BadRequestError } from '../errors';
import { explainRead, readRaw, type PlanOperator } from '../repositories/read';
import type { ServiceContext } from './context';
import { toQueryResult } from './result-graph';

export interface CypherInput {
  query: string;
  params: Record<string, unknown>;
  /** Rows at most (bounded by limits.maxRows). */
  limit: number;
}

/**
 * Read-only procedures a user query may call; everything else (dbms.*, db.create*, apoc.*,
 * tx.*...) is refused. Checked on the plan, so spelling tricks in the text do not get around it.
 */
export const ALLOWED_PROCEDURES = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
];

/** Clauses and commands refused before the query reaches the database, each with the reason given. */
const REFUSED: { pattern: RegExp; reason: string }[] = [
  { pattern: /\bLOAD\s+CSV\b/i, reason: 'LOAD CSV reads files and URLs on the server' },
  { pattern: /\bCALL\s+dbms\s*\./i, reason: 'dbms.* procedures administer the server' },
  { pattern: /\bapoc\s*\./i, reason: 'APOC procedures and functions are not available here' },
  { pattern: /\bdb\s*\.\s*create/i, reason: 'db.create* procedures change the schema' },
  { pattern: /\bIN\s+TRANSACTIONS\b/i, reason: 'CALL { } IN TRANSACTIONS runs writes in batches' },
  {
    pattern: /(?<![.$\w])(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|ALTER|RENAME)\b/i,
    reason: 'the query writes or changes the schema; only read queries are allowed',
  },
  {
    pattern: /(?<![.$\w])(GRANT|DENY|REVOKE|SHOW|START\s+DATABASE|STOP\s+DATABASE|TERMINATE|USE)\b/i,
    reason: 'administration commands and USE are not allowed',
  },
];

/** The query text with comments, string literals and `quoted` names blanked, so keywords inside them do not count. */
export function codeOnly(cypher: string): string {
  return cypher.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`/g, ' ');
}

/** Why a query is refused by its text, or null. A first, readable screen; the plan check and READ mode follow. */
export function refusalReason(cypher: string): string | null {
  const code = codeOnly(cypher);
  for (const { pattern, reason } of REFUSED) if (pattern.test(code)) return reason;
  return null;
}

/** Why a plan is refused, or null: not a read query, LOAD CSV, or a procedure outside the allow-list. */
export function planRefusal(queryType: string, plan: PlanOperator | null): string | null {
  if (queryType !== 'r') {
    const kinds: Record<string, string> = {
      rw: 'reads and writes',
      w: 'writes',
      s: 'changes the schema or administers',
    };
    return `the query ${kinds[queryType] ?? `is of type "${queryType}"`}; only read queries are allowed`;
  }
  const stack = plan ? [plan] : [];
  while (stack.length > 0) {
    const op = stack.pop() as PlanOperator;
    const type = op.operatorType.split('@')[0];
    if (type === 'LoadCSV') return 'LOAD CSV reads files and URLs on the server';
    if (type.includes('ProcedureCall')) {
      const details = String(op.arguments?.Details ?? '');
      const name = details.split('(')[0].trim();
      if (!ALLOWED_PROCEDURES.includes(name)) return `procedure "${name || details}" is not allowed`;
    }
    stack.push(...(op.children ?? []));
  }
  return null;
}

/**
 * Runs a user-written read query: refused with 400 and a reason when its text or its plan shows a
 * write, schema change, admin command or disallowed procedure; otherwise run in a READ session
 * (the server itself rejects writes there too) with a timeout (504) and a row limit.
 */
export async function runUserCypher(ctx: ServiceContext, input: CypherInput): Promise<QueryResult> {
  const origin = 'api/cypher';
  const byText = refusalReason(input.query);
  if (byText) throw new BadRequestError(byText, 'query', origin);
  const options = { origin, timeoutMs: ctx.limits.userQueryTimeoutMs, userQuery: true };
  const { queryType, plan } = await explainRead(ctx.driver, input.query, input.params, options);
  const byPlan = planRefusal(queryType, plan);
  if (byPlan) throw new BadRequestError(byPlan, 'query', origin);
  const raw = await readRaw(ctx.driver, input.query, input.params, {
    ...options,
    maxRecords: Math.min(input.limit, ctx.limits.maxRows),
  });
  return toQueryResult(ctx, raw, origin);
}
