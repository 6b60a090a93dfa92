import path from 'node:path';

/** Path of a fixture written for these tests (tests/fixtures/parse/<name>). */
export function fixture(name: string): string {
  return path.resolve(__dirname, '../../fixtures/parse', name);
}
