#!/usr/bin/env node
/**
 * npm run bench:boot — how fast Kerjasama starts and how much memory it holds idle, beside a bare
 * Strapi 5.54 app measured in the same run, in production mode (NODE_ENV=production, compiled).
 *
 *  1. compiles the server into .tmp/bench-boot/dist,
 *  2. writes a bare Strapi project (the same @strapi/strapi and users-permissions from our
 *     node_modules, SQLite, no content types, empty register/bootstrap) into .tmp/bench-boot/bare,
 *  3. for each of BENCH_BOOT_RUNS runs (default 3), on a new empty SQLite file each time:
 *     - bare: first boot (empty database) and a later boot (the same database),
 *     - ours: first boot with the demo seed (SEED_DEMO=true, empty database) and a later boot,
 *     each a process of its own started as `npm start` starts it (same V8 flags), timed from
 *     the spawn to the first answer of GET /_health, then left idle BENCH_IDLE_SECONDS (default 5)
 *     and its RSS read from /proc,
 *  4. prints the medians beside the goals (later boot ≤ 1.5× bare, first boot with the demo
 *     ≤ 3× bare, idle RSS ≤ 1.3× bare), and with KERJASAMA_BOOT_TIMING=1 (always on here) the
 *     time our bootstrap steps took (src/index.ts logs them) in the later boot.
 *
 * Neither app serves the admin panel (the bare one has no build): what is compared is the server.
 * Environment: BENCH_BOOT_RUNS, BENCH_IDLE_SECONDS, BENCH_BOOT_PORT (default 1363), BENCH_BOOT_NO_COMPILE=1.
 */
const fs = require('fs');
const path = require('path');
const { benchSecrets, compileServer, fetchRaw, log: logger, rssMb, startServer, PRODUCTION_NODE_FLAGS } = require('./lib/harness');
const { spawn } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, '.tmp', 'bench-boot');
const DIST = path.join(WORK, 'dist');
const BARE = path.join(WORK, 'bare');
const RUNS = Number(process.env.BENCH_BOOT_RUNS || 3);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS || 5);
const PORT = Number(process.env.BENCH_BOOT_PORT || 1363);
const log = logger('bench:boot');

/** The bare project: what `npx create-strapi-app` gives, minus the example content, in plain JS. */
const writeBareProject = () => {
  fs.rmSync(BARE, { recursive: true, force: true });
  const files = {
    'package.json': JSON.stringify({ name: 'bare-strapi', private: true, version: '0.0.0', dependencies: { '@strapi/strapi': '5.54.0', '@strapi/plugin-users-permissions': '5.54.0', 'better-sqlite3': '12.9.0' } }, null, 2),
    'config/server.js': "module.exports = ({ env }) => ({ host: env('HOST', '127.0.0.1'), port: env.int('PORT', 1337), app: { keys: env.array('APP_KEYS') }, logger: { updates: { enabled: false }, startup: { enabled: false } } });\n",
    'config/admin.js': "module.exports = ({ env }) => ({ auth: { secret: env('ADMIN_JWT_SECRET') }, apiToken: { salt: env('API_TOKEN_SALT') }, transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } }, secrets: { encryptionKey: env('ENCRYPTION_KEY') } });\n",
    'config/database.js': "const path = require('path');\nmodule.exports = ({ env }) => ({ connection: { client: 'sqlite', connection: { filename: path.resolve(__dirname, '..', env('DATABASE_FILENAME', '.tmp/data.db')) }, useNullAsDefault: true } });\n",
    'config/middlewares.js': "module.exports = ['strapi::logger', 'strapi::errors', 'strapi::security', 'strapi::cors', 'strapi::poweredBy', 'strapi::query', 'strapi::body', 'strapi::session', 'strapi::favicon', 'strapi::public'];\n",
    'config/plugins.js': 'module.exports = () => ({});\n',
    'config/api.js': "module.exports = { rest: { defaultLimit: 25, maxLimit: 100, withCount: true } };\n",
    'src/index.js': 'module.exports = { register() {}, bootstrap() {} };\n',
    'public/robots.txt': '',
    'public/uploads/.gitkeep': '',
  };
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(BARE, file)), { recursive: true });
    fs.writeFileSync(path.join(BARE, file), content);
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(BARE, 'node_modules'), 'dir');
};

