/** Unit tests (pure domain code) and API tests (a real Strapi on a real database). */
const transform = { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2021' } }] };

/**
 * The compile and the template database (test/helpers/template-database.js) are the API and browser
 * projects' own: jest runs a shared setup module once, and not at all for a unit-only run.
 */
const withStrapi = {
  globalSetup: '<rootDir>/test/helpers/global-setup.js',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.js',
};

module.exports = {
  // A boot on a loaded 2-core machine has been seen to take over 60 s; 120 s timed suites out in CI.
  testTimeout: 240000,
  // A library's stray timer or socket must not keep a finished run (and CI) waiting forever.
  forceExit: true,
  // Each Strapi boot leaves some memory behind in the process that ran its file (Strapi and its
  // plugins keep module-level state); in one process the whole suite ran out of a 4 GB heap after
  // ~40 files, slowing to a crawl before. Files run in a worker that is replaced once it holds
  // more than this after a file (setting it also keeps jest from running in its own process).
  workerIdleMemoryLimit: '1GB',
  projects: [
    { displayName: 'unit', testEnvironment: 'node', transform, testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { displayName: 'api', testEnvironment: 'node', transform, ...withStrapi, testMatch: ['<rootDir>/test/api/**/*.test.ts'] },
    // A real browser (Debian's /usr/bin/chromium through playwright-core) against a running instance.
    { displayName: 'e2e', testEnvironment: 'node', transform, ...withStrapi, testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'] },
  ],
};
