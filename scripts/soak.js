#!/usr/bin/env node
/**
 * npm run soak — mixed traffic against a production server for a long while, to see errors,
 * latency and memory over time (not a test: it prints figures and exits 1 only if a goal fails).
 *
 *  1. compiles the server into .tmp/dist-soak,
 *  2. makes a fresh database (SQLite .tmp/soak/soak.db; with DATABASE_CLIENT=postgres the
 *     database `kerjasama_soak` on SOAK_PG_ADMIN_URL) and seeds it in a child process: the demo
 *     year, SOAK_PARTNERS listed partners, a Staf Humas and a Kapokja admin, SOAK_UNIT_USERS unit
 *     users, a few draft partners for the admin to edit,
 *  3. starts Strapi with NODE_ENV=production on 127.0.0.1:1357 (the `npm start` V8 flags),
 *  4. runs SOAK_SECONDS (default 600) of traffic on loopback, closed loops with a short pause:
 *     - `directory` / `directory-304`: GET /api/directory?<filters> as the public page sends it,
 *       `Accept-Encoding: br, gzip`, half of them revalidating with `If-None-Match`;
 *     - unit users (JWT): create, edit, submit, resubmit their proposals (`/api/proposals`);
 *       Kapokja (admin JWT) reviews, asks for revision, rejects (`/kerjasama/workflow/...`);
 *     - Staf Humas (admin JWT): Content Manager list and save of partner drafts
 *       (`/content-manager/collection-types/api::partner.partner/...`);
 *  5. prints requests, errors by kind (any 5xx, timeout or unexpected status), p50 / p99 per
 *     kind and the server's RSS at start, after the warm-up, at the end and at its peak.
 *
 * Goals: 0 errors; RSS (median of the last minute) within 10 % of the minute after the warm-up.
 * Environment: SOAK_SECONDS (600), SOAK_WARMUP_SECONDS (60), SOAK_MAX_REQUESTS (2,000,000),
 * SOAK_DIRECTORY_WORKERS (4), SOAK_UNIT_USERS (3), SOAK_PARTNERS (300), SOAK_PAUSE_MS (10),
 * SOAK_PG_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres), STRAPI_LOG_LEVEL (warn).
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { ROOT, benchSecrets, runScriptStep, compileServer, loadStrapi, request, rssMb, seedListedPartners, startServer, waitFor, withPgClient } = require('./lib/harness');

const log = (message) => process.stderr.write(`[soak] ${message}\n`);
const WORK = path.join(ROOT, '.tmp', 'soak');
const DIST = path.join(ROOT, '.tmp', 'dist-soak');
const PORT = 1357;
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.SOAK_SECONDS || 600);
const WARMUP_SECONDS = Math.min(Number(process.env.SOAK_WARMUP_SECONDS || 60), SECONDS / 4);
const MAX_REQUESTS = Number(process.env.SOAK_MAX_REQUESTS || 2000000);
const DIRECTORY_WORKERS = Number(process.env.SOAK_DIRECTORY_WORKERS || 4);
const UNIT_USERS = Number(process.env.SOAK_UNIT_USERS || 3);
const PARTNERS = Number(process.env.SOAK_PARTNERS || 300);
const PAUSE_MS = Number(process.env.SOAK_PAUSE_MS || 10);
const POSTGRES = process.env.DATABASE_CLIENT === 'postgres';
const PG_ADMIN_URL = process.env.SOAK_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_DB = 'kerjasama_soak';
const PASSWORD = 'Soak-Passw0rd!';
const CREDENTIALS = path.join(WORK, 'credentials.json');

const pgUrl = () => {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${PG_DB}`;
  return url.toString();
};

const serverEnv = {
  ...process.env,
  ...benchSecrets(),
  ...(POSTGRES ? { DATABASE_CLIENT: 'postgres', DATABASE_URL: pgUrl() } : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(WORK, 'soak.db') }),
  STRAPI_TELEMETRY_DISABLED: 'true',
  STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL || 'warn',
  CRON_ENABLED: 'false',
  KERJASAMA_DIST_DIR: DIST,
  HOST: '127.0.0.1',
  PORT: String(PORT),
  NODE_ENV: 'production',
};

// ---------------------------------------------------------------- seeding (child process mode)

const seed = async () => {
  const strapi = await loadStrapi(DIST);
  const { runAsSystem } = require(path.join(DIST, 'src/workflow/write-context'));
  await seedListedPartners(strapi, DIST, { count: PARTNERS, prefix: 'SOAK', say: log });

  const admins = {};
  for (const [key, roleName] of [['staf', 'Staf Humas'], ['kapokja', 'Kapokja Humas & Kerjasama']]) {
    const role = await strapi.service('admin::role').findOne({ name: roleName });
    const email = `${key}@soak.test`;
    await strapi.service('admin::user').create({ email, firstname: 'Soak', lastname: roleName, password: PASSWORD, isActive: true, registrationToken: null, roles: [role.id] });
    admins[key] = email;
  }
  const unitRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'unit' } });
  const units = await strapi.db.query('api::unit.unit').findMany({ where: { kind: 'department', code: { $notContains: 'SOAK' } }, limit: UNIT_USERS });
  const unitUsers = [];
  for (let i = 0; i < UNIT_USERS; i += 1) {
    const email = `unit-${i}@soak.test`;
    await strapi.plugin('users-permissions').service('user').add({
      username: email, email, provider: 'local', password: PASSWORD, confirmed: true, blocked: false, role: unitRole.id, unit: units[i % units.length].id,
    });
    unitUsers.push(email);
  }
  // An open call for proposals: units' proposals belong to one.
  const deadline = new Date(Date.now() + 60 * 86400000).toISOString().slice(0, 10);
  await runAsSystem('soak-seed', () =>
    strapi.documents('api::call-for-proposal.call-for-proposal').create({ data: { title: 'Panggilan usulan soak', year: new Date().getFullYear() + 1, deadline, message: 'Silakan mengusulkan.' } }),
  );
  // Draft partners (never listed) for the admin's Content Manager saves.
  const drafts = [];
  for (let i = 0; i < 10; i += 1) {
    const partner = await runAsSystem('soak-seed', () =>
      strapi.documents('api::partner.partner').create({ data: { name: `PT Calon Mitra Soak ${i}`, institutionType: 'industry', level: 'national', country: 'ID', city: 'Batam' } }),
    );
    drafts.push(partner.documentId);
  }
  fs.writeFileSync(CREDENTIALS, JSON.stringify({ admins, unitUsers, drafts }));
  await strapi.destroy();
  process.exit(0);
};

// ---------------------------------------------------------------- traffic

const stats = new Map(); // kind -> { times: number[], errors: Map<string, number> }
let requests = 0;
let stopAt = 0;
const running = () => Date.now() < stopAt && requests < MAX_REQUESTS;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = (list) => list[Math.floor(Math.random() * list.length)];

const record = (kind, ms, error) => {
  if (!stats.has(kind)) stats.set(kind, { times: [], errors: new Map() });
  const entry = stats.get(kind);
  entry.times.push(ms);
  if (error) entry.errors.set(error, (entry.errors.get(error) ?? 0) + 1);
};

/** One request of a kind; `expect` lists the statuses that are not errors. Returns the response or null. */
const call = async (kind, method, url, { headers = {}, body, expect = [200] } = {}) => {
  requests += 1;
  const started = process.hrtime.bigint();
  try {
    const response = await request(`${BASE}${url}`, { method, headers, body });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const bad = response.status >= 500 ? `${response.status}` : expect.includes(response.status) ? null : `unexpected ${response.status}`;
    record(kind, ms, bad);
    if (bad && (stats.get(kind).errors.get(bad) ?? 0) <= 3) log(`${kind} ${method} ${url} → ${response.status} ${response.body.toString('utf8').slice(0, 300)}`);
    return bad ? null : response;
  } catch (error) {
    record(kind, Number(process.hrtime.bigint() - started) / 1e6, error.code === 'TIMEOUT' ? 'timeout' : `network ${error.code ?? error.message}`);
    return null;
  }
};

