import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'build/**', 'node_modules/**', '.tmp/**', '.strapi/**', 'public/**', 'types/generated/**', '**/*.js', '**/*.cjs', '**/*.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Domain rules are pure: no framework in src/domain.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@strapi/*', 'knex', 'pg', 'better-sqlite3'] }],
    },
  },
  {
    // The public pages run in a browser: they take only the pure domain rules and the contracts
    // from the server's code (scripts/build-public.js also refuses a bundle with anything else in it).
    files: ['public-src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/src/*', '!**/src/domain', '!**/src/contracts'], message: 'Only src/domain (pure rules) and src/contracts (shapes) may reach a browser.' },
          { group: ['@strapi/*', 'knex', 'pg', 'better-sqlite3', 'koa'], message: 'Server packages do not run in a browser.' },
        ],
      }],
    },
  },
);
