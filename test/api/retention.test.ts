import path from 'path';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, apiToken } from '../helpers/auth';
import { deleteThrough, DOORS, updateThrough, type DoorCredentials } from '../helpers/doors';
import { createDocument } from '../helpers/directory-fixtures';
import { createActiveAgreement, createWorkflowDeps, type WorkflowDeps } from '../helpers/workflow-fixtures';

/**
 * Retention (PR.28.1 §4) counts from facts a writer cannot rewrite: back-dating an agreement
 * does not free it, an agreement that ended recently is kept five years from its end however
 * old it is, a survey's responses are kept with the survey, and the retention report says so.
 */
const AGREEMENT = 'api::agreement.agreement';
const SURVEY = 'api::satisfaction-survey.satisfaction-survey';
const RESPONSE = 'api::survey-response.survey-response';
const INVITATION = 'api::survey-invitation.survey-invitation';
const ALL_DOORS = [...DOORS, 'content-manager-bulk'] as const;
const YEAR_MS = 365.25 * 24 * 3600 * 1000;

let app: TestApp;
let deps: WorkflowDeps;
let credentials: DoorCredentials;
let kapokjaJwt: string;

beforeAll(async () => {
  app = await setupStrapi();
  deps = await createWorkflowDeps(app.strapi);
  credentials = { apiToken: await apiToken(app.strapi), adminJwt: await adminToken(app.strapi, app.request) };
  kapokjaJwt = await adminToken(app.strapi, app.request, ['Kapokja Humas & Kerjasama']);
});
afterAll(() => app?.destroy());

const doorContext = () => ({ strapi: app.strapi, request: app.request, credentials });
const yearsAgo = (years: number) => new Date(Date.now() - years * YEAR_MS);
const dayOf = (instant: Date) => instant.toISOString().slice(0, 10);
const agreement = (documentId: string) => app.strapi.db.query(AGREEMENT).findOne({ where: { documentId } });
/** Test set-up only: give a row the dates it would have had, had it been written years ago. */
const age = (uid: string, documentId: string, data: Record<string, unknown>) => app.strapi.db.query(uid as never).update({ where: { documentId }, data });
const report = async (jwt = kapokjaJwt) => app.request().get('/kerjasama/retention-report').set('Authorization', `Bearer ${jwt}`);
const listed = async (uid: string) => {
  const response = await report();
  expect(response.status).toBe(200);
  const kind = response.body.data.kinds.find((entry: { uid: string }) => entry.uid === uid);
  return kind.pastRetention.map((entry: { documentId: string }) => entry.documentId) as string[];
};
const expectKeptAtEveryDoor = async (uid: string, documentId: string) => {
  for (const door of ALL_DOORS) {
    const outcome = await deleteThrough(door, uid, documentId, doorContext());
    expect({ door, ok: outcome.ok, status: outcome.status }).toEqual({ door, ok: false, status: outcome.status });
    expect(outcome.status).toBeLessThan(500);
  }
  expect(await app.strapi.db.query(uid as never).count({ where: { documentId } })).toBe(1);
};

describe('back-dating an agreement does not free it', () => {
  const BACK_DATED: Array<[string, 'rest' | 'graphql' | 'content-manager' | 'document-service', Record<string, unknown>, string]> = [
    ['every date to 2000, through REST', 'rest', { signedDate: '2000-01-01', startDate: '2000-01-01', endDate: '2000-12-31' }, 'expired'],
    ['end date to 2000, through GraphQL', 'graphql', { startDate: '2000-01-01', endDate: '2000-12-31' }, 'expired'],
    ['terminated in 2000, through the Content Manager', 'content-manager', { terminatedDate: '2000-06-01', terminationReason: 'Mundur' }, 'terminated'],
    ['terminated in 2000, through the Document Service', 'document-service', { terminatedDate: '2000-06-01' }, 'terminated'],
  ];

  test.each(BACK_DATED)('%s: the end is recorded now, and no door deletes it', async (_, door, dates, state) => {
    const { documentId } = await createActiveAgreement(app.strapi, deps.partnerId);
    const before = Date.now();
    const outcome = await updateThrough(door, AGREEMENT, documentId, dates, doorContext());
    expect(outcome).toMatchObject({ ok: true });
    const row = await agreement(documentId);
    expect(row.validityState).toBe(state);
    expect(Date.parse(row.endedAt)).toBeGreaterThanOrEqual(before - 1000);
    await expectKeptAtEveryDoor(AGREEMENT, documentId);
    expect(await listed(AGREEMENT)).not.toContain(documentId);
  });

  test('an agreement that had ended is not freed by rewriting its end to 2000 either', async () => {
    const { documentId } = await createActiveAgreement(app.strapi, deps.partnerId, { signedDate: dayOf(yearsAgo(4)), startDate: dayOf(yearsAgo(4)), endDate: dayOf(yearsAgo(2)) });
    await age(AGREEMENT, documentId, { createdAt: yearsAgo(4), endedAt: yearsAgo(2) });
    expect((await updateThrough('rest', AGREEMENT, documentId, { startDate: '2000-01-01', endDate: '2000-12-31' }, doorContext())).ok).toBe(true);
    expect(Date.parse((await agreement(documentId)).endedAt)).toBeLessThan(Date.now() - YEAR_MS);
    await expectKeptAtEveryDoor(AGREEMENT, documentId);
  });

  test('nobody types endedAt: the system keeps it', async () => {
    const { documentId } = await createActiveAgreement(app.strapi, deps.partnerId);
    for (const door of DOORS) {
      const outcome = await updateThrough(door, AGREEMENT, documentId, { endedAt: '2000-01-01T00:00:00.000Z' }, doorContext());
      expect({ door, ok: outcome.ok }).toEqual({ door, ok: false });
    }
    const created = await app.request().post('/api/agreements').set('Authorization', `Bearer ${credentials.apiToken}`).send({
      data: { kind: 'mou', ourNumber: `ENDED/${Date.now()}`, title: 'MoU', partner: deps.partnerId, startDate: '2000-01-01', endDate: '2000-12-31', endedAt: '2000-12-31T00:00:00.000Z' },
    });
    expect(created.status).toBe(400);
    expect(created.body.error.details.errors[0].path).toEqual(['endedAt']);
    expect((await agreement(documentId)).endedAt).toBeNull();
  });
});

