import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, apiToken } from '../helpers/auth';
import { CLONE_DOORS, cloneThrough, contentManagerAction, type DoorCredentials } from '../helpers/doors';
import { createDocument, createListedPartner } from '../helpers/directory-fixtures';
import { createInState, createWorkflowDeps, logCount, stateOf, type WorkflowDeps } from '../helpers/workflow-fixtures';

/**
 * Every Content Manager action of Strapi 5.54 (clone, auto-clone, bulk publish / unpublish /
 * delete, discard, publish / unpublish, countDraftRelations) keeps the workflow, the listing
 * rule, retention and the source's relations; history (EE) and MCP are off.
 */
const PROGRAM = 'api::annual-program.annual-program';
const ITEM = 'api::program-item.program-item';
const PROPOSAL = 'api::proposal.proposal';
const PARTNER = 'api::partner.partner';
const AGREEMENT = 'api::agreement.agreement';

let app: TestApp;
let deps: WorkflowDeps;
let staf: DoorCredentials;
let kapokjaJwt: string;
let directorJwt: string;

beforeAll(async () => {
  app = await setupStrapi();
  deps = await createWorkflowDeps(app.strapi);
  staf = { apiToken: await apiToken(app.strapi), adminJwt: await adminToken(app.strapi, app.request, ['Staf Humas']) };
  kapokjaJwt = await adminToken(app.strapi, app.request, ['Kapokja Humas & Kerjasama']);
  directorJwt = await adminToken(app.strapi, app.request, ['Direktur']);
});
afterAll(() => app?.destroy());

const ctx = () => ({ strapi: app.strapi, request: app.request, credentials: staf });
const transition = (jwt: string, uid: string, documentId: string, body: Record<string, unknown>) =>
  app.request().post(`/kerjasama/workflow/${uid}/${documentId}/transitions`).set('Authorization', `Bearer ${jwt}`).send(body);
const itemCount = (programId: string) => app.strapi.db.query(ITEM).count({ where: { program: { documentId: programId } } });
const count = (uid: string) => app.strapi.db.query(uid as never).count({});
const row = (uid: string, documentId: string) =>
  app.strapi.db.query(uid as never).findOne({ where: { documentId, ...(uid === PARTNER ? { publishedAt: null } : {}) } }) as Promise<Record<string, unknown>>;

/** What the Content Manager's clone page sends: the source's form, relations as the form holds them. */
const formOf = async (uid: string, documentId: string) => {
  const response = await app.request().get(`/content-manager/collection-types/${uid}/${documentId}`).set('Authorization', `Bearer ${staf.adminJwt}`);
  expect(response.status).toBe(200);
  return Object.fromEntries(Object.entries(response.body.data as Record<string, unknown>).filter(([key]) => key !== 'id' && key !== 'documentId'));
};

let programCounter = 0;
/** An approved program with seven items, approved by the Director through the workflow. */
const approvedProgramWithItems = async () => {
  const program = await createDocument(app.strapi, PROGRAM, { year: 2050 + (programCounter += 1), title: `Program disetujui ${Date.now()}` });
  for (let i = 1; i <= 7; i += 1) await createDocument(app.strapi, ITEM, { title: `Butir ${i}`, program: program.documentId, quarter: 'Q2' });
  expect((await transition(kapokjaJwt, PROGRAM, program.documentId, { to: 'submitted' })).status).toBe(200);
  expect((await transition(directorJwt, PROGRAM, program.documentId, { to: 'approved' })).status).toBe(200);
  return program.documentId;
};

