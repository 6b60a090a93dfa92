import { planRefusal } from '../../../server/services/cypher-console';
import { parseRefusal } from '../../../server/services/cypher-screen';
import type { PlanOperator } from '../../../server/repositories/read';

describe('parseRefusal', () => {
  it.each([
    'MATCH (n:Entity) RETURN n LIMIT 5',
    'MATCH (n) WHERE n.name = "CREATE something" RETURN n',
    "MATCH (n) WHERE n.text CONTAINS 'DETACH DELETE' RETURN n",
    'MATCH (n) // we never DELETE here\nRETURN n',
    'MATCH (n) RETURN n.set AS settings, n.created AS created ORDER BY n.key SKIP 2',
    'MATCH (m)-[:USES]->(l) RETURN m, l',
    'MATCH (n) RETURN `CREATE` AS x',
    'CALL db.labels() YIELD label RETURN label',
    'CALL `db`.`labels`() YIELD label RETURN label',
    'MATCH (n) RETURN COUNT { (n)--() } AS degree',
    'CALL { MATCH (n) RETURN n } RETURN n',
    'MATCH (n) WITH n UNWIND [1, 2] AS x RETURN n, x UNION ALL MATCH (n) RETURN n, 0 AS x',
    'CYPHER 5 MATCH (n) RETURN n;',
    'MATCH (show:Entity) RETURN show.name AS terminate',
  ])('lets the read query %j through', (query) => {
    expect(parseRefusal(query)).toBeNull();
  });

  it.each([
    ['CREATE (n)', 'writes (CREATE)'],
    ['match (n) detach delete n', 'writes (DELETE)'],
    ['MATCH (n) SET n.x = 1', 'writes (SET)'],
    ['MERGE (n:X)', 'writes (MERGE)'],
    ['MATCH (n) FOREACH (x IN [1] | REMOVE n.x)', 'writes (FOREACH)'],
    ['MATCH (n) RETURN COUNT { CREATE (m) RETURN m } AS c', 'writes (CREATE)'],
    ['DROP INDEX entity_name', 'commands are not allowed'],
    ['CREATE INDEX foo FOR (n:X) ON (n.y)', 'commands are not allowed'],
    ['LOAD CSV FROM "file:///x" AS l RETURN l', 'LOAD CSV'],
    ['CALL dbms.security.listUsers()', 'procedure "dbms.security.listUsers" is not allowed'],
    ['CALL  dbms . listConfig()', 'procedure "dbms.listConfig" is not allowed'],
    ['CALL db.createIndex("x")', 'procedure "db.createIndex" is not allowed'],
    ['CALL db.info()', 'procedure "db.info" is not allowed'],
    ['SHOW DATABASES', 'not allowed'],
    ['SHOW SETTINGS', 'SHOW'],
    ['SHOW TRANSACTIONS YIELD * RETURN *', 'SHOW'],
    ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 'TERMINATE'],
    // Neo4j ends a // comment at \r as well as \n: the old hand-written screen did not.
    ['// x\rSHOW TRANSACTIONS YIELD * RETURN *', 'SHOW'],
    ['// x\rSHOW SETTINGS', 'SHOW'],
    ["// x\rTERMINATE TRANSACTIONS 'neo4j-transaction-1'", 'TERMINATE'],
    ['/* x */SHOW TRANSACTIONS', 'SHOW'],
    ['GRANT ROLE admin TO eve', 'commands are not allowed'],
    ['USE system MATCH (n) RETURN n', 'USE'],
    ['CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1', 'IN TRANSACTIONS'],
    ['RETURN 1; SHOW SETTINGS', 'one statement at a time'],
    [':param x => 1', 'console commands'],
    ['   ', 'empty'],
    ['RETURN 1 // ' + 'x'.repeat(20_000), 'longer than'],
  ])('refuses %j and says why', (query, reason) => {
    expect(parseRefusal(query)).toContain(reason);
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

  it('refuses SHOW and TERMINATE operators, which the server plans as read queries', () => {
    expect(planRefusal('r', op('ProduceResults@neo4j', '', [op('ShowTransactions@neo4j')]))).toContain(
      'administration',
    );
    expect(planRefusal('r', op('ProduceResults@neo4j', '', [op('TerminateTransactions@neo4j')]))).toContain(
      'administration',
    );
  });
});