const json = (response) => JSON.parse(response.body.toString('utf8'));

const FILTERS = [
  {}, { level: 'national' }, { level: 'international' }, { level: 'local_regional' }, { country: 'ID' }, { country: 'SG' }, { country: 'JP' },
  { institutionType: 'industry' }, { institutionType: 'university' }, { q: 'mitra' }, { q: 'indonesia' }, { q: 'bench 01' }, { level: 'international', country: 'DE' },
];

const directoryWorker = async () => {
  const etags = new Map();
  while (running()) {
    const filters = pick(FILTERS);
    const url = `/api/directory?${new URLSearchParams(filters)}`;
    const headers = { 'Accept-Encoding': 'br, gzip', Accept: 'application/json' };
    const etag = etags.get(url);
    const revalidate = etag && Math.random() < 0.5;
    if (revalidate) headers['If-None-Match'] = etag;
    // A listing may change under an admin's save, so a revalidation may also get a fresh 200.
    const response = await call(revalidate ? 'directory-304' : 'directory', 'GET', url, { headers, expect: revalidate ? [304, 200] : [200] });
    if (response?.headers.etag) etags.set(url, response.headers.etag);
    await sleep(PAUSE_MS);
  }
};

const loginAdmin = async (email) => {
  const response = await request(`${BASE}/admin/login`, { method: 'POST', body: { email, password: PASSWORD } });
  if (response.status !== 200) throw new Error(`admin login ${email}: ${response.status} ${response.body}`);
  return { Authorization: `Bearer ${json(response).data.token}` };
};

