import net from 'net';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { TEST_PASSWORD } from '../helpers/auth';

/** Every outgoing TCP connection made while this file runs, except to this machine. */
const outboundHosts: string[] = [];
const LOCAL = /^(127\.|::1$|localhost$|::ffff:127\.)/;
const originalConnect = net.Socket.prototype.connect;

let app: TestApp;
const ADMIN_EMAIL = 'kepala.humas@test.example';

beforeAll(async () => {
  net.Socket.prototype.connect = function patchedConnect(this: net.Socket, ...args: unknown[]) {
    const first = args[0] as { host?: string; path?: string } | number | string;
    const host = typeof first === 'object' && first !== null ? (first.path ? undefined : first.host ?? 'localhost') : typeof args[1] === 'string' ? args[1] : 'localhost';
    if (host && !LOCAL.test(host)) outboundHosts.push(host);
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
  // Telemetry is left to the project's own configuration here, not to the test environment.
  delete process.env.STRAPI_TELEMETRY_DISABLED;
  app = await setupStrapi({ ADMIN_EMAIL, ADMIN_PASSWORD: TEST_PASSWORD, STRAPI_TELEMETRY_DISABLED: '' }, { fresh: true });
  // Telemetry and update checks fire shortly after start: give them the chance to show.
  await new Promise((resolve) => setTimeout(resolve, 1500));
});
afterAll(async () => {
  net.Socket.prototype.connect = originalConnect;
  await app?.destroy();
});

test('no outbound connection happens at boot', () => {
  expect(app.strapi.telemetry.isDisabled).toBe(true);
  expect(outboundHosts).toEqual([]);
});

test('the first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD and can log in', async () => {
  const response = await app.request().post('/admin/login').send({ email: ADMIN_EMAIL, password: TEST_PASSWORD });
  expect(response.status).toBe(200);
  const user = await app.strapi.db.query('admin::user').findOne({ where: { email: ADMIN_EMAIL }, populate: ['roles'] });
  expect(user.roles.map((role: { code: string }) => role.code)).toContain('strapi-super-admin');
});

describe('roles', () => {
  test('the office admin roles exist', async () => {
    const roles = await app.strapi.db.query('admin::role').findMany();
    expect(roles.map((role: { name: string }) => role.name)).toEqual(
      expect.arrayContaining(['Staf Humas', 'Kapokja Humas & Kerjasama', 'Direktur']),
    );
  });

  test('Staf Humas can read and write proposals but not delete them nor write the transition log', async () => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { name: 'Staf Humas' } });
    const permissions: Array<{ action: string; subject: string }> = await app.strapi.db
      .query('admin::permission')
      .findMany({ where: { role: role.id } });
    const has = (action: string, subject: string) =>
      permissions.some((p) => p.action === `plugin::content-manager.explorer.${action}` && p.subject === subject);
    expect(has('read', 'api::proposal.proposal')).toBe(true);
    expect(has('update', 'api::proposal.proposal')).toBe(true);
    expect(has('delete', 'api::proposal.proposal')).toBe(false);
    expect(has('read', 'api::transition-log.transition-log')).toBe(true);
    expect(has('create', 'api::transition-log.transition-log')).toBe(false);
  });

  test('the Unit role exists and the Public role reads no content', async () => {
    const roles = await app.strapi.db.query('plugin::users-permissions.role').findMany({ populate: ['permissions'] });
    const unit = roles.find((role: { type: string }) => role.type === 'unit');
    const publicRole = roles.find((role: { type: string }) => role.type === 'public');
    expect(unit?.name).toBe('Unit');
    const publicActions = publicRole.permissions.map((p: { action: string }) => p.action);
    expect(publicActions.filter((action: string) => action.startsWith('api::'))).toEqual([]);
    expect(publicActions).not.toContain('plugin::users-permissions.auth.register');
  });

  test('a restart creates no second role and changes no permission', async () => {
    const snapshot = async () => ({
      adminRoles: await app.strapi.db.query('admin::role').count(),
      adminPermissions: await app.strapi.db.query('admin::permission').count(),
      upRoles: await app.strapi.db.query('plugin::users-permissions.role').count(),
      upPermissions: await app.strapi.db.query('plugin::users-permissions.permission').count(),
      admins: await app.strapi.db.query('admin::user').count(),
    });
    const before = await snapshot();
    await app.restart();
    expect(await snapshot()).toEqual(before);
  });
});
