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
 *     identical bytes of (a) from a file; and prints req/s, p50, p99, errors and the ratios;
 *  5. in the same interleaved rounds, the requests the public page really sends, each with
 *     `Accept-Encoding: br, gzip` as browsers do, beside nginx serving the same bytes for the same
 *     request (nginx `etag on` answering 304 to its own validator): `?` (first load, empty query),
 *     a first filter, a second one added to it (as a person narrows the list), a search, and the
 *     revalidation of `?` with If-None-Match; it prints every pair;
 *  6. the server's RSS before any filtered request and after BENCH_FILL distinct filtered
 *     listings (the filter cache full).
 *
 * Environment: BENCH_DURATION (seconds per run, default 10), BENCH_ROUNDS (default 3),
 * sizes as arguments (default: npm run bench:directory runs 1000 then 10000 partners, each with its
 * own seeded database; npm run bench:directory -- 1000 runs one), BENCH_PARTNERS (one size),
 * BENCH_CONNECTIONS (default 64), BENCH_THREADS (default 2), BENCH_FILL (default 2000),
 * BENCH_SEED_ONLY=1 (compile and seed, then stop: seed ahead, measure later with BENCH_REUSE=1),
 * BENCH_DIST (compile folder, default .tmp/dist-bench).
 */
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const { PRODUCTION_NODE_FLAGS, runScriptStep, compileServer, fetchRaw, waitFor, seedListedPartners, startServer, benchSecrets, rssMb } = require('./lib/harness');

const ROOT = path.resolve(__dirname, '..');
// One seeded database per size, so both sizes can be kept (BENCH_REUSE=1).
const WORK = path.join(ROOT, '.tmp', `bench-directory-${process.env.BENCH_PARTNERS || 1000}`);
const STRAPI_PORT = 1341;
const NGINX_PORT = 1349;
const DURATION = Number(process.env.BENCH_DURATION || 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const PARTNERS = Number(process.env.BENCH_PARTNERS || 1000);
const FILL = Number(process.env.BENCH_FILL || 2000);
const SEED_ONLY = process.env.BENCH_SEED_ONLY === '1';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 64);
const THREADS = Number(process.env.BENCH_THREADS || 2);
const FULL_BUILD = process.env.BENCH_FULL_BUILD === '1';
const DIST = FULL_BUILD ? path.join(ROOT, 'dist') : process.env.BENCH_DIST || path.join(ROOT, '.tmp', 'dist-bench');
const DB_FILE = path.join(WORK, 'bench.db');
const TOKEN_FILE = path.join(WORK, 'token.txt');

const baseEnv = {
  ...process.env,
  ...benchSecrets(),
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

const log = (message) => process.stderr.write(`[bench] ${message}\n`);

// ---------------------------------------------------------------- seeding (child process mode)

const seed = async () => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: ROOT, distDir: DIST, autoReload: false, serveAdminPanel: false }).load();
  const listed = await seedListedPartners(strapi, DIST, { count: PARTNERS, say: log });
  const token = await strapi.service('admin::api-token').create({ name: 'bench read-only', type: 'read-only', lifespan: null, kind: 'content-api' });
  fs.writeFileSync(TOKEN_FILE, token.accessKey);
  log(`listed partners: ${listed}`);
  await strapi.destroy();
  process.exit(listed >= PARTNERS ? 0 : 1);
};

// ---------------------------------------------------------------- orchestration

const run = (command, args, options = {}) => execFileSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });

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

