import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, apiToken } from '../helpers/auth';
import { writeContext } from '../helpers/dist';
import { createInState, createWorkflowDeps, logCount, stateOf, type WorkflowDeps } from '../helpers/workflow-fixtures';

/**
 * The guards that need facts read from the database, through the transition routes people use:
 * a recommendation needs every part of the analysis written, and a program needs an item that is
 * not cancelled. Each refusal is a 400 naming what is missing, and changes nothing.
 */
type Row = Record<string, unknown> & { id: number; documentId: string };

const PROPOSAL = 'api::proposal.proposal';
const PROGRAM = 'api::annual-program.annual-program';
const ITEM = 'api::program-item.program-item';
const FULL_ANALYSIS = { visionAlignment: 'Selaras dengan visi', needsAlignment: 'Dibutuhkan jurusan', feasibility: 'Layak', risk: 'Rendah', recommendation: 'proceed' };

let app: TestApp;
let deps: WorkflowDeps;
let kapokjaJwt: string;
let humasJwt: string;
let token: string;

beforeAll(async () => {
  app = await setupStrapi();
  deps = await createWorkflowDeps(app.strapi);
  kapokjaJwt = await adminToken(app.strapi, app.request, ['Kapokja Humas & Kerjasama']);
  humasJwt = await adminToken(app.strapi, app.request, ['Staf Humas']);
  token = await apiToken(app.strapi);
});
afterAll(() => app?.destroy());

const asSystem = <T>(work: () => Promise<T>) => writeContext().runAsSystem('test-fixture', work);
const transition = (jwt: string, uid: string, documentId: string, to: string, reason?: string) =>
  app.request().post(`/kerjasama/workflow/${uid}/${documentId}/transitions`).set('Authorization', `Bearer ${jwt}`).send({ to, reason });
const errorPaths = (body: { error?: { details?: { errors?: Array<{ path: string[] }> } } }) =>
  (body.error?.details?.errors ?? []).map((error) => error.path.join('.'));

/** A proposal under review whose analysis is exactly `analysis` (null: none). */
const proposalUnderReview = async (analysis: Record<string, unknown> | null) => {
  const documentId = await createInState(app.strapi, PROPOSAL, 'under_review', deps);
  await asSystem(() => app.strapi.documents(PROPOSAL).update({ documentId, data: { analysis } as never }));
  return documentId;
};

