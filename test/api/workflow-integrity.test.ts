import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, apiToken } from '../helpers/auth';
import { deleteThrough, DOORS, updateThrough, type DoorCredentials } from '../helpers/doors';
import { createActiveAgreement, createInState, createWorkflowDeps, logCount, stateOf, type WorkflowDeps } from '../helpers/workflow-fixtures';
import { fromDist, writeContext } from '../helpers/dist';

let app: TestApp;
let deps: WorkflowDeps;
let credentials: DoorCredentials;
let kapokjaJwt: string;
const directorJwts: string[] = [];
const LOG = 'api::transition-log.transition-log';
const SUPER_ADMIN_ACTOR = { kind: 'admin' as const, id: 0, name: 'Test Super Admin', roles: ['super_admin' as const] };

beforeAll(async () => {
  app = await setupStrapi();
  deps = await createWorkflowDeps(app.strapi);
  credentials = { apiToken: await apiToken(app.strapi), adminJwt: await adminToken(app.strapi, app.request) };
  kapokjaJwt = await adminToken(app.strapi, app.request, ['Kapokja Humas & Kerjasama']);
  directorJwts.push(await adminToken(app.strapi, app.request, ['Direktur']), await adminToken(app.strapi, app.request, ['Direktur']));
});
afterAll(() => app?.destroy());

const doorContext = () => ({ strapi: app.strapi, request: app.request, credentials, documentServiceActor: SUPER_ADMIN_ACTOR });
const transition = (jwt: string, uid: string, documentId: string, body: Record<string, unknown>) =>
  app.request().post(`/kerjasama/workflow/${uid}/${documentId}/transitions`).set('Authorization', `Bearer ${jwt}`).send(body);

describe('transition log', () => {
  test('saves without a state change write no entry', async () => {
    const documentId = await createInState(app.strapi, 'api::proposal.proposal', 'draft', deps);
    for (const door of DOORS) {
      expect((await updateThrough(door, 'api::proposal.proposal', documentId, { objectives: `Tujuan lewat ${door}` }, doorContext())).ok).toBe(true);
      expect((await updateThrough(door, 'api::proposal.proposal', documentId, { workflowState: 'draft' }, doorContext())).ok).toBe(true);
    }
    expect(await logCount(app.strapi, documentId)).toBe(0);
  });

  test('a failure while writing the log rolls the change back', async () => {
    const documentId = await createInState(app.strapi, 'api::proposal.proposal', 'draft', deps);
    let failing = true;
    app.strapi.documents.use(async (ctx, next) => {
      if (failing && ctx.uid === LOG && ctx.action === 'create') throw new Error('simulated log failure');
      return next();
    });
    const response = await transition(kapokjaJwt, 'api::proposal.proposal', documentId, { to: 'submitted' });
    failing = false;
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await stateOf(app.strapi, 'api::proposal.proposal', documentId)).toBe('draft');
    expect(await logCount(app.strapi, documentId)).toBe(0);
    expect((await transition(kapokjaJwt, 'api::proposal.proposal', documentId, { to: 'submitted' })).status).toBe(200);
    expect(await logCount(app.strapi, documentId)).toBe(1);
  });

  test('nobody can edit or delete a log entry, through any door', async () => {
    const documentId = await createInState(app.strapi, 'api::meeting-minute.meeting-minute', 'draft', deps);
    expect((await transition(kapokjaJwt, 'api::meeting-minute.meeting-minute', documentId, { to: 'final' })).status).toBe(200);
    const entry = await app.strapi.db.query(LOG).findOne({ where: { recordDocumentId: documentId } });
    const attempts = [
      await updateThrough('content-manager', LOG, entry.documentId, { toState: 'draft' }, doorContext()),
      await updateThrough('document-service', LOG, entry.documentId, { toState: 'draft' }, doorContext()),
      await updateThrough('graphql', LOG, entry.documentId, { toState: 'draft' }, doorContext()),
      await deleteThrough('content-manager', LOG, entry.documentId, doorContext()),
      await deleteThrough('content-manager-bulk', LOG, entry.documentId, doorContext()),
      await deleteThrough('document-service', LOG, entry.documentId, doorContext()),
      await deleteThrough('graphql', LOG, entry.documentId, doorContext()),
    ];
    for (const attempt of attempts) expect(attempt.ok).toBe(false);
    const rest = await app.request().put(`/api/transition-logs/${entry.documentId}`).set('Authorization', `Bearer ${credentials.apiToken}`).send({ data: { toState: 'draft' } });
    expect([404, 405]).toContain(rest.status);
    expect(await app.strapi.db.query(LOG).findOne({ where: { id: entry.id } })).toMatchObject({ toState: 'final' });
  });
});

