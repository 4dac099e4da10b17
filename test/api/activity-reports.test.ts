import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, apiToken } from '../helpers/auth';
import { fromDist } from '../helpers/dist';
import { cloneThrough } from '../helpers/doors';
import { createDocument } from '../helpers/directory-fixtures';
import { bodyOf, clearSmtpEnv, createPartner, createUnit, createUnitUser, shiftDays, startSmtpServer, today } from '../helpers/participation';
import { createActiveAgreement } from '../helpers/workflow-fixtures';

/**
 * Issue 12, item 1: units report what was carried out (activity reports). The workflow
 * draft → submitted → verified | returned at every door, scoping as for proposals (another unit
 * reads, counts, links and changes nothing: REST, GraphQL, upload linking, relation shapes), the
 * 30-day evidence reminder sent once, and a unit's own-initiative proposal without a call.
 */
type Row = Record<string, unknown> & { id: number; documentId: string };
type Who = 'unitA' | 'unitB';
type Reminders = typeof import('../../src/participation/reminders');

const REPORT = 'api::activity-report.activity-report';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let units: Record<'deptA' | Who, Row>;
const jwt = {} as Record<Who, string>;
const email = {} as Record<Who, string>;
const agreement = {} as Record<Who, Row>;
const item = {} as Record<Who, Row>;
const report = {} as Record<Who, string>;
let partner: Row;
let token: string;
let stafJwt: string;
let kapokjaJwt: string;

const auth = (who: Who) => ({ Authorization: `Bearer ${jwt[who]}` });
const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });
const gql = (who: Who, query: string, variables: Record<string, unknown> = {}) => app.request().post('/graphql').set(auth(who)).send({ query, variables });
const stored = (documentId: string) =>
  app.strapi.db.query(REPORT).findOne({
    where: { documentId },
    populate: { unit: true, partner: true, agreement: true, programItem: true, reportedBy: true, evidence: { populate: { file: true } } },
  }) as Promise<Row>;
const count = () => app.strapi.db.query(REPORT).count({});
const upload = async (who: Who, name = 'bukti.pdf') => {
  const response = await app.request().post('/api/upload').set(auth(who)).attach('files', PDF, { filename: name, contentType: 'application/pdf' });
  expect(response.status).toBe(201);
  return response.body[0] as Row;
};
const move = (who: Who, documentId: string, body: Record<string, unknown>) => app.request().post(`/api/activity-reports/${documentId}/transitions`).set(auth(who)).send(body);
const adminMove = (adminJwt: string, documentId: string, body: Record<string, unknown>) =>
  app.request().post(`/kerjasama/workflow/${REPORT}/${documentId}/transitions`).set(bearer(adminJwt)).send(body);
const reportData = (who: Who, extra: Record<string, unknown> = {}) => ({
  title: `Kuliah tamu ${who}`, tridharma: 'education', startDate: '2026-03-02', endDate: '2026-03-03',
  studentParticipants: 40, lecturerParticipants: 3, benefit: 'Mahasiswa mengenal industri', studentsWithCredits: 10, creditsRecognised: 20, certificatesIssued: 12,
  followUp: 'Magang semester depan', agreement: agreement[who].documentId, programItem: item[who].documentId, ...extra,
});

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await setupStrapi({ ...smtp.env });
  const { strapi } = app;
  const deptA = await createUnit(strapi, 'department');
  units = { deptA, unitA: await createUnit(strapi, 'study_program', deptA, 'prodi-a@unit.test'), unitB: await createUnit(strapi, 'department', undefined, 'jurusan-b@unit.test') };
  for (const who of ['unitA', 'unitB'] as Who[]) {
    const user = await createUnitUser(strapi, app.request, units[who]);
    jwt[who] = user.jwt;
    email[who] = user.email;
  }
  partner = await createPartner(strapi, { internalNotes: 'Catatan rahasia' });
  const program = await createDocument(strapi, 'api::annual-program.annual-program', { year: 2026, title: 'Program 2026' });
  for (const who of ['unitA', 'unitB'] as Who[]) {
    agreement[who] = (await createActiveAgreement(strapi, partner.documentId, { title: `MoU ${who}`, units: [units[who].id] })) as unknown as Row;
    item[who] = (await createDocument(strapi, 'api::program-item.program-item', { title: `Butir ${who}`, program: program.documentId, units: [units[who].id], partner: partner.documentId })) as unknown as Row;
  }
  token = await apiToken(strapi);
  stafJwt = await adminToken(strapi, app.request, ['Staf Humas']);
  kapokjaJwt = await adminToken(strapi, app.request, ['Kapokja Humas & Kerjasama']);
  for (const who of ['unitA', 'unitB'] as Who[]) {
    const file = await upload(who);
    const response = await app.request().post('/api/activity-reports').set(auth(who)).send({ data: reportData(who, { evidence: [{ kind: 'photo', file: file.id, note: 'Foto bersama' }] }) });
    expect({ status: response.status, body: response.status === 201 ? null : response.body }).toEqual({ status: 201, body: null });
    report[who] = response.body.data.documentId;
  }
});
afterAll(async () => {
  await app?.destroy();
  await smtp?.close();
  clearSmtpEnv();
});