describe('a recommendation needs the whole analysis', () => {
  test.each([
    ['no analysis', null, ['visionAlignment', 'needsAlignment', 'feasibility', 'risk', 'recommendation']],
    ['a partly written analysis', { visionAlignment: 'Selaras dengan visi', feasibility: 'Layak' }, ['needsAlignment', 'risk', 'recommendation']],
    ['all but the risk', { ...FULL_ANALYSIS, risk: null }, ['risk']],
    ['a whitespace-only analysis', { visionAlignment: '   ', needsAlignment: '\n\t', feasibility: ' ', risk: '  \n  ' }, ['visionAlignment', 'needsAlignment', 'feasibility', 'risk', 'recommendation']],
    ['a blank risk beside written fields', { ...FULL_ANALYSIS, risk: '    ' }, ['risk']],
  ])('%s is refused with a 400 naming the missing fields', async (_, analysis, missing) => {
    const documentId = await proposalUnderReview(analysis);
    const response = await transition(kapokjaJwt, PROPOSAL, documentId, 'recommended');
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(errorPaths(response.body)).toEqual(['workflowState', ...missing.map((field) => `analysis.${field}`)]);
    expect(response.body.error.message).toContain('belum diisi');
    expect(response.body.error.message).toContain('not filled in yet');
    expect(await stateOf(app.strapi, PROPOSAL, documentId)).toBe('under_review');
    expect(await logCount(app.strapi, documentId)).toBe(0);
  });

  test('the same refusal through the content API transition route (API token)', async () => {
    const documentId = await proposalUnderReview({ ...FULL_ANALYSIS, feasibility: '  ', recommendation: null });
    const response = await app.request().post(`/api/proposals/${documentId}/transitions`).set('Authorization', `Bearer ${token}`).send({ to: 'recommended' });
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toEqual(['workflowState', 'analysis.feasibility', 'analysis.recommendation']);
    expect(await stateOf(app.strapi, PROPOSAL, documentId)).toBe('under_review');
  });

  test('a whole analysis passes, and the move is logged', async () => {
    const documentId = await proposalUnderReview(FULL_ANALYSIS);
    const response = await transition(kapokjaJwt, PROPOSAL, documentId, 'recommended');
    expect(response.status).toBe(200);
    expect(await stateOf(app.strapi, PROPOSAL, documentId)).toBe('recommended');
    expect(await logCount(app.strapi, documentId)).toBe(1);
  });

  test('an analysis written in the save that recommends counts as it will be stored', async () => {
    // Given without its id, the component replaces the stored one: the risk alone would remain.
    const partial = await proposalUnderReview({ ...FULL_ANALYSIS, risk: null });
    const replaced = await app.request().put(`/api/proposals/${partial}`).set('Authorization', `Bearer ${token}`)
      .send({ data: { workflowState: 'recommended', analysis: { risk: 'Rendah' } } });
    expect(replaced.status).toBe(400);
    expect(errorPaths(replaced.body)).toEqual(['workflowState', 'analysis.visionAlignment', 'analysis.needsAlignment', 'analysis.feasibility', 'analysis.recommendation']);
    expect(await stateOf(app.strapi, PROPOSAL, partial)).toBe('under_review');

    const whole = await app.request().put(`/api/proposals/${partial}`).set('Authorization', `Bearer ${token}`)
      .send({ data: { workflowState: 'recommended', analysis: FULL_ANALYSIS } });
    expect(whole.status).toBe(200);
    expect(await stateOf(app.strapi, PROPOSAL, partial)).toBe('recommended');
  });
});

describe('a program needs an item that is not cancelled', () => {
  const addItem = (program: string, workflowState: string) =>
    asSystem(() => app.strapi.documents(ITEM).create({ data: { title: `Butir ${workflowState}`, program, workflowState } as never }));

  test('a draft program whose only item is cancelled cannot be submitted; with a planned one it can', async () => {
    const program = (await asSystem(() => app.strapi.documents(PROGRAM).create({ data: { year: 2091, title: 'Program batal' } as never }))) as unknown as Row;
    await addItem(program.documentId, 'cancelled');
    const refused = await transition(kapokjaJwt, PROGRAM, program.documentId, 'submitted');
    expect(refused.status).toBe(400);
    expect(errorPaths(refused.body)).toEqual(['workflowState']);
    expect(refused.body.error.message).toContain('at least one program item');
    expect(await stateOf(app.strapi, PROGRAM, program.documentId)).toBe('draft');
    expect(await logCount(app.strapi, program.documentId)).toBe(0);

    await addItem(program.documentId, 'planned');
    expect((await transition(kapokjaJwt, PROGRAM, program.documentId, 'submitted')).status).toBe(200);
    expect(await stateOf(app.strapi, PROGRAM, program.documentId)).toBe('submitted');
  });

  test('a revision whose every item was cancelled cannot be resubmitted', async () => {
    const program = await createInState(app.strapi, PROGRAM, 'revision_opened', deps);
    const items = (await app.strapi.db.query(ITEM).findMany({ where: { program: { documentId: program } } })) as Row[];
    expect(items).toHaveLength(1);
    const cancelled = await transition(humasJwt, ITEM, items[0].documentId, 'cancelled', 'Mitra mundur (partner withdrew)');
    expect(cancelled.status).toBe(200);

    const refused = await transition(kapokjaJwt, PROGRAM, program, 'submitted');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('sedikitnya satu butir program');
    expect(await stateOf(app.strapi, PROGRAM, program)).toBe('revision_opened');
  });
});