test('two approvers racing on one proposal: exactly one wins, the other gets a conflict', async () => {
  const documentId = await createInState(app.strapi, 'api::proposal.proposal', 'recommended', deps);
  const responses = await Promise.all(directorJwts.map((jwt) => transition(jwt, 'api::proposal.proposal', documentId, { to: 'approved', from: 'recommended' })));
  const statuses = responses.map((response) => response.status).sort();
  expect(statuses).toEqual([200, 409]);
  const loser = responses.find((response) => response.status === 409)!;
  expect(loser.body.error.message).toMatch(/Conflict/);
  expect(await logCount(app.strapi, documentId)).toBe(1);
});

describe('frozen after approval', () => {
  test('an approved program refuses edits at every door; a revision with a reason opens it and keeps the approved version', async () => {
    const uid = 'api::annual-program.annual-program';
    const documentId = await createInState(app.strapi, uid, 'submitted', deps);
    expect((await transition(directorJwts[0], uid, documentId, { to: 'approved' })).status).toBe(200);
    const approved = await app.strapi.db.query(uid).findOne({ where: { documentId } });
    expect(approved.approvedSnapshot.items).toHaveLength(1);
    expect(approved.approvedBy).toBeTruthy();

    for (const door of DOORS) {
      const outcome = await updateThrough(door, uid, documentId, { title: `Diubah lewat ${door}` }, doorContext());
      expect({ door, ok: outcome.ok }).toEqual({ door, ok: false });
    }
    // The Content Manager sends the whole form: unchanged values are not edits.
    const form = (await app.request().get(`/content-manager/collection-types/${uid}/${documentId}`).set('Authorization', `Bearer ${credentials.adminJwt}`)).body.data;
    expect((await app.request().put(`/content-manager/collection-types/${uid}/${documentId}`).set('Authorization', `Bearer ${credentials.adminJwt}`).send(form)).status).toBe(200);

    expect((await transition(kapokjaJwt, uid, documentId, { to: 'revision_opened' })).status).toBe(400);
    expect((await transition(kapokjaJwt, uid, documentId, { to: 'revision_opened', reason: 'Tambah mitra baru (new partner)' })).status).toBe(200);
    expect((await updateThrough('rest', uid, documentId, { title: 'Program revisi' }, doorContext())).ok).toBe(true);
    const revised = await app.strapi.db.query(uid).findOne({ where: { documentId } });
    expect(revised).toMatchObject({ title: 'Program revisi', revisionNumber: 1 });
    expect(revised.approvedSnapshot.title).toBe(approved.title);
    const approval = await app.strapi.db.query(LOG).findOne({ where: { recordDocumentId: documentId, toState: 'approved' } });
    expect(approval.snapshot.title).toBe(approved.title);
  });

  test('items of an approved program refuse plan edits and new items, but record progress', async () => {
    const itemId = await createInState(app.strapi, 'api::program-item.program-item', 'planned', deps);
    for (const door of DOORS) {
      expect((await updateThrough(door, 'api::program-item.program-item', itemId, { budget: 1000 }, doorContext())).ok).toBe(false);
    }
    const created = await app.request().post('/api/program-items').set('Authorization', `Bearer ${credentials.apiToken}`).send({ data: { title: 'Butir baru', program: deps.approvedProgramId } });
    expect(created.status).toBe(400);
    expect((await transition(kapokjaJwt, 'api::program-item.program-item', itemId, { to: 'in_progress' })).status).toBe(200);
  });

  test.each([
    ['api::meeting-minute.meeting-minute', { place: 'Ruang lain' }],
    ['api::evaluation-report.evaluation-report', { findings: 'Temuan lain' }],
  ] as const)('final %s refuses edits at every door', async (uid, change) => {
    const documentId = await createInState(app.strapi, uid, 'final', deps);
    for (const door of DOORS) expect((await updateThrough(door, uid, documentId, change, doorContext())).ok).toBe(false);
  });

  test('the workflow-maintained fields cannot be typed in', async () => {
    const documentId = await createInState(app.strapi, 'api::annual-program.annual-program', 'draft', deps);
    const outcome = await updateThrough('rest', 'api::annual-program.annual-program', documentId, { approvedBy: 'Saya sendiri' }, doorContext());
    expect(outcome).toMatchObject({ ok: false, paths: ['approvedBy'] });
  });
});

