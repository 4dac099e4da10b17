import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken } from '../helpers/auth';
import { fromDist } from '../helpers/dist';
import { createDocument, KAPOKJA } from '../helpers/directory-fixtures';
import { asAdmin, buildPlanningWorld, countQueries, type PlanningWorld } from '../helpers/planning-fixtures';
import { docxText, pdfText, readWorkbook } from '../helpers/documents';
import type { EvaluationFigures } from '../../src/domain/evaluation';

/**
 * The annual evaluation report (FO.28.2.1), computed for 2024 over the planning world
 * (test/helpers/planning-fixtures.ts) plus, here: A7 renews A3 (signed 2024-06-15, 2024-07-01..2026-06-30),
 * M6 on A7 2024-08-01 (4 activities, 12 students, 3 lecturers, 40 credits), a program for 2024 with
 * I1 done, I2 cancelled ("Mitra mundur"), I3 in progress due 2024-06-30 (late), I4 planned due 2025-02-01,
 * proposals 2024: two approved and one rejected by call for proposals, one pending from a unit meeting.
 *
 * Hand-counted (reference day 2024-12-31):
 *   signed 4 (A1, A2, A4, A7); in force 5 (A1, A2, A3, A5, A7); expired 1 (A3); renewed 1 (A7);
 *   terminated 0; expiring 1 (A2 ends 2025-03-01, within 90 days of 2024-12-31: counted on that day, not today);
 *   dormant 1 (A5: in force, started before 2024-01-01, never monitored; A1 was monitored 2024-04-01);
 *   monitoring 3 records, 9 activities, 12 students, 3 lecturers, 15 with credits, 40 credits, 6 certificates;
 *   targets: agreements signed 4/4 = 100 %, activities 9/10 = 90 % → overall 95 %.
 * Survey 2024 (scale 4; R1, R2 reliability, S1 responsiveness), 3 invited, 2 answered:
 *   PA (national) 4, 3, 2; PB (international) 2, 2, 4 → response rate 66.7 %, index 70.8 %, mean 2.83;
 *   reliability 2.75 / 68.8 %, responsiveness 3 / 75 %; international 2.67 / 66.7 %, national 3 / 75 %.
 */
let app: TestApp;
let world: PlanningWorld;
let kapokja: ReturnType<typeof asAdmin>;
let humas: ReturnType<typeof asAdmin>;
let director: ReturnType<typeof asAdmin>;
const Y = 2024;
let monitoringM6: string;

type ServiceModule = typeof import('../../src/workflow/service');
const move = (uid: string, documentId: string, to: string, reason?: string) =>
  fromDist<ServiceModule>('src/workflow/service').requestTransition(app.strapi, { uid, documentId, actor: KAPOKJA, body: { to, reason } });

