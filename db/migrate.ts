import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';

export const SCHEMA_FILE = path.resolve(__dirname, '..', 'cypher', 'schema.cypher');

export interface MigrationResult {
  file: string;
  statements: number;
}

/**
 * Applies cypher/schema.cypher statement by statement (schema commands cannot share a transaction),
 * then waits until every index is online so that the next query can rely on it.
 */
export async function migrate(driver: Driver, file: string = SCHEMA_FILE): Promise<MigrationResult> {
  const statements = splitCypherStatements(fs.readFileSync(file, 'utf8'));
  const session = driver.session();
  try {
    for (const [index, statement] of statements.entries()) {
      try {
        await session.run(statement);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `db/migrate: ${path.basename(file)}: statement ${index + 1}: ${reason}\n${statement}`,
          {
            cause: error,
          },
        );
      }
    }
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
  return { file, statements: statements.length };
}

/**
 * Splits a Cypher script on `;` outside strings, backtick names and comments. Comments are dropped;
 * empty statements are skipped.
 */
export function splitCypherStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  while (i < script.length) {
    const char = script[i];
    const next = script[i + 1];
    if (char === '/' && next === '/') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end;
    } else if (char === '/' && next === '*') {
      const end = script.indexOf('*/', i + 2);
      if (end === -1) throw new Error('db/migrate: unterminated /* comment');
      i = end + 2;
      current += ' ';
    } else if (char === "'" || char === '"' || char === '`') {
      const end = closingQuote(script, i);
      current += script.slice(i, end + 1);
      i = end + 1;
    } else if (char === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
      i += 1;
    } else {
      current += char;
      i += 1;
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

/** Index of the quote that closes the one at `start` (backslash escapes in strings, `` in names). */
function closingQuote(script: string, start: number): number {
  const quote = script[start];
  for (let i = start + 1; i < script.length; i++) {
    if (quote !== '`' && script[i] === '\\') {
      i += 1;
    } else if (script[i] === quote) {
      if (quote === '`' && script[i + 1] === '`') i += 1;
      else return i;
    }
  }
  const line = script.slice(0, start).split('\n').length;
  throw new Error(`db/migrate: unterminated ${quote} starting on line ${line}`);
}
