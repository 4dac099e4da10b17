#!/usr/bin/env node
/**
 * npm run bench:accreditation — LKPS Table 1, IKU 6 and the KPI evidence pack at real scale on PostgreSQL.
 *
 *  1. compiles the server into .tmp/dist-bench-accreditation,
 *  2. creates its own PostgreSQL database (BENCH_PG_DB, default kerjasama_bench_accreditation),
 *     seeds it as bench:planning does (scripts/bench-planning.js `seed`: 60 units, 100,000
 *     agreements, 300,000 monitoring records, …), gives the partners an IKU 6 category, then
 *     bulk-inserts 100,000 activity reports over the 10 years (7 in 10 verified, the rest draft,
 *     submitted or returned) and, for this year's competency-certificate pack (KPI B.1.2.6.16.c),
 *     1,000 verified reports with 5 evidence files each: 5,000 files of 210 KB (≈ 1 GB), written
 *     under .tmp/bench-accreditation-files and reached through public/uploads/bench-accreditation
 *     (a symlink, removed at the end),
 *  3. starts the production server as its own process (its RSS is its own), logs in as a Kapokja,
 *     and measures: LKPS Table 1 of the study program with the most reports (three years) and
 *     IKU 6 of every study program (BENCH_CALLS calls each after 3 warm-ups, p50 / p95), then
 *     downloads the evidence pack once, reading it as it streams, with the server's RSS sampled
 *     every 50 ms; beside it, reading the same files from disk in this process (the "disk speed").
 *
 * The seeding writes straight into the tables with knex: benchmark data, not application writes.
 * The database and the files are kept between runs (reseed with BENCH_RESEED=1).
 *
 * Environment: BENCH_PG_ADMIN_URL, BENCH_PG_DB, BENCH_DIST, BENCH_PORT (default 1354), BENCH_CALLS (20),
 * BENCH_REPORTS (100000), BENCH_PACK_FILES (5000), BENCH_FILE_KB (210).
 */
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { benchSecrets, compileServer, loadStrapi, rssMb, startServer, waitFor, withPgClient } = require('./lib/harness');

const ROOT = path.resolve(__dirname, '..');
const DIST = process.env.BENCH_DIST || path.join(ROOT, '.tmp', 'dist-bench-accreditation');
const PORT = Number(process.env.BENCH_PORT || 1354);
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = process.env.BENCH_PG_DB || 'kerjasama_bench_accreditation';
const CALLS = Number(process.env.BENCH_CALLS || 20);
const REPORTS = Number(process.env.BENCH_REPORTS || 100000);
const PACK_FILES = Number(process.env.BENCH_PACK_FILES || 5000);
const FILE_KB = Number(process.env.BENCH_FILE_KB || 210);
const FILES_PER_REPORT = 5;
const YEARS = 10;
const THIS_YEAR = new Date().getFullYear();
const FIRST_YEAR = THIS_YEAR - YEARS + 1;
const PASSWORD = 'Bench-Passw0rd!';
const EMAIL = 'kapokja@bench-accreditation.test';
const FILES_DIR = path.join(ROOT, '.tmp', 'bench-accreditation-files');
const UPLOAD_LINK = path.join(ROOT, 'public', 'uploads', 'bench-accreditation');
const PACK_CODE = 'B.1.2.6.16.c';
const REPORT = 'api::activity-report.activity-report';

const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const dbUrl = () => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
};
const env = () => ({
  ...process.env,
  DATABASE_CLIENT: 'postgres', DATABASE_URL: dbUrl(), STRAPI_TELEMETRY_DISABLED: 'true', STRAPI_LOG_LEVEL: 'error', CRON_ENABLED: 'false', SEED_DEMO: 'false',
  HOST: '127.0.0.1', PORT: String(PORT), KERJASAMA_DIST_DIR: DIST, PLANNING_PREPARE_AHEAD_MS: '0', ...benchSecrets(),
});