describe('what a unit reports', () => {
  test('a draft of its own unit, by its account, with the partner of its agreement and its evidence file', async () => {
    const row = await stored(report.unitA);
    expect(row).toMatchObject({ workflowState: 'draft', verifiedAt: null, creditsRecognised: 20 });
    expect((row.unit as Row).id).toBe(units.unitA.id);
    expect((row.partner as Row).id).toBe(partner.id);
    expect((row.agreement as Row).id).toBe(agreement.unitA.id);
    expect((row.reportedBy as Row).email).toBe(email.unitA);
    expect((row.evidence as Row[]).map((e) => [e.kind, (e.file as Row | null)?.name])).toEqual([['photo', 'bukti.pdf']]);
  });

  test('the portal options hold its own agreements and program items only', async () => {
    const response = await app.request().get('/api/activity-report-options').set(auth('unitA'));
    expect(response.status).toBe(200);
    expect(response.body.data.agreements.map((a: Row) => a.documentId)).toEqual([agreement.unitA.documentId]);
    expect(response.body.data.programItems.map((i: Row) => i.documentId)).toEqual([item.unitA.documentId]);
    expect(JSON.stringify(response.body)).not.toContain('rahasia');
  });

  test.each([
    ['another unit', () => ({ unit: units.unitB.documentId }), 'unit'],
    ['another unit\'s agreement', () => ({ agreement: agreement.unitB.documentId }), 'agreement'],
    ['another unit\'s agreement by connect', () => ({ agreement: { connect: [agreement.unitB.documentId] } }), 'agreement'],
    ['another unit\'s agreement by set of ids', () => ({ agreement: { set: [{ id: agreement.unitB.id }] } }), 'agreement'],
    ['another unit\'s agreement by id array', () => ({ agreement: [agreement.unitB.id] }), 'agreement'],
    ['another unit\'s program item', () => ({ programItem: { documentId: item.unitB.documentId } }), 'programItem'],
    ['a state beyond draft', () => ({ workflowState: 'verified' }), 'workflowState'],
    ['the verification time', () => ({ verifiedAt: new Date().toISOString() }), 'verifiedAt'],
    ['the reporting account', () => ({ reportedBy: 1 }), 'reportedBy'],
    ['the partner', () => ({ partner: partner.documentId }), 'partner'],
  ])('creating with %s is refused and nothing is stored', async (_, extra, field) => {
    const before = await count();
    const response = await app.request().post('/api/activity-reports').set(auth('unitA')).send({ data: reportData('unitA', extra()) });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error)).toContain(field);
    expect(await count()).toBe(before);
  });
});