const loginUnit = async (email) => {
  const response = await request(`${BASE}/api/auth/local`, { method: 'POST', body: { identifier: email, password: PASSWORD } });
  if (response.status !== 200) throw new Error(`unit login ${email}: ${response.status} ${response.body}`);
  return { Authorization: `Bearer ${json(response).jwt}` };
};

/** A unit's proposal through its life: create, edit, submit; Kapokja reviews and sends it back; edit, resubmit; review, reject. */
const proposalWorker = async (unit, kapokja, n) => {
  let round = 0;
  const pause = () => sleep(PAUSE_MS * 5);
  while (running()) {
    round += 1;
    const created = await call('proposal-create', 'POST', '/api/proposals', {
      headers: unit, expect: [201],
      body: { data: { title: `Usulan soak ${n}-${round}`, objectives: 'Magang industri dan riset terapan', plannedYear: new Date().getFullYear() + 1, prospectivePartnerName: `PT Calon ${n}-${round}` } },
    });
    if (!created) { await sleep(500); continue; }
    const id = json(created).data.documentId;
    const unitMove = (to) => call('unit-transition', 'POST', `/api/proposals/${id}/transitions`, { headers: unit, body: { to } });
    const kapokjaMove = (to, reason) =>
      call('admin-transition', 'POST', `/kerjasama/workflow/api::proposal.proposal/${id}/transitions`, { headers: kapokja, body: { to, reason } });
    const edit = (text) => call('proposal-edit', 'PUT', `/api/proposals/${id}`, { headers: unit, body: { data: { objectives: text } } });
    const steps = [
      () => edit('Magang industri, riset terapan dan sertifikasi'),
      () => call('proposal-read', 'GET', `/api/proposals?pagination[pageSize]=10&sort=updatedAt:desc`, { headers: unit }),
      () => unitMove('submitted'),
      () => kapokjaMove('under_review'),
      () => kapokjaMove('revision_requested', 'Lengkapi rencana anggaran (soak)'),
      () => edit('Magang industri dengan rencana anggaran'),
      () => unitMove('submitted'),
      () => kapokjaMove('under_review'),
      () => kapokjaMove('rejected', 'Tidak masuk prioritas tahun ini (soak)'),
      () => call('proposal-read', 'GET', `/api/proposals/${id}/workflow`, { headers: unit }),
    ];
    for (const step of steps) {
      if (!running()) return;
      if (!(await step())) break;
      await pause();
    }
  }
};

/** Staf Humas in the Content Manager: lists partners, opens a draft, saves a change. */
const adminWorker = async (staf, drafts) => {
  const base = '/content-manager/collection-types/api::partner.partner';
  let n = 0;
  while (running()) {
    n += 1;
    await call('admin-list', 'GET', `${base}?page=1&pageSize=10&sort=name:ASC`, { headers: staf });
    const documentId = drafts[n % drafts.length];
    const opened = await call('admin-read', 'GET', `${base}/${documentId}`, { headers: staf });
    if (opened) {
      await call('admin-save', 'PUT', `${base}/${documentId}`, {
        headers: staf,
        body: { city: `Batam ${n % 100}`, publicDescription: `Calon mitra, diperbarui ${n} kali oleh soak.` },
      });
    }
    await sleep(PAUSE_MS * 10);
  }
};

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

// ---------------------------------------------------------------- orchestration

