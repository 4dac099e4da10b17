import type { Core } from '@strapi/strapi';
import type supertest from 'supertest';

export const TEST_PASSWORD = 'Test-Passw0rd!';

/** Creates an admin user with the named admin roles and returns a logged-in admin JWT. */
export const adminToken = async (
  strapi: Core.Strapi,
  request: () => supertest.Agent,
  roleNames: string[] = [],
  email = `admin-${Math.random().toString(36).slice(2)}@test.example`,
): Promise<string> => {
  const roleService = strapi.service('admin::role');
  const roles = roleNames.length
    ? await Promise.all(roleNames.map((name) => roleService.findOne({ name })))
    : [await roleService.getSuperAdmin()];
  if (roles.some((role) => !role)) throw new Error(`Unknown admin role in ${roleNames.join(', ')}`);
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: roleNames.join(' ') || 'Super Admin',
    password: TEST_PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: roles.map((role) => role.id),
  });
  const response = await request().post('/admin/login').send({ email, password: TEST_PASSWORD });
  if (response.status !== 200) throw new Error(`Admin login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data.token as string;
};

/** A full-access content-API token (tokens can read and write, approvals need a person). */
export const apiToken = async (strapi: Core.Strapi, type: 'full-access' | 'read-only' = 'full-access'): Promise<string> => {
  const token = await strapi.service('admin::api-token').create({
    name: `test-${type}-${Math.random().toString(36).slice(2)}`,
    type,
    lifespan: null,
    kind: 'content-api',
  });
  return token.accessKey as string;
};
