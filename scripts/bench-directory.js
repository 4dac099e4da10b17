#!/usr/bin/env node
/**
 * npm run bench:directory — the public directory against stock Strapi and nginx, interleaved.
 *
 *  1. compiles the server into .tmp/dist-bench (or, with BENCH_FULL_BUILD=1, runs `npm run build`
 *     and uses dist/),
 *  2. seeds 1,000 listed partners into its own SQLite database, through the Document Service
 *     inside a booted Strapi (each partner approved and given an active agreement, so the
 *     workflow publishes it), and creates a read-only API token for the stock endpoint,
 *  3. starts Strapi with NODE_ENV=production on port 1341 and nginx on 1349,
 *  4. runs wrk (64 connections) in rounds: (a) GET /api/directory, (b) stock
 *     GET /api/partners?pagination[pageSize]=100 with the same fields, (c) nginx serving the
 *     identical bytes of (a) from a file; and prints req/s, p50, p99, errors and the ratios.
 *
 * Environment: BENCH_DURATION (seconds per run, default 10), BENCH_ROUNDS (default 3),
 * BENCH_PARTNERS (default 1000), BENCH_CONNECTIONS (default 64), BENCH_THREADS (default 2).
 */
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, '.tmp', 'bench-directory');
const STRAPI_PORT = 1341;
const NGINX_PORT = 1349;
const DURATION = Number(process.env.BENCH_DURATION || 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const PARTNERS = Number(process.env.BENCH_PARTNERS || 1000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 64);
const THREADS = Number(process.env.BENCH_THREADS || 2);
const FULL_BUILD = process.env.BENCH_FULL_BUILD === '1';
const DIST = FULL_BUILD ? path.join(ROOT, 'dist') : path.join(ROOT, '.tmp', 'dist-bench');
const DB_FILE = path.join(WORK, 'bench.db');
const TOKEN_FILE = path.join(WORK, 'token.txt');

const baseEnv = {
  ...process.env,
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: DB_FILE,
  STRAPI_TELEMETRY_DISABLED: 'true',
  CRON_ENABLED: 'false',
  // The kerjasama plugin loads its compiled server half from here (plugins/kerjasama/strapi-server.js).
  KERJASAMA_DIST_DIR: DIST,
  SEED_DEMO: 'false',
  HOST: '127.0.0.1',
  PORT: String(STRAPI_PORT),
};

/** The V8 flags `npm start` runs the production server with (package.json), so (a) is measured as deployed. */
const PRODUCTION_NODE_FLAGS = require('../package.json').scripts.start.match(/--[\w-]+=\S+/g) ?? [];

const log = (message) => process.stderr.write(`[bench] ${message}\n`);

// ---------------------------------------------------------------- seeding (child process mode)

const COUNTRIES = ['ID', 'ID', 'ID', 'ID', 'SG', 'MY', 'JP', 'KR', 'CN', 'DE', 'NL', 'AU', 'TW', 'TH', 'VN', 'FR', 'GB', 'US'];
const LEVELS = ['local_regional', 'national', 'international'];
const TYPES = ['industry', 'state_enterprise', 'government', 'university', 'school', 'association', 'msme', 'research_institute'];

const seed = async () => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: ROOT, distDir: DIST, autoReload: false, serveAdminPanel: false }).load();
  const { runAsSystem } = require(path.join(DIST, 'src/workflow/write-context'));
  const create = (uid, data) => runAsSystem('bench-seed', () => strapi.documents(uid).create({ data }));
  const units = [];
  const types = [];
  for (let i = 0; i < 12; i += 1) {
    units.push(await create('api::unit.unit', { code: `B-U${i}`, name: `Jurusan Bench ${i}`, nameEn: `Bench department ${i}`, kind: 'department' }));
    types.push(await create('api::cooperation-type.cooperation-type', { code: `B-T${i}`, name: `Jenis kerjasama ${i}`, nameEn: `Cooperation type ${i}`, tridharma: 'education' }));
  }
  const started = Date.now();
  for (let i = 0; i < PARTNERS; i += 1) {
    const country = COUNTRIES[i % COUNTRIES.length];
    const partner = await create('api::partner.partner', {
      name: `Mitra Kerjasama Bench ${String(i).padStart(4, '0')} ${country === 'ID' ? 'Indonesia' : 'International'}`,
      institutionType: TYPES[i % TYPES.length],
      level: country === 'ID' ? LEVELS[i % 2] : 'international',
      country,
      city: `Kota ${i % 50}`,
      website: `https://mitra-${i}.example.com`,
      publicDescription: `Mitra ${i} bekerja sama dengan Politeknik Negeri Batam dalam magang, riset terapan dan pengembangan kurikulum bersama industri.`,
      internalNotes: 'private note, never public',
      workflowState: 'approved',
    });
    // The active agreement makes the approved partner listed: the workflow publishes it.
    await create('api::agreement.agreement', {
      kind: 'mou',
      ourNumber: `BENCH/${i}`,
      title: `MoU bench ${i}`,
      partner: partner.documentId,
      signedDate: `${2015 + (i % 10)}-03-01`,
      startDate: `${2015 + (i % 10)}-03-01`,
      endDate: '2099-12-31',
      cooperationTypes: [types[i % types.length].documentId, types[(i + 5) % types.length].documentId],
      units: [units[i % units.length].documentId],
      value: 1000000 + i,
    });
    if ((i + 1) % 100 === 0) log(`seeded ${i + 1}/${PARTNERS} partners (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  const token = await strapi.service('admin::api-token').create({ name: 'bench read-only', type: 'read-only', lifespan: null, kind: 'content-api' });
  fs.writeFileSync(TOKEN_FILE, token.accessKey);
  const listed = await strapi.db.query('api::partner.partner').count({ where: { publishedAt: { $notNull: true } } });
  log(`listed partners: ${listed}`);
  await strapi.destroy();
  process.exit(listed >= PARTNERS ? 0 : 1);
};

// ---------------------------------------------------------------- orchestration

const run = (command, args, options = {}) => execFileSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });

const fetchRaw = (url, headers = {}) =>
  new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });

const waitFor = async (url, seconds) => {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      const response = await fetchRaw(url);
      if (response.status === 200) return response;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer 200 within ${seconds} s`);
};