const documentId = () => crypto.randomBytes(12).toString('hex').slice(0, 24);
const pick = (list, i) => list[i % list.length];
const isoDate = (date) => date.toISOString().slice(0, 10);
const dayOfYear = (year, day) => isoDate(new Date(Date.UTC(year, 0, 1 + day)));

const insertAll = async (knex, table, rows, chunk = 2000) => {
  const ids = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const inserted = await knex(table).insert(rows.slice(i, i + chunk)).returning('id');
    ids.push(...inserted.map((row) => (typeof row === 'object' ? row.id : row)));
  }
  return ids;
};
const linkAll = async (knex, table, rows) => {
  for (let i = 0; i < rows.length; i += 5000) await knex(table).insert(rows.slice(i, i + 5000));
};

/** The pack's files on disk (kept between runs; written again when missing). */
const ensureFiles = () => {
  fs.mkdirSync(FILES_DIR, { recursive: true });
  let written = 0;
  for (let i = 0; i < PACK_FILES; i += 1) {
    const file = path.join(FILES_DIR, `bukti-${i}.bin`);
    if (fs.existsSync(file) && fs.statSync(file).size === FILE_KB * 1024) continue;
    fs.writeFileSync(file, crypto.randomBytes(FILE_KB * 1024));
    written += 1;
  }
  if (written) log(`wrote ${written} files of ${FILE_KB} KB into ${path.relative(ROOT, FILES_DIR)}`);
  fs.rmSync(UPLOAD_LINK, { force: true });
  fs.symlinkSync(FILES_DIR, UPLOAD_LINK, 'dir');
};

