// Two projects: `unit` needs nothing outside the process; `integration` starts a real embedded
// Neo4j once (globalSetup) and shares its Bolt URI with every test file through env variables.
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
module.exports = {
  // jest reads testTimeout only at the top level, not per project: JVM starts on a loaded 2-core
  // machine take tens of seconds, so integration and e2e tests need a generous default.
  testTimeout: 180000,
  // The plain closing line CI reads (see the reporter's comment).
  reporters: ['default', '<rootDir>/tests/support/closing-line-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/integration/global-setup.ts',
      globalTeardown: '<rootDir>/tests/integration/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/integration/global-setup.ts',
      globalTeardown: '<rootDir>/tests/integration/global-teardown.ts',
    },
  ],
};