const toMs = (value, unit) => Number(value) * ({ us: 0.001, ms: 1, s: 1000, m: 60000 }[unit] ?? 1);

const wrk = (url, headers = []) => {
  const args = ['-t', String(THREADS), '-c', String(CONNECTIONS), '-d', `${DURATION}s`, '--timeout', '30s', '--latency'];
  for (const header of headers) args.push('-H', header);
  args.push(url);
  const output = execFileSync('wrk', args, { encoding: 'utf8' });
  const number = (regex) => {
    const match = output.match(regex);
    return match ? match : null;
  };
  const rps = Number(number(/Requests\/sec:\s+([\d.]+)/)[1]);
  const p50 = number(/\s50%\s+([\d.]+)(us|ms|s|m)/);
  const p99 = number(/\s99%\s+([\d.]+)(us|ms|s|m)/);
  const requests = Number(number(/(\d+) requests in/)[1]);
  const socket = number(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const non2xx = number(/Non-2xx or 3xx responses: (\d+)/);
  const errors = (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0) + (non2xx ? Number(non2xx[1]) : 0);
  return { rps, p50: toMs(p50[1], p50[2]), p99: toMs(p99[1], p99[2]), requests, errors };
};

const nginxConfig = (root) => `
worker_processes auto;
pid ${WORK}/nginx.pid;
error_log ${WORK}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${WORK}/nginx-body;
  proxy_temp_path ${WORK}/nginx-proxy;
  fastcgi_temp_path ${WORK}/nginx-fastcgi;
  uwsgi_temp_path ${WORK}/nginx-uwsgi;
  scgi_temp_path ${WORK}/nginx-scgi;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:${NGINX_PORT};
    root ${root};
    location = /directory.json { default_type application/json; }
  }
}
`;

const main = async () => {
  // BENCH_REUSE=1 keeps the seeded database of the previous run (for repeated measurements).
  const reuse = process.env.BENCH_REUSE === '1' && fs.existsSync(DB_FILE) && fs.existsSync(TOKEN_FILE);
  if (!reuse) fs.rmSync(WORK, { recursive: true, force: true });
  fs.rmSync(path.join(WORK, 'www'), { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  for (const tool of ['wrk', 'nginx']) {
    try {
      execFileSync('which', [tool], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} is missing: apt-get install -y wrk nginx`);
    }
  }

  if (FULL_BUILD) {
    log('npm run build');
    run('npm', ['run', 'build']);
  } else {
    log(`compiling the server into ${path.relative(ROOT, DIST)}`);
    try {
      run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', DIST, '--incremental', 'false', '--noEmitOnError', 'false'], { stdio: 'ignore' });
    } catch {
      log('the project has type errors (npm run typecheck shows them); benchmarking what compiled');
    }
  }

  if (!reuse) {
    log(`seeding ${PARTNERS} listed partners through the Document Service`);
    run(process.execPath, [__filename, '--seed'], { env: { ...baseEnv, NODE_ENV: 'production', STRAPI_LOG_LEVEL: 'warn' } });
  }
  const token = fs.readFileSync(TOKEN_FILE, 'utf8').trim();

  log(`starting Strapi (NODE_ENV=production, node ${PRODUCTION_NODE_FLAGS.join(' ')})`);
  const server = spawn(
    process.execPath,
    [...PRODUCTION_NODE_FLAGS, '-e', `require('@strapi/strapi').createStrapi({ appDir: ${JSON.stringify(ROOT)}, distDir: ${JSON.stringify(DIST)}, autoReload: false, serveAdminPanel: ${FULL_BUILD} }).start()`],
    { cwd: ROOT, env: { ...baseEnv, NODE_ENV: 'production' }, stdio: ['ignore', fs.openSync(path.join(WORK, 'strapi.log'), 'w'), fs.openSync(path.join(WORK, 'strapi.log'), 'a')] },
  );
  let nginx;
  const stop = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
    if (nginx && nginx.exitCode === null) nginx.kill('SIGTERM');
  };
  process.on('exit', stop);
  try {
    const a = `http://127.0.0.1:${STRAPI_PORT}/api/directory`;
    const first = await waitFor(a, 180);
    fs.mkdirSync(path.join(WORK, 'www'));
    fs.writeFileSync(path.join(WORK, 'www', 'directory.json'), first.body);
    fs.writeFileSync(path.join(WORK, 'nginx.conf'), nginxConfig(path.join(WORK, 'www')));
    nginx = spawn('nginx', ['-c', path.join(WORK, 'nginx.conf'), '-p', WORK, '-g', 'daemon off;'], { stdio: 'inherit' });
    const c = `http://127.0.0.1:${NGINX_PORT}/directory.json`;
    const fromNginx = await waitFor(c, 20);
    if (!fromNginx.body.equals(first.body)) throw new Error('nginx does not serve the bytes of (a)');

    const fields = ['name', 'institutionType', 'level', 'country', 'city', 'website', 'publicDescription'];
    const b = `http://127.0.0.1:${STRAPI_PORT}/api/partners?pagination[pageSize]=100&${fields.map((field, i) => `fields[${i}]=${field}`).join('&')}&populate[logo][fields][0]=url`;
    const auth = [`Authorization: Bearer ${token}`];
    const stock = await fetchRaw(b, { Authorization: `Bearer ${token}` });
    if (stock.status !== 200) throw new Error(`stock endpoint answered ${stock.status}: ${stock.body.toString().slice(0, 200)}`);
    const listing = JSON.parse(first.body.toString('utf8'));
    log(`(a) ${listing.data.length} partners, ${first.body.length} bytes; (b) ${JSON.parse(stock.body.toString()).data.length} per page, ${stock.body.length} bytes`);

    // The same load as the measured runs, so JIT compilation and the first connections of a fresh
    // process are not counted against either side.
    log('warm-up');
    for (const url of [a, c]) execFileSync('wrk', ['-t', String(THREADS), '-c', String(CONNECTIONS), '-d', `${Math.min(5, DURATION)}s`, url], { stdio: 'ignore' });

    const results = { a: [], b: [], c: [] };
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const [name, url, headers] of [['a', a, []], ['b', b, auth], ['c', c, []]]) {
        log(`round ${round}/${ROUNDS}: (${name})`);
        results[name].push(wrk(url, headers));
      }
    }

    const summary = (runs) => {
      const requests = runs.reduce((sum, r) => sum + r.requests, 0);
      const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
      return {
        rps: runs.reduce((sum, r) => sum + r.rps, 0) / runs.length,
        p50: median(runs.map((r) => r.p50)),
        p99: Math.max(...runs.map((r) => r.p99)),
        errors: runs.reduce((sum, r) => sum + r.errors, 0),
        requests,
      };
    };
    const rows = [
      ['(a) GET /api/directory', summary(results.a)],
      ['(b) stock GET /api/partners?pagination[pageSize]=100', summary(results.b)],
      ['(c) nginx, same bytes as (a)', summary(results.c)],
    ];
    const pad = (text, width) => String(text).padEnd(width);
    const lines = [
      '',
      `Public directory benchmark: ${listing.data.length} listed partners, ${first.body.length} bytes, wrk ${THREADS} threads / ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds x ${DURATION} s`,
      '',
      `| ${pad('endpoint', 52)} | ${pad('req/s', 9)} | ${pad('p50 ms', 8)} | ${pad('p99 ms', 8)} | ${pad('errors', 6)} |`,
      `|${'-'.repeat(54)}|${'-'.repeat(11)}|${'-'.repeat(10)}|${'-'.repeat(10)}|${'-'.repeat(8)}|`,
      ...rows.map(([name, s]) => `| ${pad(name, 52)} | ${pad(s.rps.toFixed(0), 9)} | ${pad(s.p50.toFixed(2), 8)} | ${pad(s.p99.toFixed(2), 8)} | ${pad(s.errors, 6)} |`),
      '',
      `per round req/s: ${['a', 'b', 'c'].map((name) => `${name} = ${results[name].map((r) => r.rps.toFixed(0)).join(', ')}`).join('; ')}`,
      `per round p99 ms: ${['a', 'b', 'c'].map((name) => `${name} = ${results[name].map((r) => r.p99.toFixed(1)).join(', ')}`).join('; ')}`,
      `a/b = ${(rows[0][1].rps / rows[1][1].rps).toFixed(1)}x    a/c = ${(rows[0][1].rps / rows[2][1].rps).toFixed(2)} (goal >= 0.5)    p99(a) = ${rows[0][1].p99.toFixed(1)} ms (goal <= 50)    errors(a) = ${rows[0][1].errors} (goal 0)`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    stop();
  }
};

if (process.argv.includes('--seed')) {
  seed().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
