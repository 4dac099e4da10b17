#!/usr/bin/env node
/**
 * node scripts/develop-stays-up.js — does `strapi develop` stay up while the system writes an
 * e-mail? (Issue 14: the outbox lay in the project root, the dev watcher saw each new `.eml` and
 * restarted the server for ~50 s.)
 *
 * Too slow for the CI suite (a `strapi develop` boot with its TypeScript compile takes 1-2 min on
 * two cores), so a script: it copies the project's sources to a scratch folder in the home
 * directory (not under /tmp, which the watcher ignores altogether; node_modules
 * linked; `strapi develop` cleans and recompiles its dist/, which must not be the shared one),
 * starts `strapi develop --no-build-admin --no-watch-admin` there on a fresh SQLite file with
 * the default outbox (no SMTP), logs in as the first admin (printed by the boot), creates a unit account (one e-mail
 * written), then for DEVELOP_WATCH_MS (default 15000) asks /_health every 250 ms. It fails
 * (exit code 1) when the log shows the watcher reacting ("File created", "Restarting") or a
 * request goes unanswered, and prints what it saw.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execSync, spawn } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const PORT = Number(process.env.DEVELOP_PORT || 1399);
const WATCH_MS = Number(process.env.DEVELOP_WATCH_MS || 15000);
const BASE = `http://127.0.0.1:${PORT}`;
// Not under /tmp: Strapi's watcher ignores every path matching /tmp/, which would hide a restart.
const work = fs.mkdtempSync(path.join(process.env.DEVELOP_WORK_DIR || os.homedir(), 'kerjasama-develop-'));
if (/tmp/.test(work)) throw new Error(`${work}: the watcher ignores paths with "tmp"; set DEVELOP_WORK_DIR elsewhere`);

const ENTRIES = ['config', 'src', 'plugins', 'database', 'public', 'templates', 'package.json', 'tsconfig.json'];
if (process.env.DEVELOP_REF) {
  // DEVELOP_REF=HEAD: the committed files of that revision instead of the working tree.
  execSync(`git archive ${process.env.DEVELOP_REF} ${ENTRIES.join(' ')} | tar -x -C ${work}`, { cwd: ROOT, stdio: 'inherit' });
  fs.cpSync(path.join(ROOT, 'public'), path.join(work, 'public'), { recursive: true, force: false, filter: (source) => !source.startsWith(path.join(ROOT, 'public', 'uploads', path.sep)) });
} else {
  for (const entry of ENTRIES) {
    fs.cpSync(path.join(ROOT, entry), path.join(work, entry), {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}node_modules`) && !source.startsWith(path.join(ROOT, 'public', 'uploads', path.sep)),
    });
  }
}
fs.mkdirSync(path.join(work, 'public', 'uploads'), { recursive: true });
// DEVELOP_OUTBOX_DIR: an outbox folder the watcher would see (e.g. `outbox`, the old place);
// DEVELOP_WITHOUT_IGNORE=1 drops watchIgnoreFiles from the copy (shows that the check fails then).
const OUTBOX = process.env.DEVELOP_OUTBOX_DIR || path.join('.tmp', 'outbox');
if (process.env.DEVELOP_WITHOUT_IGNORE === '1') {
  const admin = path.join(work, 'config', 'admin.ts');
  fs.writeFileSync(admin, fs.readFileSync(admin, 'utf8').replace(/^(\s*)watchIgnoreFiles:.*$/m, '$1watchIgnoreFiles: [outboxDirectory].filter(() => false) as never,'));
}
fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let log = '';
const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'develop', '--no-build-admin', '--no-watch-admin'], {
  cwd: work,
  env: {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !['EMAIL_OUTBOX_DIR', 'SMTP_HOST', 'DATABASE_URL'].includes(key))),
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(PORT),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(work, '.tmp', 'data.db'),
    CRON_ENABLED: 'false',
    ...(process.env.DEVELOP_OUTBOX_DIR ? { EMAIL_OUTBOX_DIR: process.env.DEVELOP_OUTBOX_DIR } : {}),
    STRAPI_TELEMETRY_DISABLED: 'true',
  },
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
});
child.stdout.on('data', (chunk) => { log += chunk; });
child.stderr.on('data', (chunk) => { log += chunk; });

const ask = async (route, init = {}) => {
  const response = await fetch(`${BASE}${route}`, { ...init, headers: { 'Content-Type': 'application/json', ...(init.headers || {}) } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
};

const waitUp = async (limitMs) => {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || /\[ERROR\]/.test(log)) throw new Error('strapi develop failed to start');
    try {
      if ((await fetch(`${BASE}/_health`)).status === 204) return;
    } catch { /* not listening yet */ }
    await sleep(500);
  }
  throw new Error(`strapi develop did not answer within ${limitMs} ms`);
};

const main = async () => {
  const started = Date.now();
  await waitUp(Number(process.env.DEVELOP_BOOT_MS || 300000));
  console.log(`strapi develop up after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  // The boot creates the first admin account and prints its password once (src/bootstrap).
  const printed = /Email:\s+(\S+)\s+Password:\s+(\S+)/.exec(log);
  if (!printed) throw new Error('the first admin account was not printed');
  const login = await ask('/admin/login', { method: 'POST', body: JSON.stringify({ email: printed[1], password: printed[2] }) });
  if (login.status !== 200) throw new Error(`admin login: ${login.status} ${JSON.stringify(login.body)}`);
  const auth = { Authorization: `Bearer ${login.body.data.token}` };
  const units = await ask('/content-manager/collection-types/api::unit.unit?page=1&pageSize=1', { headers: auth });
  const unit = units.body?.results?.[0];
  if (!unit) throw new Error(`no unit to attach the account to: ${units.status} ${JSON.stringify(units.body)}`);

  const logBefore = log.length;
  const created = await ask('/kerjasama/unit-accounts', { method: 'POST', headers: auth, body: JSON.stringify({ email: 'unit.baru@polibatam.test', unit: unit.documentId }) });
  if (created.status !== 201) throw new Error(`unit account: ${created.status} ${JSON.stringify(created.body)}`);
  const outbox = path.join(work, OUTBOX);
  const written = fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((name) => name.endsWith('.eml')) : [];
  if (!written.length) throw new Error(`no e-mail in ${outbox}`);
  console.log(`unit account created, ${written.length} e-mail written to ${OUTBOX}`);

  let answered = 0;
  const failures = [];
  const until = Date.now() + WATCH_MS;
  while (Date.now() < until) {
    try {
      const status = (await fetch(`${BASE}/_health`, { signal: AbortSignal.timeout(2000) })).status;
      if (status === 204) answered += 1;
      else failures.push(`status ${status}`);
    } catch (error) {
      failures.push(error.cause?.code || error.name);
    }
    await sleep(250);
  }
  const after = log.slice(logBefore);
  const restarted = /File created|File changed|Restarting/i.test(after);
  console.log(`${answered} health checks answered in ${WATCH_MS} ms, ${failures.length} unanswered${failures.length ? ` (${[...new Set(failures)].join(', ')})` : ''}`);
  console.log(restarted ? `the watcher reacted:\n${after}` : 'no restart in the log');
  if (restarted || failures.length || !answered) process.exitCode = 1;
};

main()
  .catch((error) => {
    console.error(error.message);
    console.error(`--- strapi develop log ---\n${log.slice(-4000)}`);
    process.exitCode = 1;
  })
  .finally(() => {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      fs.rmSync(work, { recursive: true, force: true });
    }, 3000);
  });