describe('the retention clock of an agreement runs from its end', () => {
  test('ended a year ago, created eight years ago: kept, and not in the report', async () => {
    const { documentId } = await createActiveAgreement(app.strapi, deps.partnerId, { signedDate: dayOf(yearsAgo(8)), startDate: dayOf(yearsAgo(8)), endDate: dayOf(yearsAgo(1)) });
    await age(AGREEMENT, documentId, { createdAt: yearsAgo(8), endedAt: yearsAgo(1) });
    const refusal = await deleteThrough('rest', AGREEMENT, documentId, doorContext());
    expect(refusal.message).toContain(`until ${dayOf(new Date(yearsAgo(1).getTime() + 5 * YEAR_MS)).slice(0, 4)}`);
    await expectKeptAtEveryDoor(AGREEMENT, documentId);
    expect(await listed(AGREEMENT)).not.toContain(documentId);
  });

  test('terminated half a year ago, created ten years ago and running to a later end: kept from the termination', async () => {
    const { documentId } = await createActiveAgreement(app.strapi, deps.partnerId, { signedDate: dayOf(yearsAgo(10)), startDate: dayOf(yearsAgo(10)) });
    expect((await updateThrough('rest', AGREEMENT, documentId, { terminatedDate: dayOf(yearsAgo(0.5)), terminationReason: 'Mitra tutup' }, doorContext())).ok).toBe(true);
    await age(AGREEMENT, documentId, { createdAt: yearsAgo(10), endedAt: yearsAgo(0.5) });
    await expectKeptAtEveryDoor(AGREEMENT, documentId);
    expect(await listed(AGREEMENT)).not.toContain(documentId);
  });

  test('created nine years ago and ended seven years ago: in the report, and deletable', async () => {
    const { documentId } = await createActiveAgreement(app.strapi, deps.partnerId, { signedDate: dayOf(yearsAgo(9)), startDate: dayOf(yearsAgo(9)), endDate: dayOf(yearsAgo(7)) });
    await age(AGREEMENT, documentId, { createdAt: yearsAgo(9), endedAt: yearsAgo(7) });
    const response = await report();
    const kind = response.body.data.kinds.find((entry: { uid: string }) => entry.uid === AGREEMENT);
    const entry = kind.pastRetention.find((row: { documentId: string }) => row.documentId === documentId);
    expect(entry).toMatchObject({ finalisedAt: dayOf(yearsAgo(7)), retainUntil: expect.stringMatching(/^\d{4}-/) });
    expect(Date.parse(entry.retainUntil)).toBeLessThan(Date.now());
    expect(kind.total).toBe(await app.strapi.db.query(AGREEMENT).count({}));
    expect((await deleteThrough('content-manager', AGREEMENT, documentId, doorContext())).ok).toBe(true);
  });
});

