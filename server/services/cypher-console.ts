import type { QueryResult } from '../api/contract';
import { BadRequestError } from '../errors';
import { explainRead, type PlanOperator } from '../repositories/read';
import type { ServiceContext } from './context';
import { ALLOWED_PROCEDURES, parseRefusal } from './cypher-screen';
import { readQueryResult } from './result-graph';

export interface CypherInput {
  query: string;
  params: Record<string, unknown>;
  /** Rows at most (bounded by limits.maxRows). */
  limit: number;
}

/**
 * Why a plan is refused, or null: not a read query, LOAD CSV, an admin command, or a procedure
 * outside the allow-list. The second screen, on the server's own parse of the text.
 */
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
    // SHOW ... and TERMINATE TRANSACTIONS plan as queryType "r" (they change no data), yet they
    // show other clients' queries and settings or kill their work.
    if (/^(Show|Terminate)/.test(type)) {
      return 'administration commands (SHOW ..., TERMINATE ...) are not allowed';
    }
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
 * Runs a user-written read query: refused with 400 and a reason when its parse or its plan shows a
 * write, schema change, admin command or disallowed procedure; otherwise run in a READ session
 * (the server itself rejects writes there too) with a timeout (504) and bounds in rows and bytes.
 */
export async function runUserCypher(ctx: ServiceContext, input: CypherInput): Promise<QueryResult> {
  const origin = 'api/cypher';
  const byText = parseRefusal(input.query);
  if (byText) throw new BadRequestError(byText, 'query', origin);
  const options = { origin, timeoutMs: ctx.limits.userQueryTimeoutMs, userQuery: true };
  const { queryType, plan } = await explainRead(ctx.driver, input.query, input.params, options);
  const byPlan = planRefusal(queryType, plan);
  if (byPlan) throw new BadRequestError(byPlan, 'query', origin);
  return readQueryResult(ctx, input.query, input.params, {
    ...options,
    maxRecords: Math.min(input.limit, ctx.limits.maxRows),
  });
}
