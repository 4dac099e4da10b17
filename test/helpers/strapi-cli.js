/**
 * Preloaded (`node -r`) into Strapi's own CLI (`strapi export` / `strapi import`) by the tests.
 *
 * The data-transfer commands call `compileStrapi()`, which compiles the project into the
 * tsconfig's outDir (dist/) and exits on a type error. The tests have already compiled into
 * KERJASAMA_DIST_DIR or dist/ (jest's global setup): point the CLI at that compile folder instead. Everything else is the unmodified CLI.
 */
const path = require('path');
const core = require('@strapi/core');

// The app folder is fixed here, so the CLI can run from a scratch folder: it writes its
// diagnostic log (export_<time>.log) into the current folder.
const appDir = path.resolve(__dirname, '..', '..');

// Always: without KERJASAMA_DIST_DIR jest's global setup compiled into dist/ (test/helpers/dist.ts),
// and the CLI's own compile would look for the project in the scratch folder it runs from.
core.compileStrapi = async () => ({ appDir, distDir: process.env.KERJASAMA_DIST_DIR || path.join(appDir, 'dist') });
