/** @type {import('jest').Config} */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    // type-graphql and MikroORM read types from decorator metadata.
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', swc] },
  // jose, pg-boss (with its ESM dependencies), oidc-provider, openid-client and oauth4webapi are ESM-only:
  // let swc turn them into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(jose|pg-boss|serialize-error|non-error|rrule-temporal|temporal-spec|oidc-provider|openid-client|oauth4webapi)/)'],
  // Starts one embedded PostgreSQL for the run (unless TEST_DATABASE_URL is set); each test file gets its own database.
  globalSetup: '<rootDir>/tests/support/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/support/global-teardown.mjs',
  setupFiles: ['reflect-metadata'],
  maxWorkers: 2,
  testTimeout: 60_000,
};
