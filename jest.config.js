/** Unit tests (pure domain code) and API tests (a real Strapi on a real database). */
const transform = { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2021' } }] };

module.exports = {
  globalSetup: '<rootDir>/test/helpers/global-setup.js',
  testTimeout: 120000,
  projects: [
    { displayName: 'unit', testEnvironment: 'node', transform, testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { displayName: 'api', testEnvironment: 'node', transform, testMatch: ['<rootDir>/test/api/**/*.test.ts'] },
    // A real browser (Debian's /usr/bin/chromium through playwright-core) against a running instance.
    { displayName: 'e2e', testEnvironment: 'node', transform, testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'] },
  ],
};