const seedReports = async (strapi) => {
  const knex = strapi.db.connection;
  const meta = (uid) => strapi.db.metadata.get(uid);
  const table = (uid) => meta(uid).tableName;
  const col = (uid, field) => meta(uid).attributes[field].columnName || field;
  const join = (uid, field) => {
    const jt = meta(uid).attributes[field].joinTable;
    return { table: jt.name, owner: jt.joinColumn.name, related: jt.inverseJoinColumn.name };
  };
  const now = new Date();
  const stamp = { created_at: now, updated_at: now, published_at: now };
  const P = 'api::partner.partner';
  const categories = ['multinational_company', 'national_company', 'technology_company', 'startup', 'state_enterprise', 'top_university', 'government_agency', 'hospital', 'msme', 'research_institute', 'ngo', 'other', 'other'];
  const partnerRows = await knex(table(P)).select('id', 'document_id').whereNull(col(P, 'publishedAt')).orderBy('id');
  for (let c = 0; c < categories.length; c += 1) {
    const ids = partnerRows.filter((_, i) => i % categories.length === c).map((row) => row.id);
    for (let i = 0; i < ids.length; i += 1000) await knex(table(P)).whereIn('id', ids.slice(i, i + 1000)).update({ [col(P, 'iku6Category')]: categories[c] });
  }
  const draftPartners = partnerRows.map((row) => row.id);
  const U = 'api::unit.unit';
  const programs = (await knex(table(U)).where(col(U, 'kind'), 'study_program').select('id').orderBy('id')).map((row) => row.id);
  const agreements = (await knex(table('api::agreement.agreement')).select('id').orderBy('id').limit(100000)).map((row) => row.id);
  const T = 'api::cooperation-type.cooperation-type';
  const types = await knex(table(T)).select('id', col(T, 'code')).orderBy('id');
  const typeIds = types.map((row) => row.id);
  const sertifikasi = types.find((row) => row[col(T, 'code')] === 'SERTIFIKASI');
  const states = ['verified', 'verified', 'verified', 'verified', 'verified', 'verified', 'verified', 'draft', 'submitted', 'returned'];
  const tridharma = ['education', 'education', 'research', 'community_service'];
  const packReports = PACK_FILES / FILES_PER_REPORT;
  const rows = [];
  const links = [];
  for (let i = 0; i < REPORTS; i += 1) {
    const pack = i < packReports;
    const year = pack ? THIS_YEAR : FIRST_YEAR + (i % YEARS);
    const start = dayOfYear(year, pack ? (i * 7) % 200 : (i * 13) % 330);
    rows.push({
      document_id: documentId(), [col(REPORT, 'title')]: `Kegiatan bench ${i}`, [col(REPORT, 'tridharma')]: pick(tridharma, i),
      [col(REPORT, 'startDate')]: start, [col(REPORT, 'endDate')]: dayOfYear(year, (pack ? (i * 7) % 200 : (i * 13) % 330) + 1 + (i % 30)),
      [col(REPORT, 'studentParticipants')]: i % 40, [col(REPORT, 'lecturerParticipants')]: i % 5, [col(REPORT, 'benefit')]: `Manfaat kegiatan bench ${i} bagi program studi`,
      [col(REPORT, 'creditsRecognised')]: i % 3 === 0 ? 20 : 0, [col(REPORT, 'certificatesIssued')]: pack ? 3 : 0,
      [col(REPORT, 'workflowState')]: pack ? 'verified' : pick(states, Math.floor(i / YEARS)), [col(REPORT, 'verifiedAt')]: now, ...stamp,
    });
    links.push({ unit: pick(programs, Math.floor(i / YEARS) * 7 + (i % 3)), partner: pick(draftPartners, i * 11), agreement: pick(agreements, i - (i % YEARS) + ((i + YEARS - 1) % YEARS)), type: pack && sertifikasi ? sertifikasi.id : pick(typeIds, i) });
  }
  const ids = await insertAll(knex, table(REPORT), rows);
  for (const [field, key] of [['unit', 'unit'], ['partner', 'partner'], ['agreement', 'agreement'], ['cooperationType', 'type']]) {
    const link = join(REPORT, field);
    await linkAll(knex, link.table, ids.map((id, i) => ({ [link.owner]: id, [link.related]: links[i][key] })));
  }
  log(`${REPORTS} activity reports`);

  // Evidence: 5 files on each of the first reports (this year's, verified, with certificates).
  const FILE = 'plugin::upload.file';
  const fileIds = await insertAll(knex, table(FILE), Array.from({ length: PACK_FILES }, (_, i) => ({
    document_id: documentId(), [col(FILE, 'name')]: `bukti-${i}.pdf`, [col(FILE, 'hash')]: `bukti_${i}`, [col(FILE, 'ext')]: '.bin', [col(FILE, 'mime')]: 'application/octet-stream',
    [col(FILE, 'size')]: FILE_KB, [col(FILE, 'url')]: `/uploads/bench-accreditation/bukti-${i}.bin`, [col(FILE, 'provider')]: 'local', [col(FILE, 'folderPath')]: '/', ...stamp,
  })));
  const C = 'activity.evidence';
  const kinds = ['report', 'attendance_list', 'photo', 'assignment_letter', 'certificate'];
  const componentIds = await insertAll(knex, table(C), fileIds.map((_, i) => ({ [col(C, 'kind')]: pick(kinds, i) })));
  const cmps = meta(REPORT).attributes.evidence.joinTable;
  await linkAll(knex, cmps.name, componentIds.map((cmpId, i) => ({
    [cmps.joinColumn.name]: ids[Math.floor(i / FILES_PER_REPORT)], [cmps.inverseJoinColumn.name]: cmpId, component_type: C, field: 'evidence', [cmps.orderColumnName || 'order']: i % FILES_PER_REPORT,
  })));
  const morph = meta(FILE).attributes.related.joinTable;
  await linkAll(knex, morph.name, fileIds.map((fileId, i) => ({
    [morph.joinColumn.name]: fileId, [morph.morphColumn.idColumn.name]: componentIds[i], [morph.morphColumn.typeColumn.name]: C, field: 'file', order: 1,
  })));
  log(`${PACK_FILES} evidence files on ${packReports} reports`);
  await knex.raw('ANALYZE');
};