describe('clone', () => {
  test('an approved program: the copy is a draft with no approval and no items; the source keeps its 7 items', async () => {
    // The year is unique among programs: a copy is given its own.
    const programId = await approvedProgramWithItems();
    const source = await row(PROGRAM, programId);
    expect(source).toMatchObject({ workflowState: 'approved', approvedBy: expect.any(String) });
    const logBefore = await logCount(app.strapi, programId);
    const firstItem = await app.strapi.db.query(ITEM).findOne({ where: { program: { documentId: programId } } });

    // The form as the clone page has it, plus the source's items connected (what moved them before).
    const form = await formOf(PROGRAM, programId);
    const bodies: Record<string, Record<string, unknown>> = {
      'content-manager': { ...form, year: Number(form.year) + 20, title: 'Salinan program', items: { connect: [{ id: firstItem.id, documentId: firstItem.documentId }] } },
      'content-manager-auto': {},
      'document-service': { year: Number(form.year) + 30, title: 'Salinan program (kode)' },
    };
    for (const door of CLONE_DOORS) {
      const outcome = await cloneThrough(door, PROGRAM, programId, bodies[door], ctx());
      expect(await itemCount(programId)).toBe(7);
      if (door === 'content-manager-auto') {
        // Strapi refuses auto-cloning a type with one-to-many relations; nothing is created.
        expect(outcome.status).toBe(400);
        continue;
      }
      expect({ door, ok: outcome.ok, message: outcome.ok ? undefined : outcome.message }).toEqual({ door, ok: true, message: undefined });
      const copy = await row(PROGRAM, outcome.documentId!);
      expect(copy).toMatchObject({ workflowState: 'draft', approvedAt: null, approvedBy: null, approvedSnapshot: null });
      expect(copy.revisionNumber ?? 0).toBe(0);
      expect(await itemCount(outcome.documentId!)).toBe(0);
      expect(await logCount(app.strapi, outcome.documentId!)).toBe(0);
    }
    expect(await row(PROGRAM, programId)).toMatchObject({ workflowState: 'approved', approvedAt: source.approvedAt, approvedBy: source.approvedBy });
    expect(await logCount(app.strapi, programId)).toBe(logBefore);
  });

  test('a proposal cloned with workflowState "approved" is refused; a clone of an approved one starts as a draft, with no log', async () => {
    const draftId = await createInState(app.strapi, PROPOSAL, 'draft', deps);
    const proposalsBefore = await count(PROPOSAL);
    for (const door of CLONE_DOORS) {
      const outcome = await cloneThrough(door, PROPOSAL, draftId, { workflowState: 'approved' }, ctx());
      expect({ door, ok: outcome.ok, status: outcome.status, paths: outcome.paths }).toEqual({ door, ok: false, status: 400, paths: ['workflowState'] });
    }
    expect(await count(PROPOSAL)).toBe(proposalsBefore);

    const approvedId = await createInState(app.strapi, PROPOSAL, 'approved', deps);
    const form = await formOf(PROPOSAL, approvedId);
    for (const [door, body] of [['content-manager', form], ['content-manager-auto', {}], ['document-service', {}]] as const) {
      const outcome = await cloneThrough(door, PROPOSAL, approvedId, body, ctx());
      expect({ door, ok: outcome.ok }).toEqual({ door, ok: true });
      const copy = await app.strapi.db.query(PROPOSAL).findOne({ where: { documentId: outcome.documentId }, populate: { analysis: true, unit: true } });
      expect(copy).toMatchObject({ workflowState: 'draft', analysis: null, unit: { documentId: deps.unitId } });
      expect(await logCount(app.strapi, outcome.documentId!)).toBe(0);
    }
    expect(await stateOf(app.strapi, PROPOSAL, approvedId)).toBe('approved');
  });

  test('a listed partner: the copy is not listed and has no agreements; the source and the directory are unchanged', async () => {
    const { partnerId } = await createListedPartner(app.strapi, { name: 'PT Mitra Asli' });
    const agreementsOf = (documentId: string) => app.strapi.db.query(AGREEMENT).count({ where: { partner: { documentId } } });
    const directory = async () => (await app.request().get('/api/directory')).body as { data: Array<{ documentId: string; name: string }>; meta: { total: number } };
    const before = await directory();
    expect(before.data.map((p) => p.documentId)).toContain(partnerId);
    const form = await formOf(PARTNER, partnerId);

    for (const [door, body] of [['content-manager', { ...form, name: 'PT Salinan Mitra' }], ['content-manager-auto', {}], ['document-service', { name: 'PT Salinan Kode' }]] as const) {
      const partnersBefore = await count(PARTNER);
      const outcome = await cloneThrough(door, PARTNER, partnerId, body, ctx());
      expect(await agreementsOf(partnerId)).toBe(1);
      if (door === 'content-manager-auto') {
        // Strapi refuses auto-cloning a type with one-to-many relations (agreements).
        expect(outcome.status).toBe(400);
        expect(await count(PARTNER)).toBe(partnersBefore);
        continue;
      }
      expect({ door, ok: outcome.ok }).toEqual({ door, ok: true });
      const copyId = outcome.documentId!;
      expect(await app.strapi.db.query(PARTNER).count({ where: { documentId: copyId, publishedAt: { $notNull: true } } })).toBe(0);
      expect(await stateOf(app.strapi, PARTNER, copyId)).toBe('draft');
      expect(await agreementsOf(copyId)).toBe(0);
      expect(await agreementsOf(partnerId)).toBe(1);
    }
    const after = await directory();
    expect(after.meta.total).toBe(before.meta.total);
    expect(after.data.map((p) => p.documentId).sort()).toEqual(before.data.map((p) => p.documentId).sort());
  });

  test('an item of an approved program, a survey response and a log entry cannot be cloned', async () => {
    const programId = await approvedProgramWithItems();
    const item = await app.strapi.db.query(ITEM).findOne({ where: { program: { documentId: programId } } });
    const survey = await createDocument(app.strapi, 'api::satisfaction-survey.satisfaction-survey', { title: 'Survei klon', year: 2026, scaleMax: 4 });
    const response = await createDocument(app.strapi, 'api::survey-response.survey-response', { survey: survey.documentId, submittedAt: '2026-04-01T00:00:00.000Z' });
    const log = await app.strapi.db.query('api::transition-log.transition-log').findOne({ where: { recordDocumentId: programId } });
    const itemsBefore = await count(ITEM);
    for (const door of ['content-manager', 'document-service'] as const) {
      expect(await cloneThrough(door, ITEM, item.documentId, {}, ctx())).toMatchObject({ ok: false, status: 400, paths: ['program'] });
      expect(await cloneThrough(door, 'api::survey-response.survey-response', response.documentId, {}, ctx())).toMatchObject({ ok: false });
      expect(await cloneThrough(door, 'api::transition-log.transition-log', log.documentId, {}, ctx())).toMatchObject({ ok: false });
    }
    expect(await count(ITEM)).toBe(itemsBefore);
    expect(await app.strapi.db.query('api::survey-response.survey-response').count({ where: { survey: { documentId: survey.documentId } } })).toBe(1);
  });
});