describe('retention', () => {
  const RETAINED: Array<[string, () => Promise<string>]> = [
    ['api::meeting-minute.meeting-minute', () => createInState(app.strapi, 'api::meeting-minute.meeting-minute', 'final', deps)],
    ['api::evaluation-report.evaluation-report', () => createInState(app.strapi, 'api::evaluation-report.evaluation-report', 'draft', deps)],
    ['api::annual-program.annual-program', () => createInState(app.strapi, 'api::annual-program.annual-program', 'draft', deps)],
    ['api::agreement.agreement', async () => (await createActiveAgreement(app.strapi, deps.partnerId)).documentId],
  ];

  test.each(RETAINED)('%s cannot be deleted within 5 years, at any door, and the refusal says until when', async (uid, make) => {
    const documentId = await make();
    for (const door of [...DOORS, 'content-manager-bulk'] as const) {
      const outcome = await deleteThrough(door, uid, documentId, doorContext());
      expect({ door, ok: outcome.ok }).toEqual({ door, ok: false });
      if (door === 'rest' || door === 'document-service') expect(outcome.message).toMatch(/until \d{4}-\d{2}-\d{2}/);
    }
    expect(await app.strapi.db.query(uid as never).count({ where: { documentId } })).toBeGreaterThan(0);
  });

  test('a record past its period can be deleted and shows in the retention report until then', async () => {
    const documentId = await createInState(app.strapi, 'api::meeting-minute.meeting-minute', 'draft', deps);
    // Test set-up only: age the record as if it had been written six years ago.
    const sixYearsAgo = new Date(Date.now() - 6 * 366 * 24 * 3600 * 1000).toISOString();
    await app.strapi.db.query('api::meeting-minute.meeting-minute').update({ where: { documentId }, data: { createdAt: sixYearsAgo } });
    const report = await app.request().get('/kerjasama/retention-report').set('Authorization', `Bearer ${kapokjaJwt}`);
    const minutes = report.body.data.kinds.find((kind: { uid: string }) => kind.uid === 'api::meeting-minute.meeting-minute');
    expect(minutes.pastRetention.map((row: { documentId: string }) => row.documentId)).toContain(documentId);
    expect((await deleteThrough('rest', 'api::meeting-minute.meeting-minute', documentId, doorContext())).ok).toBe(true);
  });
});

describe('agreements and the partner listing', () => {
  type Validity = typeof import('../../src/workflow/agreement-validity');
  const validity = () => fromDist<Validity>('src/workflow/agreement-validity');
  const partnerPublished = async (documentId: string) =>
    (await app.strapi.db.query('api::partner.partner').count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;

  test('validity is derived from dates; the daily task moves it on and unlists the partner', async () => {
    const partnerId = await createInState(app.strapi, 'api::partner.partner', 'proposed', deps);
    expect((await transition(kapokjaJwt, 'api::partner.partner', partnerId, { to: 'approved' })).status).toBe(200);
    expect(await partnerPublished(partnerId)).toBe(true);

    const agreements = await app.strapi.db.query('api::agreement.agreement').findMany({ where: { partner: { documentId: partnerId } } });
    expect(agreements.map((a: { validityState: string }) => a.validityState)).toEqual(['active']);
    // A user cannot type the state in: it is derived.
    await updateThrough('rest', 'api::agreement.agreement', agreements[0].documentId, { validityState: 'expired' }, doorContext());
    expect((await app.strapi.db.query('api::agreement.agreement').findOne({ where: { id: agreements[0].id } })).validityState).toBe('active');

    const endDate = agreements[0].endDate as string;
    const ninetyDaysBefore = new Date(Date.parse(endDate) - 90 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await writeContext().runAsSystem('test', () => validity().refreshAllAgreementValidity(app.strapi, ninetyDaysBefore));
    expect((await app.strapi.db.query('api::agreement.agreement').findOne({ where: { id: agreements[0].id } })).validityState).toBe('expiring');
    expect(await partnerPublished(partnerId)).toBe(true);

    const dayAfterEnd = new Date(Date.parse(endDate) + 24 * 3600 * 1000).toISOString().slice(0, 10);
    const outcome = await validity().refreshAllAgreementValidity(app.strapi, dayAfterEnd);
    expect(outcome.updated).toBeGreaterThan(0);
    expect(await partnerPublished(partnerId)).toBe(false);
  });

  test('a renewal supersedes the agreement it renews', async () => {
    const old = await createActiveAgreement(app.strapi, deps.partnerId);
    const renewal = await app.request().post('/api/agreements').set('Authorization', `Bearer ${credentials.apiToken}`).send({
      data: { kind: 'mou', ourNumber: `RENEW/${Date.now()}`, title: 'MoU perpanjangan', partner: deps.partnerId, renewalOf: old.documentId, signedDate: '2025-06-01', startDate: '2025-06-01', endDate: '2030-06-01' },
    });
    expect(renewal.status).toBe(201);
    expect((await app.strapi.db.query('api::agreement.agreement').findOne({ where: { documentId: old.documentId } })).validityState).toBe('superseded');
  });

  test('withdrawing the listing unpublishes the partner; a manual publish of an unlisted partner is refused', async () => {
    const partnerId = await createInState(app.strapi, 'api::partner.partner', 'proposed', deps);
    expect((await transition(kapokjaJwt, 'api::partner.partner', partnerId, { to: 'approved' })).status).toBe(200);
    expect((await transition(kapokjaJwt, 'api::partner.partner', partnerId, { to: 'withdrawn', reason: 'Kerja sama berhenti' })).status).toBe(200);
    expect(await partnerPublished(partnerId)).toBe(false);
    const publish = await app.request().post(`/content-manager/collection-types/api::partner.partner/${partnerId}/actions/publish`).set('Authorization', `Bearer ${credentials.adminJwt}`).send({});
    expect(publish.status).toBe(400);
    expect(await partnerPublished(partnerId)).toBe(false);
  });
});
