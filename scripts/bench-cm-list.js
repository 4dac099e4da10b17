#!/usr/bin/env node
/**
 * npm run bench:cm-list — the Content Manager's list of agreements at the scale of
 * bench:planning (100,000 agreements, 2,000 partners) on PostgreSQL, asked as the admin asks it:
 * first page, 10 rows, sorted by end date, a text search (`_q`) and a filter on the partner's level.
 *
 *  1. needs bench:planning's database (BENCH_PG_DB, default kerjasama_bench_planning); when it holds
 *     fewer than 100,000 agreements, runs `npm run bench:planning` once with 1 call per endpoint
 *     to seed it,
 *  2. boots Strapi in production mode on it (port BENCH_PORT, default 1355), logs in as its Kapokja,
 *  3. calls the list BENCH_CALLS times (default 50) after 5 warm-up calls, for each search term,
 *     as the system is (ours) and as stock Strapi would be on the same data: the same database with
 *     the indexes our migrations add dropped for the measurement (stock Strapi creates only its own
 *     link-table and foreign-key indexes), then restored; prints p50 / p95 beside the goal (≤ 300 ms).
 *
 * The list goes through Strapi's content-manager controllers and the Document Service (our document
 * middlewares apply to writes; this is a read), so what differs between the two columns is the
 * database's indexes. The machine may be loaded by other work: the load average is printed.
 */
const path = require('path');
const { execFileSync } = require('child_process');
const { benchSecrets, compileServer } = require('./lib/harness');

const ROOT = path.resolve(__dirname, '..');
const DIST = process.env.BENCH_DIST || path.join(ROOT, '.tmp', 'dist-bench-planning');
const PORT = Number(process.env.BENCH_PORT || 1355);
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = process.env.BENCH_PG_DB || 'kerjasama_bench_planning';
const CALLS = Number(process.env.BENCH_CALLS || 50);
const AGREEMENTS = 100000;
const GOAL_P95_MS = 300;
const EMAIL = 'kapokja@bench.test';
const PASSWORD = 'Bench-Passw0rd!';
const SEARCHES = (process.env.BENCH_SEARCHES || 'bench 42,naskah,BENCH/9999,tidak-ada').split(',');

const log = (message) => process.stderr.write(`[bench:cm-list] ${message}\n`);
const dbUrl = () => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
};

const listPath = (q) =>
  `/content-manager/collection-types/api::agreement.agreement?page=1&pageSize=10&sort=endDate:ASC&_q=${encodeURIComponent(q)}&filters[$and][0][partner][level][$eq]=national`;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Index names our migrations create on the tables this list reads (dropped for the stock column). */
