/**
 * Admin roles grant their rights by a stable code, never by their display name: a Super Admin
 * renaming "Direktur" in Settings changes nothing of what the Director may do, and a database
 * whose roles older boots created (with Strapi's generated codes) is moved to the stable codes.
 */
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken } from '../helpers/auth';
import { fromDist } from '../helpers/dist';
import { createInState, createWorkflowDeps, stateOf, type WorkflowDeps } from '../helpers/workflow-fixtures';

type RolesModule = typeof import('../../src/bootstrap/roles');

const PROGRAM = 'api::annual-program.annual-program';
const OFFICE_CODES = ['kerjasama-staf-humas', 'kerjasama-kapokja', 'kerjasama-direktur'];

let app: TestApp;
let deps: WorkflowDeps;
let superJwt: string;

beforeAll(async () => {
  app = await setupStrapi();
  deps = await createWorkflowDeps(app.strapi);
  superJwt = await adminToken(app.strapi, app.request);
});
afterAll(() => app?.destroy());

const roleByCode = (code: string) => app.strapi.db.query('admin::role').findOne({ where: { code } });
const ensureRoles = () => fromDist<RolesModule>('src/bootstrap/roles').ensureRoles(app.strapi);

test('bootstrap gives each office role its stable code', async () => {
  for (const code of OFFICE_CODES) expect(await roleByCode(code)).toBeTruthy();
  expect((await roleByCode('kerjasama-direktur')).name).toBe('Direktur');
});

test('renaming "Direktur" in Settings changes nothing of what it may do: the Director still approves the program', async () => {
  const directorJwt = await adminToken(app.strapi, app.request, ['Direktur']);
  const role = await roleByCode('kerjasama-direktur');
  const renamed = await app
    .request()
    .put(`/admin/roles/${role.id}`)
    .set('Authorization', `Bearer ${superJwt}`)
    .send({ name: 'Direktur Politeknik', description: role.description });
  expect(renamed.status).toBe(200);
  const stored = await app.strapi.db.query('admin::role').findOne({ where: { id: role.id } });
  expect({ name: stored.name, code: stored.code }).toEqual({ name: 'Direktur Politeknik', code: 'kerjasama-direktur' });

  const documentId = await createInState(app.strapi, PROGRAM, 'submitted', deps);
  const panel = await app.request().get(`/kerjasama/workflow/${PROGRAM}/${documentId}`).set('Authorization', `Bearer ${directorJwt}`);
  expect(panel.status).toBe(200);
  expect(panel.body.data.available.map((move: { name: string }) => move.name).sort()).toEqual(['approve', 'return']);
  const approved = await app
    .request()
    .post(`/kerjasama/program/${documentId}/transitions`)
    .set('Authorization', `Bearer ${directorJwt}`)
    .send({ to: 'approved' });
  expect(approved.status).toBe(200);
  expect(await stateOf(app.strapi, PROGRAM, documentId)).toBe('approved');
  const log = await app.strapi.db.query('api::transition-log.transition-log').findOne({ where: { recordDocumentId: documentId, toState: 'approved' } });
  expect(log).toMatchObject({ transition: 'approve', actorType: 'admin' });

  // A restart after the rename finds the role by its code: no second "Direktur" appears.
  const before = await app.strapi.db.query('admin::role').count();
  await ensureRoles();
  expect(await app.strapi.db.query('admin::role').count()).toBe(before);
  expect(await app.strapi.db.query('admin::role').count({ where: { name: 'Direktur' } })).toBe(0);
});

test('a role named like an office role but without its code grants nothing', async () => {
  const impostor = await app.request().post('/admin/roles').set('Authorization', `Bearer ${superJwt}`).send({ name: 'Direktur', description: 'Bukan direktur (not the Director)' });
  expect(impostor.status).toBe(201);
  // Even with the workflow panel's permission, the name alone makes no Director.
  await app.strapi.service('admin::role').assignPermissions(impostor.body.data.id, [{ action: 'plugin::kerjasama.workflow.read' }]);
  const jwt = await adminToken(app.strapi, app.request, ['Direktur']);
  const documentId = await createInState(app.strapi, PROGRAM, 'submitted', deps);
  const response = await app
    .request()
    .post(`/kerjasama/workflow/${PROGRAM}/${documentId}/transitions`)
    .set('Authorization', `Bearer ${jwt}`)
    .send({ to: 'approved' });
  expect(response.status).toBe(400);
  expect(response.body.error.message).toMatch(/only .*Director/);
  expect(await stateOf(app.strapi, PROGRAM, documentId)).toBe('submitted');
  await app.strapi.db.query('admin::role').delete({ where: { id: impostor.body.data.id } });
});

test('roles created by older boots (generated codes) get their stable codes at boot, once', async () => {
  const roleQuery = app.strapi.db.query('admin::role');
  const staf = await roleByCode('kerjasama-staf-humas');
  const kapokja = await roleByCode('kerjasama-kapokja');
  const direktur = await roleByCode('kerjasama-direktur');
  // What older boots left: Strapi's generated codes; one of the roles renamed since.
  await roleQuery.update({ where: { id: staf.id }, data: { code: 'staf-humas-m3k2x9' } });
  await roleQuery.update({ where: { id: kapokja.id }, data: { code: 'kapokja-humas-kerjasama-m3k2xa' } });
  await roleQuery.update({ where: { id: direktur.id }, data: { code: 'direktur-m3k2xb', name: 'Direktur (diubah)' } });
  const permissionsBefore = await app.strapi.db.query('admin::permission').count();
  const rolesBefore = await roleQuery.count();

  await ensureRoles();
  await ensureRoles();

  expect((await roleByCode('kerjasama-staf-humas'))?.id).toBe(staf.id);
  expect((await roleByCode('kerjasama-kapokja'))?.id).toBe(kapokja.id);
  expect((await roleByCode('kerjasama-direktur'))?.id).toBe(direktur.id);
  expect((await roleByCode('kerjasama-direktur')).name).toBe('Direktur (diubah)');
  expect(await roleQuery.count()).toBe(rolesBefore);
  expect(await app.strapi.db.query('admin::permission').count()).toBe(permissionsBefore);
});
