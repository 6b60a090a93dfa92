import { ApiRequestError } from '../../../client/src/api';
import { explainCypherError } from '../../../client/src/features/cypher-editor';

const badRequest = (message: string) => new ApiRequestError('bad_request', message, 400);

describe('client Cypher error wording', () => {
  test('a refused write says the editor only reads, with the server reason and without its origin prefix', () => {
    const text = explainCypherError(
      badRequest('api/cypher: query: the query writes or changes the schema; only read queries are allowed'),
    );
    expect(text).toBe(
      'This editor only reads the graph: queries that create, change or delete data are refused. (the query writes or changes the schema; only read queries are allowed)',
    );
  });

  test('a syntax error keeps its line and column once', () => {
    const text = explainCypherError(
      badRequest(
        "api/cypher: Invalid input 'RETRN': expected 'RETURN' or 'WITH' (line 2, column 1 (offset: 20))\n\"RETRN n\"\n ^",
      ),
    );
    expect(text).toBe(
      "The query has a syntax error at line 2, column 1: Invalid input 'RETRN': expected 'RETURN' or 'WITH'",
    );
  });

  test('a syntax error whose text mentions CREATE is still a syntax error, not a refused write', () => {
    const text = explainCypherError(
      badRequest("api/cypher: Invalid input 'CREAT': expected 'CREATE' (line 1, column 1)"),
    );
    expect(text).toMatch(/^The query has a syntax error at line 1, column 1/);
  });

  test('an unknown function is reported as a name the database does not know', () => {
    const text = explainCypherError(
      badRequest("api/cypher: Unknown function 'foo.bar' (line 1, column 8 (offset: 7))"),
    );
    expect(text).toMatch(/^The query uses a name the database does not know: Unknown function 'foo\.bar'/);
  });

  test('a timeout suggests a LIMIT', () => {
    const err = new ApiRequestError('timeout', 'The request took too long and was stopped.', 504);
    expect(explainCypherError(err)).toBe(
      'The query ran too long and was stopped. Add a LIMIT or narrow the MATCH.',
    );
  });

  test.each([
    ['forbidden', 403],
    ['unauthorized', 401],
  ] as const)('a missing token (%s) points to Settings, not to read-only rules', (code, status) => {
    const err = new ApiRequestError(
      code,
      'The server refused this change: set the access token in Settings (⚙).',
      status,
    );
    expect(explainCypherError(err)).toBe(
      'The server refused this change: set the access token in Settings (⚙).',
    );
  });

  test('anything else says it could not run, first line only', () => {
    expect(explainCypherError(new Error('boom\nstack line'))).toBe('The query could not run: boom');
  });
});
