import { codeOnly, planRefusal, refusalReason } from '../../../server/services/cypher-console';
import type { PlanOperator } from '../../../server/repositories/read';

describe('refusalReason', () => {
  it.each([
    'MATCH (n:Entity) RETURN n LIMIT 5',
    'MATCH (n) WHERE n.name = "CREATE something" RETURN n',
    "MATCH (n) WHERE n.text CONTAINS 'DETACH DELETE' RETURN n",
    'MATCH (n) // we never DELETE here\nRETURN n',
    'MATCH (n) RETURN n.set AS settings, n.created AS created ORDER BY n.key SKIP 2',
    'MATCH (m)-[:USES]->(l) RETURN m, l',
    'MATCH (n) RETURN `CREATE` AS x',
    'CALL db.labels() YIELD label RETURN label',
  ])('lets the read query %j through', (query) => {
    expect(refusalReason(query)).toBeNull();
  });

  it.each([
    ['CREATE (n)', 'writes'],
    ['match (n) detach delete n', 'writes'],
    ['MATCH (n) SET n.x = 1', 'writes'],
    ['MERGE (n:X)', 'writes'],
    ['MATCH (n) FOREACH (x IN [1] | REMOVE n.x)', 'writes'],
    ['DROP INDEX entity_name', 'schema'],
    ['LOAD CSV FROM "file:///x" AS l RETURN l', 'LOAD CSV'],
    ['CALL dbms.security.listUsers()', 'dbms'],
    ['CALL  dbms . listConfig()', 'dbms'],
    ['RETURN apoc.version()', 'APOC'],
    ['CALL db.createIndex("x")', 'db.create'],
    ['SHOW DATABASES', 'administration'],
    ['GRANT ROLE admin TO eve', 'administration'],
    ['USE system MATCH (n) RETURN n', 'USE'],
    ['CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1', 'IN TRANSACTIONS'],
  ])('refuses %j and says why', (query, reason) => {
    expect(refusalReason(query)).toContain(reason);
  });
});

describe('codeOnly', () => {
  it('blanks comments, strings and quoted names', () => {
    expect(codeOnly('RETURN "a" + \'b\' /* c */ + `d` // e').replace(/\s+/g, ' ').trim()).toBe('RETURN + +');
  });
});

const op = (operatorType: string, details = '', children: PlanOperator[] = []): PlanOperator => ({
  operatorType,
  arguments: { Details: details },
  children,
});

describe('planRefusal', () => {
  it('accepts a read plan with an allowed procedure', () => {
    const plan = op('ProduceResults@neo4j', 'label', [
      op('ProcedureCall@neo4j', 'db.labels() :: (label :: STRING)'),
    ]);
    expect(planRefusal('r', plan)).toBeNull();
  });

  it('refuses plans that are not read-only, by the server-reported query type', () => {
    expect(planRefusal('rw', op('ProduceResults'))).toContain('reads and writes');
    expect(planRefusal('w', op('ProduceResults'))).toContain('writes');
    expect(planRefusal('s', op('ProduceResults'))).toContain('schema');
  });

  it('refuses LOAD CSV and procedures outside the allow-list anywhere in the plan', () => {
    expect(planRefusal('r', op('ProduceResults', '', [op('Apply', '', [op('LoadCSV@neo4j')])]))).toContain(
      'LOAD CSV',
    );
    expect(
      planRefusal(
        'r',
        op('ProduceResults', '', [op('ProcedureCall@neo4j', 'db.info() :: (name :: STRING)')]),
      ),
    ).toBe('procedure "db.info" is not allowed');
  });
});