describe('another unit, at every door', () => {
  test('REST: lists, totals, filters and populate reach nothing of it', async () => {
    const list = await app.request().get('/api/activity-reports?populate=*').set(auth('unitB'));
    expect(list.status).toBe(200);
    expect(list.body.data.map((r: Row) => r.documentId)).toEqual([report.unitB]);
    expect(list.body.meta.pagination.total).toBe(1);
    for (const query of [
      `filters[unit][documentId][$eq]=${units.unitA.documentId}`,
      'filters[$or][0][unit][id][$notNull]=true&filters[$or][1][unit][id][$null]=true',
      `filters[documentId][$eq]=${report.unitA}`,
    ]) {
      const response = await app.request().get(`/api/activity-reports?${query}`).set(auth('unitB'));
      expect(response.status).toBeLessThan(500);
      expect(JSON.stringify(response.body)).not.toContain(report.unitA);
    }
    const text = JSON.stringify((await app.request().get('/api/activity-reports?populate[agreement]=true&populate[partner][populate]=*&populate[unit][populate][children]=true').set(auth('unitB'))).body);
    expect(text).not.toContain(report.unitA);
    expect(text).not.toContain('rahasia');
  });

  test('REST: reading, changing, moving or deleting it by its id is "not found" and changes nothing', async () => {
    const id = report.unitA;
    expect((await app.request().get(`/api/activity-reports/${id}`).set(auth('unitB'))).status).toBe(404);
    expect((await app.request().get(`/api/activity-reports/${id}/workflow`).set(auth('unitB'))).status).toBe(404);
    expect((await app.request().put(`/api/activity-reports/${id}`).set(auth('unitB')).send({ data: { title: 'Diambil alih' } })).status).toBe(404);
    expect((await move('unitB', id, { to: 'submitted' })).status).toBe(404);
    expect([403, 404]).toContain((await app.request().delete(`/api/activity-reports/${id}`).set(auth('unitB'))).status);
    expect(await stored(id)).toMatchObject({ title: 'Kuliah tamu unitA', workflowState: 'draft' });
  });

  test('GraphQL: the list and its total are its own; the other unit\'s report reads null and cannot be updated', async () => {
    const list = await gql('unitB', '{ activityReports(pagination: { limit: 100 }) { documentId } activityReports_connection { pageInfo { total } } }');
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data.activityReports.map((r: Row) => r.documentId)).toEqual([report.unitB]);
    expect(list.body.data.activityReports_connection.pageInfo.total).toBe(1);
    const one = await gql('unitB', 'query($id: ID!) { activityReport(documentId: $id) { documentId title } }', { id: report.unitA });
    expect(one.body.data?.activityReport ?? null).toBeNull();
    const update = await gql('unitB', 'mutation($id: ID!) { updateActivityReport(documentId: $id, data: { title: "Diambil alih" }) { documentId } }', { id: report.unitA });
    expect(update.body.data?.updateActivityReport ?? null).toBeNull();
    expect(update.body.errors?.length).toBeGreaterThan(0);
    const create = await gql('unitB', 'mutation($unit: ID!) { createActivityReport(data: { title: "Palsu", tridharma: education, startDate: "2026-01-01", unit: $unit }) { documentId } }', { unit: units.unitA.documentId });
    expect(create.body.errors?.length).toBeGreaterThan(0);
    const nested = await gql('unitB', '{ activityReports { documentId agreement { title internalNotes } partner { name internalNotes } } }');
    expect(JSON.stringify(nested.body.data ?? {})).not.toContain(report.unitA);
    expect(JSON.stringify(nested.body)).not.toContain('rahasia');
    expect(await stored(report.unitA)).toMatchObject({ title: 'Kuliah tamu unitA' });
    expect(await app.strapi.db.query(REPORT).count({ where: { title: 'Palsu' } })).toBe(0);
  });

  test('upload: a file cannot be linked to its report, nor its file named as evidence, in any shape', async () => {
    const target = await stored(report.unitA);
    const linked = await app.request().post('/api/upload').set(auth('unitB'))
      .field('ref', REPORT).field('refId', String(target.id)).field('field', 'evidence')
      .attach('files', PDF, { filename: 'x.pdf', contentType: 'application/pdf' });
    expect(linked.status).toBe(403);
    const fileOfA = (target.evidence as Row[])[0].file as Row;
    for (const file of [fileOfA.id, String(fileOfA.id), { id: fileOfA.id }, fileOfA.documentId, { documentId: fileOfA.documentId }, [fileOfA.id]]) {
      const response = await app.request().put(`/api/activity-reports/${report.unitB}`).set(auth('unitB')).send({ data: { evidence: [{ kind: 'photo', file }] } });
      expect({ file, status: response.status }).toEqual({ file, status: 400 });
    }
    const fresh = await app.request().post('/api/upload').set(auth('unitA')).attach('files', PDF, { filename: 'segar.pdf', contentType: 'application/pdf' });
    const freshOfA = fresh.body[0] as Row;
    const response = await app.request().put(`/api/activity-reports/${report.unitB}`).set(auth('unitB')).send({ data: { evidence: [{ kind: 'report', file: freshOfA.id }] } });
    expect(response.status).toBe(400);
    const mine = await stored(report.unitB);
    expect((mine.evidence as Row[]).map((e) => (e.file as Row).name)).toEqual(['bukti.pdf']);
    expect(((await stored(report.unitA)).evidence as Row[]).map((e) => (e.file as Row).id)).toEqual([fileOfA.id]);
  });

  test('changing its own report to the other unit\'s agreement or program item, in any relation shape, is refused', async () => {
    for (const data of [
      { agreement: agreement.unitA.documentId },
      { agreement: { connect: [{ documentId: agreement.unitA.documentId }] } },
      { agreement: { set: [agreement.unitA.id] } },
      { programItem: [item.unitA.id] },
      { programItem: { connect: [item.unitA.documentId] } },
    ]) {
      const response = await app.request().put(`/api/activity-reports/${report.unitB}`).set(auth('unitB')).send({ data });
      expect({ data, status: response.status }).toEqual({ data, status: 400 });
    }
    const row = await stored(report.unitB);
    expect((row.agreement as Row).id).toBe(agreement.unitB.id);
    expect((row.programItem as Row).id).toBe(item.unitB.id);
  });
});