describe('the other Content Manager actions', () => {
  test('bulk delete of an approved program, or of its items, is refused and deletes nothing', async () => {
    const programId = await approvedProgramWithItems();
    const items = await app.strapi.db.query(ITEM).findMany({ where: { program: { documentId: programId } } });
    const draftId = await createInState(app.strapi, PROGRAM, 'draft', deps);
    expect((await contentManagerAction('bulkDelete', PROGRAM, [draftId, programId], ctx())).ok).toBe(false);
    expect((await contentManagerAction('bulkDelete', ITEM, items.map((item: { documentId: string }) => item.documentId), ctx())).ok).toBe(false);
    expect(await stateOf(app.strapi, PROGRAM, programId)).toBe('approved');
    expect(await stateOf(app.strapi, PROGRAM, draftId)).toBe('draft');
    expect(await itemCount(programId)).toBe(7);
  });

  test('publish, unpublish, discard and their bulk forms follow the listing rule', async () => {
    const { partnerId: listedId } = await createListedPartner(app.strapi);
    const proposedId = await createInState(app.strapi, PARTNER, 'proposed', deps);
    const published = (documentId: string) => app.strapi.db.query(PARTNER).count({ where: { documentId, publishedAt: { $notNull: true } } });

    for (const action of ['publish', 'bulkPublish'] as const) {
      expect((await contentManagerAction(action, PARTNER, [proposedId], ctx())).ok).toBe(false);
      expect(await published(proposedId)).toBe(0);
    }
    for (const action of ['unpublish', 'bulkUnpublish'] as const) {
      expect((await contentManagerAction(action, PARTNER, [listedId], ctx())).ok).toBe(false);
      expect(await published(listedId)).toBe(1);
    }
    // A draft whose state differs from the listing cannot be discarded back to it.
    expect((await transition(kapokjaJwt, PARTNER, listedId, { to: 'withdrawn', reason: 'Tidak aktif lagi' })).status).toBe(200);
    await app.strapi.db.query(PARTNER).updateMany({ where: { documentId: listedId, publishedAt: { $notNull: true } }, data: { workflowState: 'approved' } });
    expect((await contentManagerAction('discard', PARTNER, [listedId], ctx())).ok).toBe(false);
    expect(await stateOf(app.strapi, PARTNER, listedId)).toBe('withdrawn');
    expect((await contentManagerAction('countDraftRelations', PARTNER, [listedId], ctx())).status).toBe(200);
  });

  test('content history (EE) and the MCP server are off in this project', async () => {
    const history = await app.request().get(`/content-manager/history-versions?contentType=${PROGRAM}`).set('Authorization', `Bearer ${staf.adminJwt}`);
    expect(history.status).toBe(404);
    expect(app.strapi.ee.features.isEnabled('cms-content-history')).toBe(false);
    expect(app.strapi.config.get('server.mcp.enabled', false)).toBe(false);
    expect([404, 405]).toContain((await app.request().post('/mcp').send({ jsonrpc: '2.0', id: 1, method: 'tools/list' })).status);
  });
});