const freshDatabase = async () => {
  if (POSTGRES) {
    await withPgClient(PG_ADMIN_URL, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${PG_DB}`);
    });
  }
};

const main = async () => {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  compileServer(DIST, log);
  await freshDatabase();
  log(`seeding (${POSTGRES ? 'PostgreSQL' : 'SQLite'}): demo year, ${PARTNERS} listed partners, 2 admins, ${UNIT_USERS} unit users`);
  execFileSync(process.execPath, [__filename, '--seed'], { cwd: ROOT, stdio: 'inherit', env: { ...serverEnv, SEED_DEMO: 'true' } });
  const { admins, unitUsers, drafts } = JSON.parse(fs.readFileSync(CREDENTIALS, 'utf8'));

  log('starting Strapi (NODE_ENV=production)');
  const server = startServer({ dist: DIST, env: { ...serverEnv, SEED_DEMO: 'false' }, logFile: path.join(WORK, 'strapi.log') });
  const stop = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
  };
  process.on('exit', stop);
  try {
    await waitFor(`${BASE}/api/directory`, 180);
    const rss = { start: rssMb(server.pid), warm: NaN, last: NaN, end: NaN, peak: 0 };
    const samples = [];
    const timed = []; // [seconds into the run, MB]
    const sample = () => {
      const value = rssMb(server.pid);
      samples.push(value);
      rss.peak = Math.max(rss.peak, value);
      return value;
    };
    const staf = await loginAdmin(admins.staf);
    const kapokja = await loginAdmin(admins.kapokja);
    const units = [];
    for (const email of unitUsers) units.push(await loginUnit(email));

    const startedAt = Date.now();
    stopAt = startedAt + SECONDS * 1000;
    log(`traffic for ${SECONDS} s: ${DIRECTORY_WORKERS} directory readers, ${units.length} unit users with Kapokja, 1 Staf Humas`);
    const sampler = setInterval(() => {
      const value = sample();
      const elapsed = Math.round((Date.now() - startedAt) / 1000);
      timed.push([elapsed, value]);
      if (elapsed % 60 < 10) log(`${elapsed} s: ${requests} requests, RSS ${value.toFixed(0)} MB`);
    }, 10000);
    const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    await Promise.all([
      ...Array.from({ length: DIRECTORY_WORKERS }, () => directoryWorker()),
      ...units.map((unit, i) => proposalWorker(unit, kapokja, i)),
      adminWorker(staf, drafts),
    ]);
    clearInterval(sampler);
    const elapsed = (Date.now() - startedAt) / 1000;
    rss.end = sample();
    timed.push([elapsed, rss.end]);
    // RSS saw-tooths with garbage collection (±15 % within a minute): compare the median of the
    // minute after the warm-up with the median of the last minute, not two single samples.
    const median = (values) => (values.length ? [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] : NaN);
    const window = Math.min(60, (elapsed - WARMUP_SECONDS) / 2);
    rss.warm = median(timed.filter(([t]) => t >= WARMUP_SECONDS && t < WARMUP_SECONDS + window).map(([, v]) => v));
    rss.last = median(timed.filter(([t]) => t > elapsed - window).map(([, v]) => v));
    if (Number.isNaN(rss.warm)) rss.warm = rss.start;
    if (Number.isNaN(rss.last)) rss.last = rss.end;
    const loadEnd = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

    const pad = (text, width) => String(text).padEnd(width);
    let errorTotal = 0;
    const rows = [...stats.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, entry]) => {
      const sorted = [...entry.times].sort((x, y) => x - y);
      const errors = [...entry.errors.entries()].map(([name, count]) => `${count}× ${name}`).join(', ') || '0';
      errorTotal += [...entry.errors.values()].reduce((sum, count) => sum + count, 0);
      return `| ${pad(kind, 18)} | ${pad(sorted.length, 9)} | ${pad(percentile(sorted, 50).toFixed(1), 8)} | ${pad(percentile(sorted, 99).toFixed(1), 8)} | ${pad(errors, 24)} |`;
    });
    const growth = ((rss.last - rss.warm) / rss.warm) * 100;
    const lines = [
      '',
      `Soak: ${POSTGRES ? 'PostgreSQL' : 'SQLite'}, NODE_ENV=production, ${elapsed.toFixed(0)} s, ${requests} requests (${(requests / elapsed).toFixed(0)} req/s), load average ${load} at the start, ${loadEnd} at the end (${require('os').cpus().length} cores)`,
      '',
      `| ${pad('kind', 18)} | ${pad('requests', 9)} | ${pad('p50 ms', 8)} | ${pad('p99 ms', 8)} | ${pad('errors', 24)} |`,
      `|${'-'.repeat(20)}|${'-'.repeat(11)}|${'-'.repeat(10)}|${'-'.repeat(10)}|${'-'.repeat(26)}|`,
      ...rows,
      '',
      `errors: ${errorTotal} (goal 0)`,
      `server RSS: ${rss.start.toFixed(0)} MB at start, ${rss.end.toFixed(0)} MB at the end (${(((rss.end - rss.start) / rss.start) * 100).toFixed(1)} %), ${rss.peak.toFixed(0)} MB peak; ` +
        `median ${rss.warm.toFixed(0)} MB in the ${window.toFixed(0)} s after the ${WARMUP_SECONDS} s warm-up, ${rss.last.toFixed(0)} MB in the last ${window.toFixed(0)} s: ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} % (goal <= 10 %)`,
      `RSS every 10 s (MB): ${samples.map((value) => value.toFixed(0)).join(' ')}`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    process.exitCode = errorTotal === 0 && growth <= 10 ? 0 : 1;
  } finally {
    stop();
  }
};

runScriptStep({ seed, main });