const seed = async () => {
  const exists = await withPgClient(ADMIN_URL, async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME])).rowCount > 0);
  if (exists && process.env.BENCH_RESEED === '1') await withPgClient(ADMIN_URL, (client) => client.query(`DROP DATABASE ${DB_NAME} WITH (FORCE)`));
  if (!exists || process.env.BENCH_RESEED === '1') await withPgClient(ADMIN_URL, (client) => client.query(`CREATE DATABASE ${DB_NAME}`));
  Object.assign(process.env, env(), { NODE_ENV: 'production' });
  const strapi = await loadStrapi(DIST);
  const count = async (uid) => Number((await strapi.db.connection(strapi.db.metadata.get(uid).tableName).count({ n: '*' }).first()).n);
  if ((await count('api::agreement.agreement')) < 100000) {
    log(`seeding ${DB_NAME} as bench:planning does`);
    await require('./bench-planning').seed(strapi);
  }
  if ((await count(REPORT)) < REPORTS) await seedReports(strapi);
  if (!(await strapi.db.query('admin::user').findOne({ where: { email: EMAIL } }))) {
    const role = await strapi.service('admin::role').findOne({ name: 'Kapokja Humas & Kerjasama' });
    await strapi.service('admin::user').create({ email: EMAIL, firstname: 'Kapokja', lastname: 'Bench', password: PASSWORD, isActive: true, registrationToken: null, roles: [role.id] });
  }
  // The study program with the most reports of the three years, for LKPS Table 1.
  const link = strapi.db.metadata.get(REPORT).attributes.unit.joinTable;
  const busiest = await strapi.db.connection(link.name).select(link.inverseJoinColumn.name).count({ n: '*' }).groupBy(link.inverseJoinColumn.name).orderBy('n', 'desc').first();
  const unit = await strapi.db.query('api::unit.unit').findOne({ where: { id: busiest[link.inverseJoinColumn.name] }, select: ['documentId', 'code'] });
  await strapi.destroy();
  return unit;
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const get = (url, token) => fetch(`http://127.0.0.1:${PORT}${url}`, { headers: { Authorization: `Bearer ${token}` } });

const measure = async (url, token) => {
  const call = async () => {
    const response = await get(url, token);
    if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  for (let i = 0; i < 3; i += 1) await call();
  const times = [];
  let last;
  for (let i = 0; i < CALLS; i += 1) {
    const start = process.hrtime.bigint();
    last = await call();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), last: last.data };
};

/** Streams the pack, counting bytes, with the server's RSS sampled every 50 ms. */
const downloadPack = (token, pid) => new Promise((resolve, reject) => {
  const before = rssMb(pid);
  let peak = before;
  let peakBeforeFirstByte = before;
  const sampler = setInterval(() => {
    const value = rssMb(pid);
    peak = Math.max(peak, value);
    if (firstByte === null) peakBeforeFirstByte = Math.max(peakBeforeFirstByte, value);
  }, 50);
  const started = process.hrtime.bigint();
  let firstByte = null;
  let bytes = 0;
  http.get(`http://127.0.0.1:${PORT}/kerjasama/accreditation/evidence-pack?code=${PACK_CODE}&year=${THIS_YEAR}`, { headers: { Authorization: `Bearer ${token}` } }, (response) => {
    if (response.statusCode !== 200) reject(new Error(`pack: ${response.statusCode}`));
    response.on('data', (chunk) => {
      if (firstByte === null) firstByte = Number(process.hrtime.bigint() - started) / 1e9;
      bytes += chunk.length;
    });
    response.on('end', () => {
      clearInterval(sampler);
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, firstByte, bytes, before, peakBeforeFirstByte, peak: Math.max(peak, rssMb(pid)) });
    });
    response.on('error', reject);
  }).on('error', reject);
});

