/**
 * What the benchmark and soak scripts share: compiling the server into a folder of their own,
 * starting it as `npm start` runs it (NODE_ENV=production, the same V8 flags), waiting for it,
 * plain HTTP requests, the production secrets a throw-away run is given, and the server's RSS.
 */
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

/** The V8 flags `npm start` runs the production server with (package.json). */
const PRODUCTION_NODE_FLAGS = require('../../package.json').scripts.start.match(/--[\w-]+=\S+/g) ?? [];

const log = (tag) => (message) => process.stderr.write(`[${tag}] ${message}\n`);

/** Compiles the server (not the admin panel) into `dist`; type errors are the type-check's job. */
const compileServer = (dist, say) => {
  say(`compiling the server into ${path.relative(ROOT, dist)}`);
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', dist, '--incremental', 'false', '--noEmitOnError', 'false'], {
      cwd: ROOT,
      stdio: 'ignore',
    });
  } catch {
    say('the project has type errors (npm run typecheck shows them); running what compiled');
  }
};

/**
 * Secrets for a benchmark or soak run: the environment's, else fixed values that are not the
 * repository's development values (production refuses those) and stay the same between runs
 * (a kept database's API token still matches its salt).
 */
const benchSecrets = (env = process.env) => ({
  APP_KEYS: env.APP_KEYS || 'benchKeyA,benchKeyB',
  ADMIN_JWT_SECRET: env.ADMIN_JWT_SECRET || 'bench-admin-jwt',
  API_TOKEN_SALT: env.API_TOKEN_SALT || 'bench-salt',
  TRANSFER_TOKEN_SALT: env.TRANSFER_TOKEN_SALT || 'bench-transfer',
  JWT_SECRET: env.JWT_SECRET || 'bench-jwt',
  ENCRYPTION_KEY: env.ENCRYPTION_KEY || 'bench-encryption-key',
});

/** Boots Strapi in this process (for seeding): load() runs register and bootstrap. */
const loadStrapi = (dist, { mount = false } = {}) => {
  const { createStrapi } = require('@strapi/strapi');
  return createStrapi({ appDir: ROOT, distDir: dist, autoReload: false, serveAdminPanel: false })
    .load()
    .then(async (strapi) => {
      if (mount) await strapi.server.mount();
      return strapi;
    });
};

/** Starts the production server as its own process (so its RSS is its own), logging to `logFile`. */
const startServer = ({ dist, env, logFile, serveAdminPanel = false }) => {
  const out = fs.openSync(logFile, 'w');
  return spawn(
    process.execPath,
    [...PRODUCTION_NODE_FLAGS, '-e', `require('@strapi/strapi').createStrapi({ appDir: ${JSON.stringify(ROOT)}, distDir: ${JSON.stringify(dist)}, autoReload: false, serveAdminPanel: ${serveAdminPanel} }).start()`],
    { cwd: ROOT, env: { ...env, NODE_ENV: 'production' }, stdio: ['ignore', out, out] },
  );
};

/** One HTTP request; resolves with status, headers and the raw body. */
const request = (url, { method = 'GET', headers = {}, body, timeoutMs = 30000 } = {}) =>
  new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const req = http.request(url, { method, headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length, ...headers } : headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', reject);
    req.end(payload);
  });

const fetchRaw = (url, headers = {}) => request(url, { headers });

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

const COUNTRIES = ['ID', 'ID', 'ID', 'ID', 'SG', 'MY', 'JP', 'KR', 'CN', 'DE', 'NL', 'AU', 'TW', 'TH', 'VN', 'FR', 'GB', 'US'];
const LEVELS = ['local_regional', 'national', 'international'];
const TYPES = ['industry', 'state_enterprise', 'government', 'university', 'school', 'association', 'msme', 'research_institute'];

/**
 * `count` listed partners through the Document Service inside a booted Strapi: each approved and
 * given an active agreement (so the workflow publishes it), over 12 units and cooperation types of
 * their own (codes `<prefix>-U<i>` / `<prefix>-T<i>`). Returns the number of published partners.
 */
const seedListedPartners = async (strapi, dist, { count, prefix = 'B', say = () => {} }) => {
  const { runAsSystem } = require(path.join(dist, 'src/workflow/write-context'));
  const create = (uid, data) => runAsSystem('bench-seed', () => strapi.documents(uid).create({ data }));
  const units = [];
  const types = [];
  for (let i = 0; i < 12; i += 1) {
    units.push(await create('api::unit.unit', { code: `${prefix}-U${i}`, name: `Jurusan Bench ${i}`, nameEn: `Bench department ${i}`, kind: 'department' }));
    types.push(await create('api::cooperation-type.cooperation-type', { code: `${prefix}-T${i}`, name: `Jenis kerjasama ${i}`, nameEn: `Cooperation type ${i}`, tridharma: 'education' }));
  }
  const started = Date.now();
  for (let i = 0; i < count; i += 1) {
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
      ourNumber: `${prefix}/${i}`,
      title: `MoU bench ${i}`,
      partner: partner.documentId,
      signedDate: `${2015 + (i % 10)}-03-01`,
      startDate: `${2015 + (i % 10)}-03-01`,
      endDate: '2099-12-31',
      cooperationTypes: [types[i % types.length].documentId, types[(i + 5) % types.length].documentId],
      units: [units[i % units.length].documentId],
      value: 1000000 + i,
    });
    if ((i + 1) % 100 === 0) say(`seeded ${i + 1}/${count} partners (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  return strapi.db.query('api::partner.partner').count({ where: { publishedAt: { $notNull: true } } });
};

/** Runs `work` with a PostgreSQL client on `url` (e.g. the server's maintenance database). */
const withPgClient = async (url, work) => {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** Resident set size of a process, in MB (Linux /proc). */
const rssMb = (pid) => {
  const match = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return match ? Number(match[1]) / 1024 : NaN;
};

/** Runs a script's step (`--seed`: the seeding child process; otherwise the measurement), exiting 1 on an error. */
const runScriptStep = (steps) => {
  const step = process.argv.includes('--seed') ? steps.seed : steps.main;
  step().catch((error) => {
    console.error(error);
    process.exit(1);
  });
};

module.exports = { ROOT, runScriptStep, PRODUCTION_NODE_FLAGS, log, compileServer, benchSecrets, loadStrapi, startServer, request, fetchRaw, waitFor, rssMb, seedListedPartners, withPgClient };
