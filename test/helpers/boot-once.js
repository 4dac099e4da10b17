/**
 * Boots the compiled project once on the database the environment names, then stops it: the
 * template database of a test run (template-database.js). Runs in its own process so that jest's
 * parent process loads no Strapi.
 */
const path = require('path');

const APP_DIR = path.resolve(__dirname, '..', '..');
const distDir = process.argv[2];

(async () => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir, autoReload: false, serveAdminPanel: false }).load();
  // Work the boot set going without awaiting it (the upload plugin's metrics, relation loads after the
  // seed's commit) must finish before the pool closes, or destroying it rejects those queries.
  const pool = strapi.db.connection.client.pool;
  while (pool.pendingAcquires.length > 0 || pool.numUsed() > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  await strapi.destroy();
  process.exit(0);
})().catch((error) => {
  console.error('[test] the template database could not be booted:', error);
  process.exit(1);
});