const OUR_INDEXES = async (knex) =>
  (await knex.raw(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND (indexname LIKE 'planning\\_%' OR indexname LIKE 'cm\\_list\\_%')`)).rows;

const main = async () => {
  if (!process.env.BENCH_DIST) compileServer(DIST, log);
  const { Client } = require('pg');
  const probe = new Client({ connectionString: dbUrl() });
  let count = 0;
  try {
    await probe.connect();
    count = Number((await probe.query('SELECT COUNT(*) AS n FROM agreements')).rows[0].n);
  } catch {
    count = 0;
  } finally {
    await probe.end().catch(() => {});
  }
  if (count < AGREEMENTS) {
    log(`${DB_NAME} holds ${count} agreements: seeding it through bench:planning (1 call per endpoint)`);
    execFileSync(process.execPath, [path.join(__dirname, 'bench-planning.js')], { stdio: 'inherit', env: { ...process.env, BENCH_CALLS: '1', BENCH_COLD_CALLS: '1', BENCH_DIST: DIST } });
  }
  Object.assign(process.env, {
    DATABASE_CLIENT: 'postgres', DATABASE_URL: dbUrl(), STRAPI_TELEMETRY_DISABLED: 'true', STRAPI_LOG_LEVEL: 'error', CRON_ENABLED: 'false', SEED_DEMO: 'false',
    NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(PORT), KERJASAMA_DIST_DIR: DIST, ...benchSecrets(),
  });
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: ROOT, distDir: DIST, autoReload: false, serveAdminPanel: false }).load();
  await strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(PORT, '127.0.0.1', resolve));
  if (!(await strapi.db.query('admin::user').findOne({ where: { email: EMAIL } }))) {
    const role = await strapi.service('admin::role').findOne({ name: 'Kapokja Humas & Kerjasama' });
    await strapi.service('admin::user').create({ email: EMAIL, firstname: 'Kapokja', lastname: 'Bench', password: PASSWORD, isActive: true, registrationToken: null, roles: [role.id] });
  }
  const login = await fetch(`http://127.0.0.1:${PORT}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
  const token = (await login.json()).data.token;
  const knex = strapi.db.connection;

  let queries = 0;
  knex.on('query', () => {
    queries += 1;
  });
  const measure = async (q) => {
    const call = async () => {
      const response = await fetch(`http://127.0.0.1:${PORT}${listPath(q)}`, { headers: { Authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
      return response.json();
    };
    let body;
    for (let i = 0; i < 5; i += 1) body = await call();
    const times = [];
    const before = queries;
    for (let i = 0; i < CALLS; i += 1) {
      const start = process.hrtime.bigint();
      await call();
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95), total: body.pagination.total, queries: (queries - before) / CALLS };
  };

  const ours = {};
  for (const q of SEARCHES) {
    log(`ours: _q=${q}`);
    ours[q] = await measure(q);
  }
  const dropped = await OUR_INDEXES(knex);
  log(`stock: dropping our ${dropped.length} indexes for the measurement (${dropped.map((row) => row.indexname).join(', ')})`);
  const stock = {};
  try {
    for (const row of dropped) await knex.raw(`DROP INDEX IF EXISTS "${row.indexname}"`);
    await knex.raw('ANALYZE agreements');
    for (const q of SEARCHES) {
      log(`stock: _q=${q}`);
      stock[q] = await measure(q);
    }
  } finally {
    for (const row of dropped) await knex.raw(row.indexdef.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS ').replace(/^CREATE UNIQUE INDEX /, 'CREATE UNIQUE INDEX IF NOT EXISTS '));
    await knex.raw('ANALYZE agreements');
    log(`restored ${dropped.length} indexes`);
  }
  const agreements = Number((await knex('agreements').count({ n: '*' }).first()).n);
  const ms = (value) => `${value.toFixed(1)} ms`.padStart(10);
  console.log(`\nContent Manager list of agreements on PostgreSQL (${DB_NAME}, ${agreements} agreements), ${CALLS} calls after 5 warm-up calls each;`);
  console.log(`load average ${require('os').loadavg().map((l) => l.toFixed(1)).join(' ')} (other work runs on this machine).`);
  console.log('GET /content-manager/collection-types/api::agreement.agreement?page=1&pageSize=10&sort=endDate:ASC&_q=<search>&filters[$and][0][partner][level][$eq]=national\n');
  console.log(`| _q            | matches | ours p50   | ours p95   | goal p95 ≤ ${GOAL_P95_MS} ms | stock p50  | stock p95  | SQL per call |`);
  console.log('|---------------|---------|------------|------------|------------------|------------|------------|--------------|');
  for (const q of SEARCHES) {
    const o = ours[q];
    const s = stock[q];
    console.log(`| ${q.padEnd(13)} | ${String(o.total).padStart(7)} | ${ms(o.p50)} | ${ms(o.p95)} | ${(o.p95 <= GOAL_P95_MS ? 'met' : 'MISSED').padEnd(16)} | ${ms(s.p50)} | ${ms(s.p95)} | ${o.queries.toFixed(1).padStart(12)} |`);
  }
  await strapi.destroy();
  process.exit(0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
