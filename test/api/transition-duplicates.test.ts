import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken } from '../helpers/auth';
import { createDocument } from '../helpers/directory-fixtures';
import { createUnit, createUnitUser } from '../helpers/participation';
import { createInState, createWorkflowDeps, logCount, stateOf, type WorkflowDeps } from '../helpers/workflow-fixtures';

/**
 * Identical transition requests without `from` (a double click, a retry, two tabs): exactly one
 * succeeds; the others find the record already moved and get 409, at the admin plugin's route
 * and at the content API's `/api/<type>/:documentId/transitions`, on SQLite and PostgreSQL.
 */
const PROPOSAL = 'api::proposal.proposal';

let app: TestApp;
let deps: WorkflowDeps;
const directorJwts: string[] = [];

beforeAll(async () => {
  app = await setupStrapi();
  deps = await createWorkflowDeps(app.strapi);
  directorJwts.push(await adminToken(app.strapi, app.request, ['Direktur']), await adminToken(app.strapi, app.request, ['Direktur']), await adminToken(app.strapi, app.request, ['Direktur']));
});
afterAll(() => app?.destroy());

const adminTransition = (jwt: string, documentId: string, body: Record<string, unknown>) =>
  app.request().post(`/kerjasama/workflow/${PROPOSAL}/${documentId}/transitions`).set('Authorization', `Bearer ${jwt}`).send(body);

test('three Directors approving one proposal at once, without `from`: one 200, two 409, one log entry', async () => {
  const documentId = await createInState(app.strapi, PROPOSAL, 'recommended', deps);
  const responses = await Promise.all(directorJwts.map((jwt) => adminTransition(jwt, documentId, { to: 'approved' })));
  expect(responses.map((response) => response.status).sort()).toEqual([200, 409, 409]);
  for (const loser of responses.filter((response) => response.status === 409)) {
    expect(loser.body.error.message).toMatch(/^Konflik: .* \(Conflict: /);
  }
  expect(await stateOf(app.strapi, PROPOSAL, documentId)).toBe('approved');
  expect(await logCount(app.strapi, documentId)).toBe(1);
});

test('the same request again, after the first finished, is a 409 rather than a second success', async () => {
  const documentId = await createInState(app.strapi, PROPOSAL, 'recommended', deps);
  expect((await adminTransition(directorJwts[0], documentId, { to: 'approved' })).status).toBe(200);
  const again = await adminTransition(directorJwts[1], documentId, { to: 'approved' });
  expect(again.status).toBe(409);
  expect(again.body.error.message).toContain('is already "approved"; nothing was changed');
  expect(await logCount(app.strapi, documentId)).toBe(1);
});

test("a unit submitting its proposal twice at once through the content API: one 200, one 409", async () => {
  const unit = await createUnit(app.strapi, 'department');
  const { jwt } = await createUnitUser(app.strapi, app.request, unit);
  const proposal = await createDocument(app.strapi, PROPOSAL, { title: 'Usulan ganda', unit: unit.documentId, prospectivePartnerName: 'PT Calon', objectives: 'Tujuan', plannedYear: 2027 });
  const submit = () => app.request().post(`/api/proposals/${proposal.documentId}/transitions`).set('Authorization', `Bearer ${jwt}`).send({ to: 'submitted' });
  const responses = await Promise.all([submit(), submit()]);
  expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
  expect(await stateOf(app.strapi, PROPOSAL, proposal.documentId)).toBe('submitted');
  expect(await logCount(app.strapi, proposal.documentId)).toBe(1);
});
