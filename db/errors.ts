/** The database could not be made available (tools missing, launcher failed, external URI unreachable). */
export class DatabaseSetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseSetupError';
  }
}

/** Appended to every "cannot get a database" message: the three ways out. */
export const WAYS_TO_GET_A_DATABASE = [
  'Three ways to get a database:',
  '  1. install Java 17+ and Maven (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven) and run again:',
  '     the embedded Neo4j is built and started automatically;',
  '  2. run Neo4j in Docker: set NEO4J_PASSWORD, then `docker compose up` (see docker-compose.yml and .env.example);',
  '  3. set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to any running Neo4j 5 server.',
].join('\n');
