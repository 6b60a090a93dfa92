import { createRequire } from 'node:module';

/** The parse tree getDebugTree returns: rule names for rules, token texts for leaves. */
interface SimpleTree {
  name: string;
  children?: SimpleTree[];
}

/**
 * The package is an ES module whose types TypeScript refuses to `import` from this CommonJS
 * project, but it ships a CommonJS bundle too; loaded by hand, typed with the one function used.
 * getDebugTree is its public view of the parse tree (the generated parser is not exported).
 */
const { getDebugTree } = createRequire(__filename)('@neo4j-cypher/language-support') as {
  getDebugTree(query: string): SimpleTree;
};

/**
 * Read-only procedures a console query may call; everything else (dbms.*, db.create*, tx.*, ...)
 * is refused, by the parse tree here and again by the plan (cypher-console.ts).
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

/** Longest console query parsed; the parser's time grows with the text and it runs on the event loop. */
export const MAX_QUERY_CHARS = 20_000;

/**
 * Clauses of the official grammar (Neo4j's Cypher language-support parser) that a read query may
 * contain. Anything else a `clause` can be — CREATE, MERGE, SET, REMOVE, DELETE, FOREACH, LOAD CSV,
 * USE, INSERT and the composable commands (SHOW ..., TERMINATE TRANSACTIONS) — is refused. An
 * allow-list, so a clause the grammar gains later is refused until someone decides otherwise.
 */
const READ_CLAUSES = new Set([
  'matchClause',
  'withClause',
  'unwindClause',
  'returnClause',
  'orderBySkipLimitClause',
  'finishClause',
  'filterClause',
  'letClause',
  'forListClause',
  'callClause',
  'subqueryClause',
]);

const CLAUSE_REASONS: Record<string, string> = {
  createClause: 'the query writes (CREATE); only read queries are allowed',
  insertClause: 'the query writes (INSERT); only read queries are allowed',
  mergeClause: 'the query writes (MERGE); only read queries are allowed',
  setClause: 'the query writes (SET); only read queries are allowed',
  removeClause: 'the query writes (REMOVE); only read queries are allowed',
  deleteClause: 'the query writes (DELETE); only read queries are allowed',
  foreachClause: 'the query writes (FOREACH); only read queries are allowed',
  loadCSVClause: 'LOAD CSV reads files and URLs on the server',
  useClause: 'USE switches databases; only the graph database can be read here',
  composableCommandClauses: 'administration commands (SHOW ..., TERMINATE ...) are not allowed',
};

const isRule = (node: SimpleTree): boolean => (node.children?.length ?? 0) > 0;

/** The source text of a rule node: its tokens, without whitespace (hidden tokens are not in the tree). */
function tokens(node: SimpleTree): string[] {
  if (!isRule(node)) return [node.name];
  return (node.children ?? []).flatMap(tokens);
}

/** `db`.`labels` and db.labels name the same procedure. */
function procedureName(node: SimpleTree): string {
  return tokens(node)
    .map((token) =>
      token.startsWith('`') && token.endsWith('`') ? token.slice(1, -1).replace(/``/g, '`') : token,
    )
    .join('');
}

/**
 * Why a console query is refused by its parse, or null. The query is parsed with the grammar of
 * Neo4j's own Cypher tooling (comments, strings, quoted names and line ends — `\r` included — are
 * tokenised as Neo4j does, not guessed with regular expressions); it must be one statement, a query
 * (not a command), whose every clause, at any depth (subqueries, COUNT/EXISTS/COLLECT { }), is a
 * read clause, whose procedure calls are on the allow-list, and without CALL { } IN TRANSACTIONS.
 * The parser recovers from syntax errors, so this is the first of two screens: the plan check
 * (queryType "r", no admin operators) follows on the server's own parse.
 */
export function parseRefusal(query: string): string | null {
  if (query.length > MAX_QUERY_CHARS) return `the query is longer than ${MAX_QUERY_CHARS} characters`;
  // An empty statement (after a trailing ";") is a rule without children.
  const statements = (getDebugTree(query).children ?? []).filter(
    (statement) => isRule(statement) && tokens(statement).some((token) => token !== '<EOF>' && token !== ';'),
  );
  if (statements.length === 0 || query.trim() === '') return 'the query is empty';
  if (statements.length > 1) return 'one statement at a time; remove the ";" and what follows';
  const stack: SimpleTree[] = [statements[0]];
  while (stack.length > 0) {
    const node = stack.pop() as SimpleTree;
    if (!isRule(node)) continue;
    const reason = nodeRefusal(node);
    if (reason) return reason;
    stack.push(...(node.children ?? []));
  }
  return null;
}

function nodeRefusal(node: SimpleTree): string | null {
  switch (node.name) {
    case 'consoleCommand':
      return 'console commands (":param", ":use", ...) are not Cypher';
    case 'command':
      return 'administration and schema commands are not allowed; only read queries are';
    case 'localDefinition':
      return 'DEFINE is not allowed; only read queries are';
    case 'subqueryInTransactionsParameters':
      return 'CALL { } IN TRANSACTIONS runs writes in batches';
    case 'clause': {
      const kind = (node.children ?? []).find(isRule)?.name ?? '';
      if (READ_CLAUSES.has(kind)) return null;
      return CLAUSE_REASONS[kind] ?? `the clause "${kind}" is not allowed; only read queries are`;
    }
    case 'procedureName': {
      const name = procedureName(node);
      return ALLOWED_PROCEDURES.includes(name) ? null : `procedure "${name}" is not allowed`;
    }
    default:
      return null;
  }
}
