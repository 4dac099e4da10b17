const { execFileSync } = require('child_process');
const path = require('path');
const { createTemplate } = require('./template-database');

/**
 * Strapi runs the compiled project: compile once before the API tests, then boot it once on a new
 * database that every test file's database is copied from (template-database.js). KERJASAMA_DIST_DIR
 * lets parallel work compile to its own folder; type errors are the type-check's job, so the
 * compile emits even when a file elsewhere in the tree does not type-check yet.
 */
module.exports = async () => {
  const root = path.resolve(__dirname, '..', '..');
  const outDir = process.env.KERJASAMA_DIST_DIR || path.join(root, 'dist');
  try {
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', outDir, '--noEmitOnError', 'false', '--incremental', 'false'],
      { cwd: root, stdio: 'inherit' },
    );
  } catch {
    console.warn('\nThe project has type errors (see above); the tests run on what compiled. `npm run typecheck` fails on them.\n');
  }
  await createTemplate(outDir);
};