const startBare = ({ env, logFile }) => {
  const out = fs.openSync(logFile, 'w');
  return spawn(
    process.execPath,
    [...PRODUCTION_NODE_FLAGS, '-e', `require('@strapi/strapi').createStrapi({ appDir: ${JSON.stringify(BARE)}, distDir: ${JSON.stringify(BARE)}, autoReload: false, serveAdminPanel: false }).start()`],
    { cwd: BARE, env: { ...env, NODE_ENV: 'production' }, stdio: ['ignore', out, out] },
  );
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spawn → first answer of /_health (204 or 200); then idle, RSS; then stop. */
const bootOnce = async (label, start, env) => {
  const logFile = path.join(WORK, `${label}.log`);
  const begun = process.hrtime.bigint();
  const child = start({ env, logFile });
  let exited = null;
  child.on('exit', (code) => {
    exited = code;
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited !== null) throw new Error(`${label} exited with ${exited}; see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`${label} did not answer /_health within 180 s`);
    try {
      const response = await fetchRaw(`http://127.0.0.1:${PORT}/_health`);
      if (response.status === 204 || response.status === 200) break;
    } catch {
      // not up yet
    }
    await sleep(50);
  }
  const seconds = Number(process.hrtime.bigint() - begun) / 1e9;
  await sleep(IDLE_SECONDS * 1000);
  const rss = rssMb(child.pid);
  child.kill('SIGTERM');
  await new Promise((resolve) => (exited !== null ? resolve() : child.on('exit', resolve)));
  const steps = [...fs.readFileSync(logFile, 'utf8').matchAll(/\[boot-timing\] (\S+) ([\d.]+) ms/g)].map((m) => [m[1], Number(m[2])]);
  log(`${label}: ${seconds.toFixed(2)} s to /_health, idle RSS ${rss.toFixed(0)} MB`);
  return { seconds, rss, steps };
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const main = async () => {
  fs.mkdirSync(WORK, { recursive: true });
  // BENCH_BOOT_NO_COMPILE=1 reuses the last compile (while profiling one change after another).
  if (process.env.BENCH_BOOT_NO_COMPILE !== '1' || !fs.existsSync(path.join(DIST, 'src', 'index.js'))) compileServer(DIST, log);
  writeBareProject();
  const base = {
    ...process.env,
    ...benchSecrets(),
    HOST: '127.0.0.1',
    PORT: String(PORT),
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_LOG_LEVEL: 'info',
    STRAPI_STARTUP_BANNER: 'false',
    CRON_ENABLED: 'false',
    DATABASE_CLIENT: 'sqlite',
    KERJASAMA_BOOT_TIMING: '1',
    PUBLIC_URL: `http://127.0.0.1:${PORT}`,
  };
  const results = { bareFirst: [], bareLater: [], oursFirst: [], oursLater: [] };
  for (let run = 0; run < RUNS; run += 1) {
    const bareDb = path.join(WORK, `bare-${run}.db`);
    const oursDb = path.join(WORK, `ours-${run}.db`);
    for (const file of [bareDb, oursDb]) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const bareEnv = { ...base, DATABASE_FILENAME: bareDb };
    const oursEnv = { ...base, DATABASE_FILENAME: oursDb, KERJASAMA_DIST_DIR: DIST };
    results.bareFirst.push(await bootOnce(`bare-first-${run}`, startBare, bareEnv));
    results.bareLater.push(await bootOnce(`bare-later-${run}`, startBare, bareEnv));
    results.oursFirst.push(await bootOnce(`ours-first-${run}`, ({ env, logFile }) => startServer({ dist: DIST, env, logFile }), { ...oursEnv, SEED_DEMO: 'true' }));
    results.oursLater.push(await bootOnce(`ours-later-${run}`, ({ env, logFile }) => startServer({ dist: DIST, env, logFile }), { ...oursEnv, SEED_DEMO: 'true' }));
  }
  const m = Object.fromEntries(Object.entries(results).map(([key, list]) => [key, { seconds: median(list.map((r) => r.seconds)), rss: median(list.map((r) => r.rss)) }]));
  const ratio = (a, b) => a / b;
  const verdict = (value, goal) => `${value.toFixed(2)}× (goal ≤ ${goal}×: ${value <= goal ? 'met' : 'MISSED'})`;
  console.log(`\nBoot in production mode (NODE_ENV=production, compiled, SQLite, no admin panel served), median of ${RUNS} runs, ${IDLE_SECONDS} s idle before RSS;`);
  console.log(`measured on this machine while other work may be running (see the load average: ${require('os').loadavg().map((l) => l.toFixed(1)).join(' ')}).\n`);
  console.log('| boot                         | to /_health | idle RSS |');
  console.log('|------------------------------|-------------|----------|');
  for (const [key, name] of [['bareFirst', 'bare Strapi, first (empty DB)'], ['bareLater', 'bare Strapi, later'], ['oursFirst', 'Kerjasama, first + demo seed'], ['oursLater', 'Kerjasama, later']]) {
    console.log(`| ${name.padEnd(28)} | ${`${m[key].seconds.toFixed(2)} s`.padStart(11)} | ${`${m[key].rss.toFixed(0)} MB`.padStart(8)} |`);
  }
  console.log('');
  console.log(`later boot / bare later boot:              ${verdict(ratio(m.oursLater.seconds, m.bareLater.seconds), 1.5)}`);
  console.log(`first boot with demo / bare later boot:    ${verdict(ratio(m.oursFirst.seconds, m.bareLater.seconds), 3)}`);
  console.log(`first boot with demo / bare first boot:    ${verdict(ratio(m.oursFirst.seconds, m.bareFirst.seconds), 3)}`);
  console.log(`idle RSS (later) / bare idle RSS (later):  ${verdict(ratio(m.oursLater.rss, m.bareLater.rss), 1.3)}`);
  const stepTable = (label, runs) => {
    const names = [...new Set(runs.flatMap((r) => r.steps.map(([name]) => name)))];
    if (!names.length) return;
    console.log(`\nOur bootstrap steps, ${label} (median ms, KERJASAMA_BOOT_TIMING=1):`);
    for (const name of names) console.log(`  ${name.padEnd(28)} ${median(runs.map((r) => r.steps.find(([n]) => n === name)?.[1] ?? 0)).toFixed(0).padStart(7)} ms`);
  };
  stepTable('first boot with the demo seed', results.oursFirst);
  stepTable('later boot', results.oursLater);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
