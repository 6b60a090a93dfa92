import { Neo4jError } from 'neo4j-driver';
import {
  AppError,
  BadRequestError,
  NotFoundError,
  TimeoutError,
  TooLargeError,
  UnavailableError,
} from '../../../server/errors';
import { translateDriverError } from '../../../server/repositories/driver-errors';

const driverError = (code: string, message = 'details from the server') =>
  new Neo4jError(message, code, '50N42', 'error: general processing exception');

describe('translateDriverError', () => {
  it('turns an unreachable database into 503 by error code', () => {
    for (const code of [
      'ServiceUnavailable',
      'SessionExpired',
      'Neo.TransientError.General.DatabaseUnavailable',
    ]) {
      const error = translateDriverError(driverError(code), 'api/search');
      expect(error).toBeInstanceOf(UnavailableError);
      expect((error as AppError).status).toBe(503);
      expect((error as AppError).message).toMatch(/^api\/search: the database is unreachable/);
    }
  });

  it('turns a memory refusal into 413, never "unreachable", though Neo4j calls it transient', () => {
    for (const code of [
      'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      'Neo.TransientError.General.OutOfMemoryError',
    ]) {
      const error = translateDriverError(
        driverError(code, 'db.memory.transaction.max threshold reached'),
        'api/cypher',
      );
      expect(error).toBeInstanceOf(TooLargeError);
      expect((error as AppError).status).toBe(413);
      expect((error as AppError).message).toContain('db.memory.transaction.max');
      expect((error as AppError).message).not.toMatch(/unreachable/);
    }
  });

  it('turns a connection acquisition timeout (a code-less driver error) into 503', () => {
    const error = translateDriverError(
      new Neo4jError(
        'Connection acquisition timed out in 5000 ms. Pool status: ...',
        'N/A',
        '50N42',
        'error',
      ),
      'api/search',
    );
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as AppError).status).toBe(503);
  });

  it('turns a transaction timeout into 504', () => {
    const error = translateDriverError(
      driverError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'),
      'api/cypher',
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as AppError).status).toBe(504);
  });

  it('turns a write in a read session into 400 for user queries', () => {
    const error = translateDriverError(driverError('Neo.ClientError.Statement.AccessMode'), 'api/cypher', {
      userQuery: true,
    });
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as AppError).message).toBe(
      'api/cypher: the query tries to write; only read queries are allowed',
    );
  });

  it('turns client errors of user queries into 400 with the first line of the message', () => {
    const error = translateDriverError(
      driverError('Neo.ClientError.Statement.SyntaxError', 'Invalid input\n"MATCH (n"\n ^'),
      'api/cypher',
      { userQuery: true },
    );
    expect((error as AppError).message).toBe('api/cypher: Invalid input');
  });

  it('leaves client errors of the API own queries alone (a bug: 500)', () => {
    const original = driverError('Neo.ClientError.Statement.SyntaxError');
    expect(translateDriverError(original, 'api/search')).toBe(original);
  });

  it('never echoes an authentication message, which may name the user', () => {
    const error = translateDriverError(
      driverError('Neo.ClientError.Security.Unauthorized', 'user neo4j: wrong password s3cret'),
      'api/health',
    ) as AppError;
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error.message).not.toMatch(/neo4j|s3cret/);
  });

  it('passes AppErrors and other errors through', () => {
    const notFound = new NotFoundError('x');
    expect(translateDriverError(notFound, 'api')).toBe(notFound);
    const plain = new Error('plain');
    expect(translateDriverError(plain, 'api')).toBe(plain);
  });
});