beforeAll(async () => {
  app = await setupStrapi();
  const { strapi } = app;
  world = await buildPlanningWorld(strapi);
  kapokja = asAdmin(app.request, await adminToken(strapi, app.request, ['Kapokja Humas & Kerjasama']));
  humas = asAdmin(app.request, await adminToken(strapi, app.request, ['Staf Humas']));
  director = asAdmin(app.request, await adminToken(strapi, app.request, ['Direktur']));
  const { A3 } = world.agreements;
  const A7 = await createDocument(strapi, 'api::agreement.agreement', {
    ourNumber: `A7/${Date.now()}`, title: 'Naskah A7', kind: 'moa', partner: world.partners.PA, units: [world.units.J2], renewalOf: A3,
    signedDate: '2024-06-15', startDate: '2024-07-01', endDate: '2026-06-30',
  });
  monitoringM6 = (await createDocument(strapi, 'api::monitoring-record.monitoring-record', {
    agreement: A7.documentId, monitoredOn: '2024-08-01', implementationState: 'on_track', activitiesCount: 4, studentParticipants: 12, lecturerParticipants: 3, creditsRecognised: 40,
  })).documentId;
  for (const [metric, targetValue] of [['agreements_signed', 4], ['activities_carried_out', 10]] as const) {
    expect((await kapokja.post('/kerjasama/targets', { year: Y, metric, targetValue })).status).toBe(201);
  }
  const program = await createDocument(strapi, 'api::annual-program.annual-program', { year: Y, title: 'Program Kerjasama 2024', workflowState: 'approved', revisionNumber: 1 });
  const item = (title: string, plannedEnd: string) => createDocument(strapi, 'api::program-item.program-item', { title, program: program.documentId, quarter: 'Q1', plannedStart: '2024-01-15', plannedEnd });
  const I1 = await item('I1 Magang industri', '2024-05-31');
  const I2 = await item('I2 Riset bersama', '2024-09-30');
  const I3 = await item('I3 Kuliah tamu', '2024-06-30');
  await item('I4 Sertifikasi', '2025-02-01');
  const ITEM = 'api::program-item.program-item';
  await move(ITEM, I1.documentId, 'in_progress');
  await move(ITEM, I1.documentId, 'done');
  await move(ITEM, I2.documentId, 'cancelled', 'Mitra mundur');
  await move(ITEM, I3.documentId, 'in_progress');
  const proposal = (sourceChannel: string, workflowState: string) =>
    createDocument(strapi, 'api::proposal.proposal', { title: `Usulan ${sourceChannel} ${workflowState}`, unit: world.units.P1, proposerName: 'Dosen', proposerEmail: 'dosen@test.example', sourceChannel, plannedYear: Y, workflowState, partner: world.partners.PA, objectives: 'Tujuan uji' });
  await proposal('call_for_proposals', 'approved');
  await proposal('call_for_proposals', 'approved');
  await proposal('call_for_proposals', 'rejected');
  await proposal('unit_meeting', 'submitted');
  const survey = (await createDocument(strapi, 'api::satisfaction-survey.satisfaction-survey', {
    title: 'Survei Kepuasan Mitra 2024', year: Y, scaleMax: 4, workflowState: 'open',
    questions: [{ code: 'R1', dimension: 'reliability', textId: 'Sesuai janji' }, { code: 'R2', dimension: 'reliability', textId: 'Tepat waktu' }, { code: 'S1', dimension: 'responsiveness', textId: 'Cepat' }],
  })).documentId;
  const invite = (partner: string, contactEmail: string, used: boolean) => createDocument(strapi, 'api::survey-invitation.survey-invitation', {
    survey, partner, contactEmail, expiresAt: '2025-01-01T00:00:00.000Z', sentAt: '2024-10-01T00:00:00.000Z', ...(used ? { usedAt: '2024-10-05T00:00:00.000Z' } : {}),
  });
  await invite(world.partners.PA, 'a@pa.test', true);
  await invite(world.partners.PB, 'b@pb.test', true);
  await invite(world.partners.PA, 'c@pa.test', false);
  const respond = (partner: string, scores: number[]) => createDocument(strapi, 'api::survey-response.survey-response', {
    survey, partner, submittedAt: '2024-10-05T00:00:00.000Z', answers: ['R1', 'R2', 'S1'].map((questionCode, index) => ({ questionCode, score: scores[index] })),
  });
  await respond(world.partners.PA, [4, 3, 2]);
  await respond(world.partners.PB, [2, 2, 4]);
});
afterAll(() => app?.destroy());