const nginxConfig = (root, pageFiles) => `
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
  # The page's requests: the same bytes Strapi sent for the same query string, br-encoded.
  map $args $page_file {
${pageFiles.map(([args, file]) => `    ${JSON.stringify(args)} ${file};`).join('\n')}
    default missing.json;
  }
  server {
    listen 127.0.0.1:${NGINX_PORT};
    root ${root};
    etag on;
    location = /directory.json { default_type application/json; }
    location = /api/directory {
      default_type application/json;
      add_header Content-Encoding br;
      add_header Vary Accept-Encoding;
      try_files /$page_file =404;
    }
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
    compileServer(DIST, log);
  }

  if (!reuse) {
    log(`seeding ${PARTNERS} listed partners through the Document Service`);
    run(process.execPath, [__filename, '--seed'], { env: { ...baseEnv, NODE_ENV: 'production', STRAPI_LOG_LEVEL: 'warn' } });
  }
  if (SEED_ONLY) return;
  const token = fs.readFileSync(TOKEN_FILE, 'utf8').trim();

  log(`starting Strapi (NODE_ENV=production, node ${PRODUCTION_NODE_FLAGS.join(' ')})`);
  const server = startServer({ dist: DIST, env: baseEnv, logFile: path.join(WORK, 'strapi.log'), serveAdminPanel: FULL_BUILD });
  let nginx;
  const stop = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
    if (nginx && nginx.exitCode === null) nginx.kill('SIGTERM');
  };
  process.on('exit', stop);
  try {
    const a = `http://127.0.0.1:${STRAPI_PORT}/api/directory`;
    const first = await waitFor(a, 180);
    const listing = JSON.parse(first.body.toString('utf8'));

    // The page's own requests (public/assets/directory.js), with the encodings a browser accepts.
    const browser = ['Accept-Encoding: br, gzip'];
    const headerObject = (lines) => Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
    const PAGE = [
      { name: '? (first load, empty query)', args: '' },
      { name: '?level=international (a filter)', args: 'level=international' },
      { name: '?level=international&institutionType=university', args: 'level=international&institutionType=university' },
      { name: '?q=indonesia (search)', args: 'q=indonesia' },
      { name: '? + If-None-Match (revalidation)', args: '', revalidate: true },
    ];
    const pageFiles = [];
    for (const [i, request] of PAGE.entries()) {
      const url = `http://127.0.0.1:${STRAPI_PORT}/api/directory?${request.args}`;
      const answer = await fetchRaw(url, headerObject(browser));
      if (answer.status !== 200 || answer.headers['content-encoding'] !== 'br') throw new Error(`${url} answered ${answer.status} ${answer.headers['content-encoding']}`);
      request.strapi = url;
      request.body = answer.body;
      request.headers = request.revalidate ? [...browser, `If-None-Match: ${answer.headers.etag}`] : browser;
      if (!request.revalidate) pageFiles.push([request.args, `page-${i}.json`]);
      request.file = request.revalidate ? 'page-0.json' : `page-${i}.json`;
    }

    fs.mkdirSync(path.join(WORK, 'www'));
    fs.writeFileSync(path.join(WORK, 'www', 'directory.json'), first.body);
    for (const request of PAGE) fs.writeFileSync(path.join(WORK, 'www', request.file), request.body);
    fs.writeFileSync(path.join(WORK, 'nginx.conf'), nginxConfig(path.join(WORK, 'www'), pageFiles));
    nginx = spawn('nginx', ['-c', path.join(WORK, 'nginx.conf'), '-p', WORK, '-g', 'daemon off;'], { stdio: 'inherit' });
    const c = `http://127.0.0.1:${NGINX_PORT}/directory.json`;
    const fromNginx = await waitFor(c, 20);
    if (!fromNginx.body.equals(first.body)) throw new Error('nginx does not serve the bytes of (a)');
    for (const request of PAGE) {
      request.nginx = `http://127.0.0.1:${NGINX_PORT}/api/directory?${request.args}`;
      const answer = await fetchRaw(request.nginx, headerObject(browser));
      if (!answer.body.equals(request.body)) throw new Error(`nginx does not serve Strapi's bytes for ${request.name}`);
      request.nginxHeaders = request.revalidate ? [...browser, `If-None-Match: ${answer.headers.etag}`] : browser;
    }
    // Both sides answer the revalidation with 304, each to its own validator.
    for (const [url, headers] of PAGE.filter((r) => r.revalidate).flatMap((r) => [[r.strapi, r.headers], [r.nginx, r.nginxHeaders]])) {
      const answer = await fetchRaw(url, headerObject(headers));
      if (answer.status !== 304) throw new Error(`${url} with If-None-Match answered ${answer.status}, not 304`);
    }

    const fields = ['name', 'institutionType', 'level', 'country', 'city', 'website', 'publicDescription'];
    const b = `http://127.0.0.1:${STRAPI_PORT}/api/partners?pagination[pageSize]=100&${fields.map((field, i) => `fields[${i}]=${field}`).join('&')}&populate[logo][fields][0]=url`;
    const auth = [`Authorization: Bearer ${token}`];
    const stock = await fetchRaw(b, { Authorization: `Bearer ${token}` });
    if (stock.status !== 200) throw new Error(`stock endpoint answered ${stock.status}: ${stock.body.toString().slice(0, 200)}`);
    log(`(a) ${listing.data.length} partners, ${first.body.length} bytes; (b) ${JSON.parse(stock.body.toString()).data.length} per page, ${stock.body.length} bytes; page requests ${PAGE.map((r) => `${r.body.length} B br`).join(', ')}`);

    // The same load as the measured runs, so JIT compilation and the first connections of a fresh
    // process are not counted against either side.
    log('warm-up');
    for (const url of [a, c]) execFileSync('wrk', ['-t', String(THREADS), '-c', String(CONNECTIONS), '-d', `${Math.min(5, DURATION)}s`, url], { stdio: 'ignore' });
    const rssUnfiltered = rssMb(server.pid);

    const runs = [['a', a, []], ['b', b, auth], ['c', c, []]];
    for (const [i, request] of PAGE.entries()) runs.push([`p${i}`, request.strapi, request.headers], [`n${i}`, request.nginx, request.nginxHeaders]);
    const results = Object.fromEntries(runs.map(([name]) => [name, []]));
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const [name, url, headers] of runs) {
        log(`round ${round}/${ROUNDS}: (${name})`);
        results[name].push(wrk(url, headers));
      }
    }

    // The filter cache filled with distinct listings (combinations of the page's filters).
    log(`filling the filter cache: ${FILL} distinct filtered listings`);
    const combos = [];
    for (const level of ['', 'national', 'international', 'local_regional']) {
      for (const type of ['', 'industry', 'state_enterprise', 'government', 'university', 'school', 'association', 'msme', 'research_institute']) {
        for (let unit = -1; unit < 12; unit += 1) {
          for (let coop = -1; coop < 12; coop += 1) {
            const params = new URLSearchParams();
            if (level) params.set('level', level);
            if (type) params.set('institutionType', type);
            if (unit >= 0) params.set('unit', `B-U${unit}`);
            if (coop >= 0) params.set('cooperationType', `B-T${coop}`);
            if ([...params.keys()].length) combos.push(params.toString());
          }
        }
      }
    }
    for (const args of combos.slice(0, FILL)) {
      const url = `http://127.0.0.1:${STRAPI_PORT}/api/directory?${args}`;
      // A kept-alive socket the server closed while wrk ran fails once; the request is then sent again.
      await fetchRaw(url, headerObject(browser)).catch(() => fetchRaw(url, headerObject(browser)));
    }
    const rssFull = rssMb(server.pid);

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
    const pairs = PAGE.map((request, i) => [request, summary(results[`p${i}`]), summary(results[`n${i}`])]);
    for (const [request, strapi, ngx] of pairs) rows.push([`Strapi ${request.name}`, strapi], [`  nginx, same bytes`, ngx]);
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
      "The page's requests (Accept-Encoding: br, gzip), Strapi / nginx on the same bytes:",
      ...pairs.map(([request, strapi, ngx]) => `  ${pad(request.name, 50)} ${(strapi.rps / ngx.rps).toFixed(2)} (goal >= 0.5)    p99 ${strapi.p99.toFixed(1)} ms (goal <= 50)    errors ${strapi.errors}`),
      `RSS: ${rssUnfiltered.toFixed(1)} MB before any filtered request, ${rssFull.toFixed(1)} MB after ${Math.min(FILL, combos.length)} distinct filtered listings (+${(rssFull - rssUnfiltered).toFixed(1)} MB, goal <= 64)`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    stop();
  }
};

const given = process.argv.slice(2).filter((arg) => /^\d+$/.test(arg));
// Without a size (and without BENCH_PARTNERS) both sizes of the goal are measured.
const sizes = given.length ? given : process.env.BENCH_PARTNERS ? [] : ['1000', '10000'];
if (sizes.length && !process.argv.includes('--seed')) {
  // Several sizes: one run each, in turn, with its own seeded database.
  for (const size of sizes) {
    execFileSync(process.execPath, [__filename], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, BENCH_PARTNERS: size } });
  }
} else {
  runScriptStep({ seed, main });
}
