import fs from 'fs';
import os from 'os';
import path from 'path';
import { spawn } from 'child_process';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { TEST_PASSWORD } from '../helpers/auth';
import { distDir } from '../helpers/dist';

/**
 * Issue 16, items 7 and 11: a production boot behind a TLS-terminating balancer
 * (IS_PROXIED=true) with real secrets, and the production boot that refuses development ones.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const SECRETS = {
  APP_KEYS: 'prod-key-7c1f0e,prod-key-93ab21',
  ADMIN_JWT_SECRET: 'prod-admin-jwt-secret-5b0c4d2e',
  API_TOKEN_SALT: 'prod-api-token-salt-1f2e3d4c',
  TRANSFER_TOKEN_SALT: 'prod-transfer-salt-9a8b7c6d',
  ENCRYPTION_KEY: 'prod-encryption-key-0d1c2b3a',
  JWT_SECRET: 'prod-users-permissions-jwt-4e5f6a7b',
};

let app: TestApp;
const ADMIN_EMAIL = 'direktur.prod@polibatam.test';

beforeAll(async () => {
  // SEED_DEMO unset: production must not seed the demo year unless asked.
  app = await setupStrapi({ NODE_ENV: 'production', IS_PROXIED: 'true', SEED_DEMO: '', ...SECRETS });
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  await app.strapi.service('admin::user').create({
    email: ADMIN_EMAIL, firstname: 'Prod', lastname: 'Admin', password: TEST_PASSWORD, isActive: true, registrationToken: null, roles: [superAdmin.id],
  });
});

afterAll(async () => {
  await app?.destroy();
});

const login = (forwardedFor: string, password = TEST_PASSWORD, email = ADMIN_EMAIL) =>
  app.request().post('/admin/login').set('X-Forwarded-Proto', 'https').set('X-Forwarded-For', forwardedFor).send({ email, password });

describe('behind a TLS balancer (IS_PROXIED=true)', () => {
  test('the admin refresh cookie is Secure when the balancer says the request came over https', async () => {
    const response = await login('203.0.113.5');
    expect(response.status).toBe(200);
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const refresh = cookies.find((cookie) => /^strapi_admin_refresh=/.test(cookie));
    expect(refresh).toBeDefined();
    expect(refresh).toMatch(/;\s*secure/i);
    expect(refresh).toMatch(/;\s*httponly/i);
  });

  test('the login rate limit keys on each client, not on the balancer', async () => {
    const email = 'nobody.prod@polibatam.test';
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await login('198.51.100.10', 'Salah-Passw0rd!', email)).status).toBe(400);
    expect((await login('198.51.100.10', 'Salah-Passw0rd!', email)).status).toBe(429);
    // Another client, behind the same balancer (the same socket address here), is not locked out.
    expect((await login('198.51.100.11', 'Salah-Passw0rd!', email)).status).toBe(400);
    // A client writing its own X-Forwarded-For entry: the balancer appends the real address, which is the one used.
    expect((await login('192.0.2.99, 198.51.100.10', 'Salah-Passw0rd!', email)).status).toBe(429);
  });
});

describe('a production install', () => {
  test('has no demo records unless SEED_DEMO=true', async () => {
    const partners = (await app.strapi.db.query('api::partner.partner').findMany({ select: ['name'] })) as Array<{ name: string }>;
    expect(partners.filter((partner) => partner.name.startsWith('[DEMO]'))).toEqual([]);
    expect(await app.strapi.db.query('api::proposal.proposal').count()).toBe(0);
  });

  test('has no API token nobody asked for', async () => {
    expect(await app.strapi.db.query('admin::api-token').count()).toBe(0);
  });

  test('GraphQL in a browser is a local page, and introspection is off', async () => {
    const page = await app.request().get('/graphql').set('Accept', 'text/html');
    expect(page.text).not.toMatch(/<script|https?:\/\//i);
    const introspection = await app.request().post('/graphql').send({ query: '{ __schema { types { name } } }' });
    expect(introspection.body.data?.__schema ?? null).toBeNull();
  });
});

/** `strapi start` in a child process, as an operator would run it; resolves with its exit and output. */
const bootInChild = (env: Record<string, string | undefined>) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const dbFile = path.join(os.tmpdir(), `kerjasama-prod-boot-${process.pid}-${Date.now()}.db`);
    const script = `require('@strapi/strapi').createStrapi({ appDir: ${JSON.stringify(ROOT)}, distDir: ${JSON.stringify(distDir())}, autoReload: false, serveAdminPanel: false })
      .load().then((s) => s.destroy().then(() => process.exit(0)), (e) => { console.error(String(e && e.message || e)); process.exit(1); });`;
    const childEnv: NodeJS.ProcessEnv = {
      PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: dbFile,
      STRAPI_TELEMETRY_DISABLED: 'true', STRAPI_STARTUP_BANNER: 'false', CRON_ENABLED: 'false', STRAPI_LOG_LEVEL: 'error',
      // The local plugin's server half is loaded from the same compile folder.
      KERJASAMA_DIST_DIR: distDir(), ...env,
    };
    for (const [name, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[name];
    const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, env: childEnv });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
      resolve({ code, output });
    });
  });

describe('production refuses development secrets', () => {
  test('a missing JWT_SECRET and a development ADMIN_JWT_SECRET stop the boot, named', async () => {
    const { code, output } = await bootInChild({ ...SECRETS, JWT_SECRET: undefined, ADMIN_JWT_SECRET: 'kerjasama-dev-admin-jwt-secret' });
    expect(code).not.toBe(0);
    expect(output).toMatch(/ADMIN_JWT_SECRET, JWT_SECRET/);
    expect(output).toMatch(/Rahasia produksi/);
  });
});
