#!/usr/bin/env node
/**
 * node scripts/time-forgot-password.js — does POST /api/auth/forgot-password answer in the same
 * time for an address with an account and one without? (Issue 16: it used to answer about five
 * times slower for existing accounts, which tells an outsider who has one.)
 *
 * Boots the compiled project (KERJASAMA_DIST_DIR, default dist/; `npm run compile` first) on a
 * fresh SQLite file with e-mail going to a temporary outbox, creates FORGOT_CALLS unit accounts,
 * then sends FORGOT_CALLS requests for existing and FORGOT_CALLS for unknown addresses,
 * interleaved (each address once: the route's rate limit counts per address), FORGOT_GAP_MS
 * apart (default 300: the mail work that now follows an answer is over before the next request),
 * and prints the median, p90 and mean answer time of each kind and their ratio.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const CALLS = Number(process.env.FORGOT_CALLS || 40);
const GAP_MS = Number(process.env.FORGOT_GAP_MS ?? 300);
const pause = () => new Promise((resolve) => setTimeout(resolve, GAP_MS));
const isClient = process.argv[2] === 'client';
const work = isClient ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'kerjasama-forgot-'));
if (!isClient) Object.assign(process.env, {
  NODE_ENV: 'test',
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: path.join(work, 'data.db'),
  EMAIL_OUTBOX_DIR: path.join(work, 'outbox'),
  SMTP_HOST: '',
  SEED_DEMO: 'false',
  CRON_ENABLED: 'false',
  STRAPI_TELEMETRY_DISABLED: 'true',
  STRAPI_STARTUP_BANNER: 'false',
  STRAPI_LOG_LEVEL: 'error',
});

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p90: at(0.9), mean: values.reduce((sum, v) => sum + v, 0) / values.length };
};
const ms = (value) => `${value.toFixed(1)} ms`;

const main = async () => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: ROOT, distDir: process.env.KERJASAMA_DIST_DIR || path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  await strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
  try {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'unit' } });
    for (let i = 0; i < CALLS + 2; i += 1) {
      const email = `ada-${i}@unit.test`;
      await strapi.plugin('users-permissions').service('user').add({ username: email, email, provider: 'local', password: 'Waktu-Passw0rd!', confirmed: true, blocked: false, role: role.id });
    }
    // The requests come from another process, as an outsider's would: in this process the
    // client would share the event loop with the mail work that follows each answer.
    const child = require('child_process').fork(__filename, ['client', base], { env: process.env });
    const [results] = await require('events').once(child, 'message');
    await require('events').once(child, 'exit');
    const a = stats(results.existing);
    const b = stats(results.unknown);
    console.log(`forgot-password, ${CALLS} calls each, ${GAP_MS} ms apart (dist: ${process.env.KERJASAMA_DIST_DIR || 'dist'})`);
    console.log(`  existing account: median ${ms(a.median)}, p90 ${ms(a.p90)}, mean ${ms(a.mean)}`);
    console.log(`  no account:       median ${ms(b.median)}, p90 ${ms(b.p90)}, mean ${ms(b.mean)}`);
    console.log(`  ratio of medians: ${(a.median / b.median).toFixed(2)}, of means: ${(a.mean / b.mean).toFixed(2)}`);
  } finally {
    await strapi.destroy();
    fs.rmSync(work, { recursive: true, force: true });
  }
};

const client = async (base) => {
    const ask = async (email) => {
      const started = process.hrtime.bigint();
      const response = await fetch(`${base}/api/auth/forgot-password`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email }) });
      await response.text();
      if (response.status !== 200) throw new Error(`${email}: ${response.status}`);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    // Warm-up, one of each.
    await ask(`ada-${CALLS}@unit.test`);
    await ask('warm-up@tidak-ada.test');
    const existing = [];
    const unknown = [];
    for (let i = 0; i < CALLS; i += 1) {
      // Alternating which kind goes first, so neither always follows the other.
      const pair = [async () => existing.push(await ask(`ada-${i}@unit.test`)), async () => unknown.push(await ask(`tidak-ada-${i}@unit.test`))];
      for (const call of i % 2 === 0 ? pair : pair.reverse()) {
        await call();
        await pause();
      }
    }
    process.send({ existing, unknown });
};

(isClient ? client(process.argv[3]) : main()).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