const expectFigures = (figures: EvaluationFigures) => {
  expect(figures.agreements).toEqual({ signed: 4, inForce: 5, expiring: 1, expired: 1, renewed: 1, terminated: 0, dormant: 1 });
  expect(figures.monitoring).toEqual({ records: 3, activities: 9, studentParticipants: 12, lecturerParticipants: 3, studentsWithCredits: 15, creditsRecognised: 40, certificates: 6 });
  expect(figures.targets.overall).toBe(95);
  const rollUp = Object.fromEntries(figures.targets.rollUp.map((row) => [row.metric, [row.target, row.achieved, row.percent]]));
  expect(rollUp.agreements_signed).toEqual([4, 4, 100]);
  expect(rollUp.activities_carried_out).toEqual([10, 9, 90]);
  expect(figures.program).toMatchObject({ title: 'Program Kerjasama 2024', total: 4, planned: 1, inProgress: 1, done: 1, cancelled: 1, late: 1 });
  expect(figures.program?.reasons).toEqual([
    { title: 'I2 Riset bersama', status: 'cancelled', reason: 'Mitra mundur', plannedEnd: '2024-09-30' },
    { title: 'I3 Kuliah tamu', status: 'late', reason: null, plannedEnd: '2024-06-30' },
  ]);
  expect(figures.proposals.channels.map((row) => [row.channel, row.approved, row.rejected, row.pending, row.total])).toEqual([
    ['call_for_proposals', 2, 1, 0, 3],
    ['unit_meeting', 0, 0, 1, 1],
  ]);
  expect(figures.survey).toMatchObject({ title: 'Survei Kepuasan Mitra 2024', scaleMax: 4, invited: 3, answered: 2, responseRate: 66.7, index: 70.8, mean: 2.83 });
  expect(figures.survey?.dimensions.map((row) => [row.dimension, row.mean, row.index, row.n])).toEqual([['reliability', 2.75, 68.8, 4], ['responsiveness', 3, 75, 2]]);
  expect(figures.survey?.byPartnerLevel).toEqual([
    { level: 'international', responses: 1, mean: 2.67, index: 66.7 },
    { level: 'national', responses: 1, mean: 3, index: 75 },
  ]);
  const comparison = Object.fromEntries(figures.comparison.map((row) => [row.key, [row.previous, row.current, row.change]]));
  // 2023: A3 signed; in force A3, A5; M3 7 activities; no program, no proposals.
  expect(comparison['agreements.signed']).toEqual([1, 4, 3]);
  expect(comparison['agreements.inForce']).toEqual([2, 5, 3]);
  expect(comparison['monitoring.activities']).toEqual([7, 9, 2]);
  expect(comparison['program.done']).toEqual([null, 1, null]);
};