/** Reads the pack's files once from disk, one after the other, as the server does: the disk speed. */
const readFiles = async () => {
  const started = process.hrtime.bigint();
  let bytes = 0;
  for (let i = 0; i < PACK_FILES; i += 1) {
    for await (const chunk of fs.createReadStream(path.join(FILES_DIR, `bukti-${i}.bin`))) bytes += chunk.length;
  }
  return { bytes, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
};

const main = async () => {
  compileServer(DIST, log);
  ensureFiles();
  const unit = await seed();
  log('starting the production server');
  const server = startServer({ dist: DIST, env: env(), logFile: path.join(ROOT, '.tmp', 'bench-accreditation-strapi.log') });
  const stop = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
    fs.rmSync(UPLOAD_LINK, { force: true });
  };
  process.on('exit', stop);
  try {
    // /admin/init answers 200 once the server is up (the public directory is not part of this bench).
    await waitFor(`http://127.0.0.1:${PORT}/admin/init`, 240);
    const login = await fetch(`http://127.0.0.1:${PORT}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
    const token = (await login.json()).data.token;
    log(`LKPS Table 1 of ${unit.code}`);
    const lkps = await measure(`/kerjasama/accreditation/lkps?unit=${unit.documentId}&year=${THIS_YEAR}`, token);
    log('IKU 6');
    const iku6 = await measure(`/kerjasama/accreditation/iku6?year=${THIS_YEAR}`, token);
    log('evidence pack (index listing first, then the ZIP)');
    const listing = (await (await get(`/kerjasama/accreditation/evidence-pack/index?code=${PACK_CODE}&year=${THIS_YEAR}`, token)).json()).data;
    const disk = await readFiles();
    const pack = await downloadPack(token, server.pid);
    const mb = (bytes) => bytes / 1024 / 1024;
    const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const verdict = (ok) => (ok ? 'met' : 'MISSED');
    console.log(`\nAccreditation on PostgreSQL (${DB_NAME}): ${REPORTS} activity reports (+ bench:planning's 100,000 agreements, 300,000 monitoring records), year ${THIS_YEAR}; load average ${load}\n`);
    console.log('| measure | figure | goal | |');
    console.log('|---|---|---|---|');
    console.log(`| LKPS Table 1, ${unit.code}, ${THIS_YEAR - 2}–${THIS_YEAR} (${lkps.last.total} rows), ${CALLS} calls | p50 ${lkps.p50.toFixed(0)} ms, p95 ${lkps.p95.toFixed(0)} ms | ≤ 1000 ms | ${verdict(lkps.p95 <= 1000)} |`);
    console.log(`| IKU 6, ${iku6.last.studyPrograms} study programs (${iku6.last.met} meet it, ${iku6.last.percentage} %), ${CALLS} calls | p50 ${iku6.p50.toFixed(0)} ms, p95 ${iku6.p95.toFixed(0)} ms | ≤ 1000 ms | ${verdict(iku6.p95 <= 1000)} |`);
    console.log(`| evidence pack ${PACK_CODE}: ${listing.rows.length} records, ${listing.rows.reduce((n, row) => n + row.files.length, 0)} files, ZIP ${mb(pack.bytes).toFixed(0)} MB | ${pack.seconds.toFixed(1)} s, ${(mb(pack.bytes) / pack.seconds).toFixed(0)} MB/s (first byte after ${pack.firstByte.toFixed(1)} s) | disk speed: ${(mb(disk.bytes) / disk.seconds).toFixed(0)} MB/s reading the same files | ${verdict(mb(pack.bytes) / pack.seconds >= 0.5 * (mb(disk.bytes) / disk.seconds))} (≥ half) |`);
    console.log(`| server RSS during the pack | ${pack.before.toFixed(0)} → peak ${pack.peak.toFixed(0)} MB (+${(pack.peak - pack.before).toFixed(0)} MB; +${(pack.peakBeforeFirstByte - pack.before).toFixed(0)} MB before the first byte, while the records are read and the index rendered) | growth ≤ 64 MB | ${verdict(pack.peak - pack.before <= 64)} |`);
  } finally {
    stop();
  }
  process.exit(0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
