/**
 * Preloaded (`node -r`) into Strapi's own CLI (`strapi export` / `strapi import`) by the tests.
 *
 * The data-transfer commands call `compileStrapi()`, which compiles the project into the
 * tsconfig's outDir (dist/) and exits on a type error. The tests have already compiled into
 * KERJASAMA_DIST_DIR (jest's global setup), and other work may be reading dist/: point the CLI at
 * that compile folder instead. Everything else is the unmodified CLI.
 */
const path = require('path');
const core = require('@strapi/core');

// The app folder is fixed here, so the CLI can run from a scratch folder: it writes its
// diagnostic log (export_<time>.log) into the current folder.
const appDir = path.resolve(__dirname, '..', '..');

if (process.env.KERJASAMA_DIST_DIR) {
  core.compileStrapi = async () => ({ appDir, distDir: process.env.KERJASAMA_DIST_DIR });
}
