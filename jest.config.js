/**
 * Two tiers: unit specs next to the code (pure, fast), and e2e/integration suites under test/
 * against the real PostgreSQL, Redis and HTTP. Type checking runs separately (`npm run typecheck`),
 * so ts-jest only transpiles.
 */
const moduleNameMapper = { '^@meldpunt/([a-z0-9-]+)$': '<rootDir>/libs/$1/src' };
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
      moduleNameMapper,
      transform,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      moduleNameMapper,
      transform,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