describe('the retention report', () => {
  test('Kapokja and the Director read it; Staf Humas, a unit and the public do not', async () => {
    expect((await report()).status).toBe(200);
    expect((await report(await adminToken(app.strapi, app.request, ['Direktur']))).status).toBe(200);
    expect((await report(await adminToken(app.strapi, app.request, ['Staf Humas']))).status).toBe(403);
    expect((await report(credentials.apiToken)).status).toBe(401);
    expect((await app.request().get('/kerjasama/retention-report')).status).toBe(401);
  });

  test('lists every retained kind with its labels, and only records past their five years', async () => {
    const recent = await createDocument(app.strapi, 'api::meeting-minute.meeting-minute', { number: `NOT/R/${Date.now()}`, title: 'Rapat baru', meetingDate: '2026-01-10', kind: 'internal' });
    const old = await createDocument(app.strapi, 'api::meeting-minute.meeting-minute', { number: `NOT/O/${Date.now()}`, title: 'Rapat lama', meetingDate: '2019-01-10', kind: 'internal' });
    await age('api::meeting-minute.meeting-minute', old.documentId, { createdAt: yearsAgo(6) });
    const response = await report();
    expect(Date.parse(response.body.data.generatedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(response.body.data.kinds.map((kind: { uid: string }) => kind.uid).sort()).toEqual(
      [AGREEMENT, SURVEY, 'api::needs-mapping.needs-mapping', 'api::evaluation-report.evaluation-report', 'api::meeting-minute.meeting-minute', 'api::annual-program.annual-program', 'api::monitoring-record.monitoring-record', 'api::issued-document.issued-document', 'api::activity-report.activity-report'].sort(),
    );
    const minutes = response.body.data.kinds.find((kind: { uid: string }) => kind.uid === 'api::meeting-minute.meeting-minute');
    expect(minutes.labels).toEqual({ id: 'Notulen rapat', en: 'meeting minutes' });
    const ids = minutes.pastRetention.map((row: { documentId: string }) => row.documentId);
    expect(ids).toContain(old.documentId);
    expect(ids).not.toContain(recent.documentId);
  });
});

describe("a survey's responses and invitations are kept with the survey", () => {
  test('no door deletes them while the survey is retained; once it is not, they may go', async () => {
    const survey = await createDocument(app.strapi, SURVEY, { title: `Survei retensi ${Date.now()}`, year: 2026, scaleMax: 4 });
    const response = await createDocument(app.strapi, RESPONSE, { survey: survey.documentId, submittedAt: '2026-04-01T00:00:00.000Z', answers: [{ questionCode: 'R1', score: 3 }] });
    const invitation = await createDocument(app.strapi, INVITATION, { survey: survey.documentId, partner: deps.partnerId, contactEmail: `retensi-${Date.now()}@mitra.example`, expiresAt: '2027-01-01T00:00:00.000Z' });
    await expectKeptAtEveryDoor(RESPONSE, response.documentId);
    await expectKeptAtEveryDoor(INVITATION, invitation.documentId);
    const refusal = await deleteThrough('rest', RESPONSE, response.documentId, doorContext());
    expect(refusal).toMatchObject({ status: 400, paths: ['documentId'] });
    expect(refusal.message).toMatch(/^Jawaban survei adalah bagian dari survei kepuasan .* \(This survey response is part of a cooperation service satisfaction survey/);

    await age(SURVEY, survey.documentId, { createdAt: yearsAgo(6) });
    expect((await deleteThrough('rest', RESPONSE, response.documentId, doorContext())).ok).toBe(true);
    expect((await deleteThrough('content-manager', INVITATION, invitation.documentId, doorContext())).ok).toBe(true);
  });
});

describe('the endedAt migration', () => {
  test('existing ended agreements get the later of their stated end and their creation; others stay empty', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const migration = require(path.join(app.strapi.dirs.app.root, 'database', 'migrations', '2026.12.01T00.00.00.agreement-ended-at.js')) as {
      up: (knex: unknown, db: unknown) => Promise<void>;
    };
    const backDated = await createActiveAgreement(app.strapi, deps.partnerId, { signedDate: '2000-01-01', startDate: '2000-01-01', endDate: '2000-12-31' });
    const endedLater = await createActiveAgreement(app.strapi, deps.partnerId, { signedDate: dayOf(yearsAgo(8)), startDate: dayOf(yearsAgo(8)), endDate: dayOf(yearsAgo(1)) });
    const running = await createActiveAgreement(app.strapi, deps.partnerId);
    // As rows written before the column existed.
    for (const { documentId } of [backDated, endedLater, running]) await age(AGREEMENT, documentId, { endedAt: null });
    await age(AGREEMENT, endedLater.documentId, { createdAt: yearsAgo(8) });
    await app.strapi.db.transaction(({ trx }) => migration.up(trx, app.strapi.db));

    const createdOf = async (documentId: string) => Date.parse((await agreement(documentId)).createdAt);
    expect(Date.parse((await agreement(backDated.documentId)).endedAt)).toBe(await createdOf(backDated.documentId));
    expect(Date.parse((await agreement(endedLater.documentId)).endedAt)).toBe(Date.parse(`${dayOf(yearsAgo(1))}T00:00:00.000Z`));
    expect((await agreement(running.documentId)).endedAt).toBeNull();
    await expectKeptAtEveryDoor(AGREEMENT, backDated.documentId);
  });
});