describe('the workflow', () => {
  test('submit, no verify or return by the unit, return needs a reason, fix and resubmit, verify, then frozen', async () => {
    const id = report.unitA;
    expect((await move('unitA', id, { to: 'submitted' })).status).toBe(200);
    // The unit can neither verify nor return its own report, by the route or by a direct write.
    for (const body of [{ to: 'verified' }, { to: 'returned', reason: 'coba' }]) {
      const response = await move('unitA', id, body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/hanya dapat dilakukan oleh/);
    }
    expect((await app.request().put(`/api/activity-reports/${id}`).set(auth('unitA')).send({ data: { workflowState: 'verified' } })).status).toBe(400);
    // Submitted: content is Humas's to judge now.
    expect((await app.request().put(`/api/activity-reports/${id}`).set(auth('unitA')).send({ data: { benefit: 'Diubah' } })).status).toBe(400);

    const noReason = await adminMove(stafJwt, id, { to: 'returned' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toMatch(/alasan wajib diisi/);
    expect((await adminMove(stafJwt, id, { to: 'returned', reason: 'Lampirkan daftar hadir' })).status).toBe(200);
    const seen = await app.request().get(`/api/activity-reports/${id}/workflow`).set(auth('unitA'));
    expect(seen.body.data.history[0]).toMatchObject({ toState: 'returned', reason: 'Lampirkan daftar hadir' });
    expect(seen.body.data.available.map((m: Row) => m.name)).toEqual(['resubmit']);

    const own = (await stored(id)).evidence as Row[];
    const attendance = await upload('unitA', 'daftar-hadir.pdf');
    const fixed = await app.request().put(`/api/activity-reports/${id}`).set(auth('unitA')).send({
      data: { evidence: [{ kind: 'photo', file: (own[0].file as Row).id }, { kind: 'attendance_list', file: { documentId: attendance.documentId } }] },
    });
    expect(fixed.status).toBe(200);
    expect((await move('unitA', id, { to: 'submitted' })).status).toBe(200);

    expect((await app.request().put(`/api/activity-reports/${id}`).set(bearer(token)).send({ data: { verifiedAt: '2026-01-01T00:00:00.000Z' } })).status).toBe(400);
    const verified = await adminMove(kapokjaJwt, id, { to: 'verified' });
    expect(verified.status).toBe(200);
    const row = await stored(id);
    expect(row.workflowState).toBe('verified');
    expect(Date.now() - new Date(row.verifiedAt as string).getTime()).toBeLessThan(60_000);
    expect((row.evidence as Row[]).map((e) => e.kind)).toEqual(['photo', 'attendance_list']);

    // Verified is frozen for everybody, at every door.
    const cm = await app.request().put(`/content-manager/collection-types/${REPORT}/${id}`).set(bearer(stafJwt)).send({ title: 'Diubah Humas' });
    expect(cm.status).toBe(400);
    expect((await app.request().put(`/api/activity-reports/${id}`).set(bearer(token)).send({ data: { title: 'Diubah token' } })).status).toBe(400);
    expect((await app.request().put(`/api/activity-reports/${id}`).set(bearer(token)).send({ data: { workflowState: 'returned' } })).status).toBe(400);
    expect((await app.request().put(`/api/activity-reports/${id}`).set(auth('unitA')).send({ data: { title: 'Diubah unit' } })).status).toBe(400);
    expect(await stored(id)).toMatchObject({ title: 'Kuliah tamu unitA', workflowState: 'verified', verifiedAt: row.verifiedAt });

    const portal = await app.request().get(`/api/activity-reports/${id}`).set(auth('unitA'));
    expect(portal.body.data).toMatchObject({ workflowState: 'verified', agreement: { documentId: agreement.unitA.documentId, title: 'MoU unitA' } });
  });

  test('a Content Manager clone of a verified report starts as a draft without its verification', async () => {
    const outcome = await cloneThrough('content-manager-auto', REPORT, report.unitA, {}, { strapi: app.strapi, request: app.request, credentials: { apiToken: token, adminJwt: stafJwt } });
    expect(outcome.ok).toBe(true);
    expect(await stored(outcome.documentId!)).toMatchObject({ workflowState: 'draft', verifiedAt: null });
    // Out of the way of the reminder below (a copy has no files); retention keeps it from any door.
    await app.strapi.db.query(REPORT).delete({ where: { documentId: outcome.documentId } });
    const refused = await cloneThrough('content-manager', REPORT, report.unitA, { workflowState: 'verified', verifiedAt: new Date().toISOString() }, { strapi: app.strapi, request: app.request, credentials: { apiToken: token, adminJwt: stafJwt } });
    expect(refused.status).toBe(400);
  });
});

describe('the evidence reminder', () => {
  test('an activity ended 30 days ago without evidence reminds its unit once; with evidence, or sooner, it does not', async () => {
    const reminders = fromDist<Reminders>('src/participation/reminders');
    const day = today();
    const make = async (title: string, endDate: string, evidence: unknown[] = []) => {
      const response = await app.request().post('/api/activity-reports').set(auth('unitB')).send({ data: { ...reportData('unitB'), title, startDate: shiftDays(endDate, -1), endDate, evidence } });
      expect(response.status).toBe(201);
    };
    await make('Pelatihan tanpa bukti', shiftDays(day, -30));
    await make('Seminar baru selesai', shiftDays(day, -29));
    await make('Pelatihan dengan bukti', shiftDays(day, -45), [{ kind: 'certificate', file: (await upload('unitB', 'sertifikat.pdf')).id }]);
    await make('Pelatihan baris tanpa berkas', shiftDays(day, -40), [{ kind: 'report', note: 'menyusul' }]);
    const before = smtp.received.length;
    const runs = await Promise.all([1, 2].map(() => reminders.sendActivityEvidenceReminders(app.strapi, { today: day })));
    expect(runs.reduce((sum, sent) => sum + sent, 0)).toBe(2);
    expect(await reminders.sendActivityEvidenceReminders(app.strapi, { today: day })).toBe(0);
    // The next day the seminar's 30 days are over too; the others are not sent again.
    expect(await reminders.sendActivityEvidenceReminders(app.strapi, { today: shiftDays(day, 1) })).toBe(1);
    expect(await reminders.sendActivityEvidenceReminders(app.strapi, { today: shiftDays(day, 2) })).toBe(0);
    const mails = smtp.received.slice(before);
    const subject = (title: string) => `[Kerjasama Polibatam] Bukti kegiatan belum diunggah: ${title} (Activity evidence not uploaded yet: ${title})`;
    expect(mails.map((mail) => mail.subject)).toEqual(expect.arrayContaining([subject('Pelatihan baris tanpa berkas'), subject('Pelatihan tanpa bukti')]));
    expect(mails.map((mail) => mail.subject)[2]).toBe(subject('Seminar baru selesai'));
    expect(mails).toHaveLength(3);
    expect(mails[0].to.sort()).toEqual(['jurusan-b@unit.test', email.unitB].sort());
    expect(bodyOf(mails[0].raw)).toContain('/usulan/');
  });
});

describe('a unit\'s own initiative', () => {
  test('with no call open, a proposal on the unit\'s initiative is accepted; one answering a call is still refused', async () => {
    const base = { title: 'Inisiatif prodi', objectives: 'Kerja sama riset', plannedYear: 2027, prospectivePartnerName: 'PT Calon' };
    const refused = await app.request().post('/api/proposals').set(auth('unitA')).send({ data: base });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/No call for proposals is open/);
    const asCall = await app.request().post('/api/proposals').set(auth('unitA')).send({ data: { ...base, sourceChannel: 'call_for_proposals' } });
    expect(asCall.status).toBe(400);
    const accepted = await app.request().post('/api/proposals').set(auth('unitA')).send({ data: { ...base, sourceChannel: 'unit_initiative' } });
    expect(accepted.status).toBe(201);
    const row = (await app.strapi.db.query('api::proposal.proposal').findOne({ where: { documentId: accepted.body.data.documentId }, populate: { unit: true, callForProposals: true } })) as Row;
    expect(row).toMatchObject({ sourceChannel: 'unit_initiative', callForProposals: null, workflowState: 'draft' });
    expect((row.unit as Row).id).toBe(units.unitA.id);
    expect((await app.request().post(`/api/proposals/${row.documentId}/transitions`).set(auth('unitA')).send({ to: 'submitted' })).status).toBe(200);
    // Another channel stays Humas's.
    expect((await app.request().post('/api/proposals').set(auth('unitA')).send({ data: { ...base, sourceChannel: 'humas_initiative' } })).status).toBe(400);
  });
});