describe('FO.28.2.1 evaluation report', () => {
  test('bad input: unknown year and a year without a program are 400s naming the field', async () => {
    for (const path of ['/kerjasama/evaluation/abc', '/kerjasama/evaluation/1999']) {
      const response = await kapokja.get(path);
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors[0].path).toEqual(['year']);
    }
    const noProgram = await kapokja.get('/kerjasama/evaluation/2031');
    expect(noProgram.status).toBe(400);
    expect(noProgram.body.error.details.errors[0].path).toEqual(['year']);
    expect(noProgram.body.error.message).toMatch(/Belum ada program kerjasama tahun 2031/);
    const format = await kapokja.get(`/kerjasama/evaluation/${Y}/download?format=odt`);
    expect(format.status).toBe(400);
    expect(format.body.error.details.errors[0].path).toEqual(['format']);
  });

  test('preview: figures against the hand count, a constant number of queries', async () => {
    const response = await director.get(`/kerjasama/evaluation/${Y}`);
    expect(response.status).toBe(200);
    expect(response.body.data.report).toBeNull();
    expectFigures(response.body.data.figures);
    const { queries } = await countQueries(app.strapi, () => director.get(`/kerjasama/evaluation/${Y}`));
    expect(queries).toBeLessThan(60);
  });

  test('permissions: the Director reads but neither prepares nor finalizes; Staf Humas prepares but does not finalize', async () => {
    expect((await director.post(`/kerjasama/evaluation/${Y}/generate`, {})).status).toBe(403);
    expect((await humas.post(`/kerjasama/evaluation/${Y}/finalize`, {})).status).toBe(403);
    const generated = await humas.post(`/kerjasama/evaluation/${Y}/generate`, { findings: 'Kerjasama riset tumbuh.', problems: 'Monitoring A5 tidak ada.', recommendations: 'Perpanjang MoU A5 dan jadwalkan monitoring.' });
    expect(generated.status).toBe(200);
    expect(generated.body.data.report).toMatchObject({ year: Y, workflowState: 'draft', recommendations: 'Perpanjang MoU A5 dan jadwalkan monitoring.' });
    expectFigures(generated.body.data.figures);
    const stored = await app.strapi.db.query('api::evaluation-report.evaluation-report').findOne({ where: { year: Y } });
    expectFigures(stored.figures);
    const tooLong = await humas.post(`/kerjasama/evaluation/${Y}/generate`, { findings: 'x'.repeat(20001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.errors[0].path).toEqual(['findings']);
  });

  test('exports read back: XLSX cell by cell, PDF text, DOCX XML with every placeholder filled', async () => {
    const xlsx = await kapokja.get(`/kerjasama/evaluation/${Y}/download?format=xlsx`).buffer(true).parse((res, done) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => done(null, Buffer.concat(chunks))); });
    expect(xlsx.status).toBe(200);
    const workbook = await readWorkbook(xlsx.body as Buffer);
    const rowsOf = (name: string) => {
      const sheet = workbook.getWorksheet(name)!;
      const rows: string[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => String(value))));
      return rows;
    };
    const agreements = rowsOf('agreementRows');
    expect(agreements[1]).toEqual(['Naskah / Agreements', 'Jumlah / Count']);
    expect(agreements.slice(2)).toEqual([
      ['Ditandatangani pada tahun ini / Signed in the year', '4'],
      ['Berlaku pada tahun ini / In force during the year', '5'],
      ['Akan berakhir (90 hari) / Expiring (within 90 days)', '1'],
      ['Berakhir pada tahun ini / Expired in the year', '1'],
      ['Diperpanjang (naskah pembaruan) / Renewed (renewal agreements)', '1'],
      ['Diakhiri lebih awal / Terminated early', '0'],
      ['Tanpa monitoring 12 bulan / No monitoring in 12 months', '1'],
    ]);
    expect(rowsOf('monitoringRows').slice(2).map((row) => row[1])).toEqual(['3', '9', '12', '3', '15', '40', '6']);
    expect(rowsOf('targets')[1]).toEqual(['Capaian keseluruhan / Overall achievement: 95 %']);
    expect(rowsOf('surveyDimensions').slice(1)).toEqual([
      ['Survei Kepuasan Mitra 2024'],
      ['Tingkat respons / Response rate: 66,7 % (2/3) · Indeks kepuasan / Satisfaction index: 70,8 %'],
      ['Dimensi / Dimension', 'Rata-rata / Mean', 'Indeks / Index (%)'],
      ['Keandalan / Reliability', '2,75', '68,8'],
      ['Daya tanggap / Responsiveness', '3', '75'],
    ]);
    expect(rowsOf('surveyLevels').slice(2)).toEqual([['Internasional / International', '1', '2,67', '66,7'], ['Nasional / National', '1', '3', '75']]);
    expect(rowsOf('programReasons').slice(2)).toEqual([
      ['I2 Riset bersama', 'Dibatalkan / Cancelled', 'Mitra mundur'],
      ['I3 Kuliah tamu', 'Terlambat / Late (2024-06-30)', '–'],
    ]);
    const summary = rowsOf('Ringkasan');
    expect(summary).toContainEqual(['J. Rekomendasi untuk Tahun Berikutnya / Recommendations for Next Year', 'Perpanjang MoU A5 dan jadwalkan monitoring.']);
    expect(workbook.getWorksheet('Ringkasan')!.headerFooter.oddFooter).toContain('FO.28.2.1 · Versi / Version 1');

    const binary = (format: string) => kapokja.get(`/kerjasama/evaluation/${Y}/download?format=${format}`).buffer(true).parse((res, done) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => done(null, Buffer.concat(chunks))); });
    const pdf = await binary('pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { flat } = await pdfText(pdf.body as Buffer);
    expect(flat).toContain('Laporan Evaluasi Tahunan Kerjasama 2024');
    expect(flat).toContain('Capaian keseluruhan / Overall achievement: 95 %');
    expect(flat).toMatch(/Ditandatangani pada tahun ini \/ Signed in the year\s?4/);
    expect(flat).toMatch(/Tanpa monitoring 12 bulan \/ No monitoring in 12 months\s?1/);
    expect(flat).toContain('Mitra mundur');
    expect(flat).toContain('Tingkat respons / Response rate: 66,7 % (2/3) · Indeks kepuasan / Satisfaction index: 70,8 %');
    expect(flat).toMatch(/Keandalan \/ Reliability\s?2,75\s?68,8/);
    expect(flat).toContain('Perpanjang MoU A5 dan jadwalkan monitoring.');
    expect(flat).toContain('FO.28.2.1 · Versi / Version 1 · No. (draf / draft)');
    expect(flat).toMatch(/Halaman \/ Page 1 dari \/ of \d/);

    const docx = await binary('docx');
    expect(docx.status).toBe(200);
    const { text, flat: docxFlat } = docxText(docx.body as Buffer);
    expect(text).not.toMatch(/[{}]/);
    expect(docxFlat).toContain('Laporan Evaluasi Tahunan Kerjasama');
    expect(docxFlat).toContain('Tahun / Year 2024');
    expect(docxFlat).toContain('Capaian keseluruhan / Overall achievement: 95 %');
    expect(docxFlat).toMatch(/Berlaku pada tahun ini \/ In force during the year ?5/);
    expect(docxFlat).toContain('I3 Kuliah tamu');
    expect(docxFlat).toContain('66,7 % (2/3)');
    expect(docxFlat).toMatch(/Internasional \/ International ?1 ?2,67 ?66,7/);
    expect(docxFlat).toContain('Kerjasama riset tumbuh.');
    expect(docxFlat).toContain('FO.28.2.1 · Versi / Version 1 · No. (draf / draft)');
  });

  test('final: the Kapokja finalizes, the figures are frozen, recommendations reach next year\'s program', async () => {
    const final = await kapokja.post(`/kerjasama/evaluation/${Y}/finalize`, {});
    expect(final.status).toBe(200);
    expect(final.body.data.report.workflowState).toBe('final');
    expect(final.body.data.report.finalizedAt).toBeTruthy();
    // A counted record changes after finalisation: the draft figures would change, the final ones do not.
    await app.strapi.documents('api::monitoring-record.monitoring-record').update({ documentId: monitoringM6, data: { activitiesCount: 40 } as never });
    const after = await director.get(`/kerjasama/evaluation/${Y}`);
    expect(after.status).toBe(200);
    expectFigures(after.body.data.figures);
    const again = await kapokja.post(`/kerjasama/evaluation/${Y}/generate`, {});
    expect(again.status).toBe(400);
    expect(again.body.error.details.errors[0].path).toEqual(['year']);
    const next = await kapokja.post('/kerjasama/program/start-from-last-year', { year: Y + 1 });
    expect(next.status).toBe(200);
    const program = await app.strapi.db.query('api::annual-program.annual-program').findOne({ where: { year: Y + 1 }, populate: { previousEvaluation: true } });
    expect(program.summary).toContain('Perpanjang MoU A5 dan jadwalkan monitoring.');
    expect(program.previousEvaluation.year).toBe(Y);
  });

  test('the number of queries does not grow with the data (2025, after its program was started)', async () => {
    const path = `/kerjasama/evaluation/${Y + 1}`;
    const countAfterWarmCall = async () => {
      expect((await director.get(path)).status).toBe(200);
      return (await countQueries(app.strapi, () => director.get(path))).queries;
    };
    const before = await countAfterWarmCall();
    for (let i = 0; i < 5; i += 1) {
      const agreement = await createDocument(app.strapi, 'api::agreement.agreement', {
        ourNumber: `Q${i}/${Date.now()}`, title: `Naskah Q${i}`, kind: 'mou', partner: world.partners.PB, units: [world.units.P2], signedDate: '2025-02-01', startDate: '2025-02-01', endDate: '2027-01-31',
      });
      await createDocument(app.strapi, 'api::monitoring-record.monitoring-record', { agreement: agreement.documentId, monitoredOn: '2025-03-01', implementationState: 'on_track', activitiesCount: 1 });
    }
    const after = await countAfterWarmCall();
    expect(after).toBe(before);
    const figures = (await director.get(path)).body.data.figures as EvaluationFigures;
    expect(figures.agreements.signed).toBe(5);
    expect(figures.monitoring.records).toBe(5);
  });

  test('a draft\'s figures are prepared once per change: a second look reads no agreement, monitoring or proposal; a write is seen at once (2025)', async () => {
    const path = `/kerjasama/evaluation/${Y + 1}`;
    const recordTables = ['agreements', 'monitoring_records', 'proposals'];
    const readsRecords = (sql: string) => recordTables.some((table) => new RegExp(`\\b(from|join)\\s+["\`]?${table}["\`]?`, 'i').test(sql));
    expect((await director.get(path)).status).toBe(200);
    const warm = await countQueries(app.strapi, () => director.get(path), readsRecords);
    expect(warm.queries).toBe(0);
    const signedBefore = (warm.result.body.data.figures as EvaluationFigures).agreements.signed;
    await createDocument(app.strapi, 'api::agreement.agreement', {
      ourNumber: `QP/${Date.now()}`, title: 'Naskah QP', kind: 'mou', partner: world.partners.PB, units: [world.units.P2], signedDate: '2025-03-01', startDate: '2025-03-01', endDate: '2027-02-28',
    });
    const after = await countQueries(app.strapi, () => director.get(path), readsRecords);
    expect((after.result.body.data.figures as EvaluationFigures).agreements.signed).toBe(signedBefore + 1);
    expect(after.queries).toBeGreaterThan(0);
  });

  test('a target written (a kind only the documents count besides) renews the FO.28.2.1 figures and leaves the planning figures prepared (2025)', async () => {
    const evaluation = `/kerjasama/evaluation/${Y + 1}`;
    const targets = `/kerjasama/targets?year=${Y + 1}`;
    const readsRecords = (sql: string) => /\b(from|join)\s+["`]?(agreements|monitoring_records)["`]?/i.test(sql);
    for (const path of [evaluation, targets]) expect((await director.get(path)).status).toBe(200);
    const before = (await director.get(evaluation)).body.data.figures as EvaluationFigures;
    const created = await kapokja.post('/kerjasama/targets', { year: Y + 1, metric: 'agreements_signed', targetValue: 40 });
    expect(created.status).toBe(201);
    const after = await countQueries(app.strapi, () => director.get(evaluation), readsRecords);
    expect(after.result.body.data.figures).not.toEqual(before);
    expect(JSON.stringify(after.result.body.data.figures.targets)).toContain('40');
    // The targets page's achievement is the planning store's: still prepared, no record read.
    expect((await countQueries(app.strapi, () => director.get(targets), readsRecords)).queries).toBe(0);
  });

  test('finalizing through the generic workflow route freezes the figures recomputed at that moment (2025)', async () => {
    const path = `/kerjasama/evaluation/${Y + 1}`;
    expect((await kapokja.post(`${path}/generate`, {})).status).toBe(200);
    const report = await app.strapi.db.query('api::evaluation-report.evaluation-report').findOne({ where: { year: Y + 1 } });
    expect(report.figures.agreements.signed).toBe(6);
    // Counted after the draft was saved: the final figures must include it.
    const late = await createDocument(app.strapi, 'api::agreement.agreement', {
      ourNumber: `Q9/${Date.now()}`, title: 'Naskah Q9', kind: 'mou', partner: world.partners.PB, units: [world.units.P2], signedDate: '2025-04-01', startDate: '2025-04-01', endDate: '2027-03-31',
    });
    expect([400, 403]).toContain((await humas.post(`/kerjasama/workflow/api::evaluation-report.evaluation-report/${report.documentId}/transitions`, { to: 'final' })).status);
    const moved = await kapokja.post(`/kerjasama/workflow/api::evaluation-report.evaluation-report/${report.documentId}/transitions`, { to: 'final' });
    expect(moved.status).toBe(200);
    const stored = await app.strapi.db.query('api::evaluation-report.evaluation-report').findOne({ where: { year: Y + 1 } });
    expect(stored.workflowState).toBe('final');
    expect(stored.figures.agreements.signed).toBe(7);
    await app.strapi.documents('api::agreement.agreement').update({ documentId: late.documentId, data: { signedDate: '2026-01-05' } as never });
    const after = await director.get(path);
    expect(after.body.data.figures.agreements.signed).toBe(7);
  });
});
