import type { Core } from '@strapi/strapi';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken } from '../helpers/auth';
import { createUnit, createUnitUser } from '../helpers/participation';

/**
 * Issue 16, the edge of the system: CORS, registration, tokens after a password change,
 * forgot-password's answer, headers naming the product, default API tokens, the GraphQL page.
 */
const SITE = 'https://kerjasama.polibatam.test';
const PARTNER_SITE = 'https://mitra-site.example';
const EVIL = 'https://evil.example';
const USER_UID = 'plugin::users-permissions.user';

let app: TestApp;
let superAdmin: string;

beforeAll(async () => {
  app = await setupStrapi({ PUBLIC_URL: SITE, CORS_ORIGINS: `${PARTNER_SITE}, https://second.example` });
  superAdmin = await adminToken(app.strapi, app.request);
});

afterAll(async () => {
  await app?.destroy();
});

const preflight = (path: string, origin: string, method = 'POST') =>
  app.request().options(path).set('Origin', origin).set('Access-Control-Request-Method', method).set('Access-Control-Request-Headers', 'content-type');

describe('CORS: credentials only for the configured origins', () => {
  test.each([['/admin/access-token'], ['/admin/login'], ['/api/proposals'], ['/graphql'], ['/kerjasama/unit-accounts']])(
    'a preflight for %s from another origin gets no CORS answer',
    async (path) => {
      const response = await preflight(path, EVIL);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    },
  );

  test.each([[SITE], [PARTNER_SITE], ['https://second.example']])('%s (PUBLIC_URL or CORS_ORIGINS) gets its origin back with credentials', async (origin) => {
    const response = await preflight('/admin/access-token', origin);
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(origin);
    expect(response.headers['access-control-allow-credentials']).toBe('true');
  });

  test('an actual request from another origin carries no CORS headers (the browser hides the answer)', async () => {
    for (const [method, path] of [['get', '/admin/init'], ['post', '/admin/access-token'], ['post', '/graphql'], ['get', '/api/units']] as const) {
      const response = await app.request()[method](path).set('Origin', EVIL).send(method === 'post' ? { query: '{ __typename }' } : undefined);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  test('the public directory is readable from any origin, never with credentials, through Koa and the front door', async () => {
    for (const path of ['/api/directory', '/api/directory', '/api/directory?q=a', '/api/directory?country=ID']) {
      const response = await app.request().get(path).set('Origin', EVIL);
      expect(response.headers['access-control-allow-origin']).toBe(EVIL);
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
      expect(response.headers.vary).toMatch(/Origin/);
    }
    const preflighted = await preflight('/api/directory', EVIL, 'GET');
    expect(preflighted.headers['access-control-allow-origin']).toBe(EVIL);
    expect(preflighted.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

const graphql = (query: string, jwt?: string) => {
  const request = app.request().post('/graphql').send({ query });
  return jwt ? request.set('Authorization', `Bearer ${jwt}`) : request;
};
const advancedStore = () => app.strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
const userCount = () => app.strapi.db.query(USER_UID).count();

describe('registration is closed at every door', () => {
  const tryEveryDoor = async (name: string) => {
    const before = await userCount();
    const rest = await app.request().post('/api/auth/local/register').send({ username: name, email: `${name}@luar.test`, password: 'Rahasia-123' });
    expect(rest.status).toBe(403);
    const viaGraphql = await graphql(`mutation { register(input: { username: "${name}g", email: "${name}g@luar.test", password: "Rahasia-123" }) { jwt } }`);
    expect(viaGraphql.body.data?.register ?? null).toBeNull();
    expect(JSON.stringify(viaGraphql.body.errors)).toMatch(/Pendaftaran akun ditutup|Forbidden|Register action/);
    expect(JSON.stringify(viaGraphql.body)).not.toMatch(/"jwt":"/);
    // The plugin's other resolver that creates a user follows the role's permission (Public has none).
    const created = await graphql(`mutation { createUsersPermissionsUser(data: { username: "${name}c", email: "${name}c@luar.test", password: "Rahasia-123" }) { data { id } } }`);
    expect(created.body.data?.createUsersPermissionsUser ?? null).toBeNull();
    expect(created.body.errors?.length).toBeGreaterThan(0);
    expect(await userCount()).toBe(before);
  };

  test('the stored setting is off after boot, and REST and GraphQL register create nobody', async () => {
    expect(((await advancedStore().get({})) as { allow_register: boolean }).allow_register).toBe(false);
    await tryEveryDoor('penyusup1');
  });

  test('a Super Admin cannot switch sign-ups on in Settings', async () => {
    const current = (await advancedStore().get({})) as Record<string, unknown>;
    const response = await app.request().put('/users-permissions/advanced').set('Authorization', `Bearer ${superAdmin}`).send({ ...current, allow_register: true });
    expect(response.status).toBe(200);
    expect(((await advancedStore().get({})) as { allow_register: boolean }).allow_register).toBe(false);
    await tryEveryDoor('penyusup2');
  });

  test('switched on in the database, sign-ups are still refused, and the next boot switches them off', async () => {
    const current = (await advancedStore().get({})) as Record<string, unknown>;
    await advancedStore().set({ value: { ...current, allow_register: true } });
    await tryEveryDoor('penyusup3');
    await app.restart();
    superAdmin = await adminToken(app.strapi, app.request);
    expect(((await advancedStore().get({})) as { allow_register: boolean }).allow_register).toBe(false);
    await tryEveryDoor('penyusup4');
  });
});

const me = (jwt: string) => app.request().get('/api/users/me').set('Authorization', `Bearer ${jwt}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mailService = (strapi: Core.Strapi) => strapi.plugin('email').service('email') as { send: (mail: { to: string }) => Promise<unknown> };

describe('a JWT issued before a password change is refused', () => {
  test('after reset-password the old JWT is 401 and the new one works', async () => {
    const unit = await createUnit(app.strapi, 'department');
    const { jwt: old, email } = await createUnitUser(app.strapi, app.request, unit);
    expect((await me(old)).status).toBe(200);
    await sleep(1100); // JWTs count whole seconds
    expect((await app.request().post('/api/auth/forgot-password').send({ email })).status).toBe(200);
    let code: string | null = null;
    for (let i = 0; i < 100 && !code; i += 1) {
      code = ((await app.strapi.db.query(USER_UID).findOne({ where: { email } })) as { resetPasswordToken: string | null }).resetPasswordToken;
      if (!code) await sleep(50);
    }
    const reset = await app.request().post('/api/auth/reset-password').send({ code, password: 'Baru-Passw0rd!', passwordConfirmation: 'Baru-Passw0rd!' });
    expect(reset.status).toBe(200);
    expect((await me(old)).status).toBe(401);
    expect((await me(reset.body.jwt as string)).status).toBe(200);
    // GraphQL meets the same check.
    const viaGraphql = await graphql('{ me { email } }', old);
    expect(viaGraphql.body.data?.me ?? null).toBeNull();
  });

  test('after Humas sets a new password (Document Service) the old JWT is refused; other edits keep it', async () => {
    const unit = await createUnit(app.strapi, 'department');
    const { jwt: old, email } = await createUnitUser(app.strapi, app.request, unit);
    const user = (await app.strapi.db.query(USER_UID).findOne({ where: { email } })) as { id: number };
    await sleep(1100);
    await app.strapi.plugin('users-permissions').service('user').edit(user.id, { blocked: false });
    expect((await me(old)).status).toBe(200);
    await app.strapi.plugin('users-permissions').service('user').edit(user.id, { password: 'Lain-Passw0rd!' });
    expect((await me(old)).status).toBe(401);
    const login = await app.request().post('/api/auth/local').send({ identifier: email, password: 'Lain-Passw0rd!' });
    expect(login.status).toBe(200);
    expect((await me(login.body.jwt as string)).status).toBe(200);
  });
});

describe('forgot-password answers before any mail work', () => {
  test('the answer comes while the mail is still being sent; the mail and the code follow', async () => {
    const unit = await createUnit(app.strapi, 'department');
    const { email } = await createUnitUser(app.strapi, app.request, unit);
    const service = mailService(app.strapi);
    const original = service.send;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const sent: string[] = [];
    service.send = async (mail) => {
      sent.push(mail.to);
      await gate;
      return original.call(service, mail);
    };
    try {
      const answered = await Promise.race([
        app.request().post('/api/auth/forgot-password').send({ email }).then((response) => response),
        sleep(4000).then(() => null),
      ]);
      // Before the fix the request waited for the mail, so no answer came while the mail was held.
      expect(answered?.status).toBe(200);
      expect(answered?.body).toEqual({ ok: true });
      for (let i = 0; i < 100 && sent.length === 0; i += 1) await sleep(20);
      expect(sent).toEqual([email]);
      release();
      for (let i = 0; i < 100; i += 1) {
        const row = (await app.strapi.db.query(USER_UID).findOne({ where: { email } })) as { resetPasswordToken: string | null };
        if (row.resetPasswordToken) break;
        await sleep(20);
      }
      expect(((await app.strapi.db.query(USER_UID).findOne({ where: { email } })) as { resetPasswordToken: string | null }).resetPasswordToken).toMatch(/^[0-9a-f]{128}$/);

      // An unknown address: the same answer, and no mail.
      sent.length = 0;
      const unknown = await app.request().post('/api/auth/forgot-password').send({ email: 'tidak-ada@unit.test' });
      expect(unknown.status).toBe(200);
      expect(unknown.body).toEqual({ ok: true });
      await sleep(200);
      expect(sent).toEqual([]);
    } finally {
      release();
      service.send = original;
    }
  });

  test('a malformed address is still a 400 naming the field, at REST and GraphQL', async () => {
    const response = await app.request().post('/api/auth/forgot-password').send({ email: 'bukan-alamat' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['email']);
    const viaGraphql = await graphql('mutation { forgotPassword(email: "bukan-alamat") { ok } }');
    expect(viaGraphql.body.data?.forgotPassword ?? null).toBeNull();
    expect(viaGraphql.body.errors[0].extensions.error.name).toBe('ValidationError');
  });
});

describe('nothing names the product', () => {
  test('no response header names Strapi', async () => {
    const requests = [
      app.request().get('/api/directory'),
      app.request().get('/api/directory'),
      app.request().get('/api/directory?q=b'),
      app.request().get('/api/units'),
      app.request().get('/api/nothing-here'),
      app.request().get('/_health'),
      app.request().get('/admin/init'),
      app.request().post('/api/auth/local').send({ identifier: 'x@y.test', password: 'wrong-password' }),
      app.request().post('/graphql').send({ query: '{ __typename }' }),
      app.request().get('/graphql').set('Accept', 'text/html'),
      app.request().get('/'),
    ];
    for (const response of await Promise.all(requests)) {
      expect(response.headers['x-powered-by']).toBeUndefined();
      for (const [name, value] of Object.entries(response.headers)) expect(`${name}: ${String(value)}`).not.toMatch(/strapi/i);
    }
  });
});

describe('a fresh install', () => {
  test('has no API token nobody asked for, also after a restart', async () => {
    expect(await app.strapi.db.query('admin::api-token').count()).toBe(0);
  });

  test('GET /graphql in a browser shows a local page that loads nothing', async () => {
    const response = await app.request().get('/graphql').set('Accept', 'text/html');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toContain('Endpoint GraphQL Kerjasama');
    expect(response.text).not.toMatch(/<script|<link|<img|<iframe|https?:\/\//i);
    expect(response.headers['content-security-policy']).not.toMatch(/apollographql/);
  });
});
