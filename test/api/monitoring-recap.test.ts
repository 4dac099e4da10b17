import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, apiToken } from '../helpers/auth';
import { writeContext } from '../helpers/dist';
import { docxText, pdfText, readWorkbook, binary } from '../helpers/documents';
import { sha256, tinyPdf } from '../helpers/issued';
import { createPartner, createUnit } from '../helpers/participation';

/**
 * Issue 11 item 2: the monitoring recap (form BO.28.1.2) of a unit for a semester or a year,
 * against a hand-computed fixture: each agreement's activities, outputs, evidence present or
 * missing and follow-up; PDF, DOCX and XLSX read back; issued with its number; bad input named.
 */
type Row = Record<string, unknown> & { id: number; documentId: string };
let app: TestApp;
let kapokja: string;
let staf: string;
let unit: Row;

const create = (uid: string, data: Record<string, unknown>) =>
  writeContext().runAsSystem('test-fixture', async () => (await app.strapi.documents(uid as never).create({ data } as never)) as unknown as Row);
const agreement = (ourNumber: string, units: Row[], partner: Row, dates: Record<string, unknown>) =>
  create('api::agreement.agreement', { kind: 'moa', ourNumber, title: `Naskah ${ourNumber}`, partner: partner.documentId, units: units.map((u) => u.documentId), signedDate: dates.startDate, ...dates });
const monitoring = (agreementRow: Row, data: Record<string, unknown>) => create('api::monitoring-record.monitoring-record', { agreement: agreementRow.documentId, ...data });

beforeAll(async () => {
  app = await setupStrapi();
  kapokja = await adminToken(app.strapi, app.request, ['Kapokja Humas & Kerjasama']);
  staf = await adminToken(app.strapi, app.request, ['Staf Humas']);
  const token = await apiToken(app.strapi);
  unit = await createUnit(app.strapi, 'department');
  const other = await createUnit(app.strapi, 'department');
  const partner = (await createPartner(app.strapi, { name: 'PT Galangan Batam' })) as unknown as Row;
  const uploaded = await app.request().post('/api/upload').set('Authorization', `Bearer ${token}`).attach('files', tinyPdf('bukti', 'bukti'), { filename: 'bukti.pdf', contentType: 'application/pdf' });
  expect(uploaded.status).toBe(201);
  const a1 = await agreement('PKS/001', [unit], partner, { startDate: '2025-01-01', endDate: '2027-12-31' });
  await agreement('PKS/002', [unit], partner, { startDate: '2026-02-01', endDate: '2028-01-31' });
  const a3 = await agreement('PKS/003', [other], partner, { startDate: '2025-01-01', endDate: '2027-12-31' });
  await agreement('PKS/004', [unit], partner, { startDate: '2020-01-01', endDate: '2024-12-31' });
  await monitoring(a1, { monitoredOn: '2026-03-15', implementationState: 'delayed', activitiesCount: 3, studentParticipants: 12, lecturerParticipants: 2, creditsRecognised: 20, certificatesIssued: 5, outputs: 'Magang 12 mahasiswa', followUp: 'Perpanjang kuota', evidence: [uploaded.body[0].id] });
  await monitoring(a1, { monitoredOn: '2026-05-20', implementationState: 'on_track', activitiesCount: 1, studentParticipants: 4, outputs: 'Kuliah tamu' });
  await monitoring(a1, { monitoredOn: '2026-09-01', implementationState: 'completed', activitiesCount: 7, studentParticipants: 30 });
  await monitoring(a3, { monitoredOn: '2026-03-01', implementationState: 'completed', activitiesCount: 99 });
});
afterAll(() => app?.destroy());

const as = (jwt: string) => ({ Authorization: `Bearer ${jwt}` });
const recap = (query: string, jwt = staf) => app.request().get(`/kerjasama/monitoring-recap?${query}`).set(as(jwt));

test('semester 1: each agreement of the unit in force or monitored, with its figures, evidence and follow-up', async () => {
  const response = await recap(`year=2026&period=S1&unit=${unit.documentId}`);
  expect(response.status).toBe(200);
  const { rows, totals, from, to } = response.body.data;
  expect([from, to]).toEqual(['2026-01-01', '2026-06-30']);
  expect(rows.map((row: { ourNumber: string }) => row.ourNumber)).toEqual(['PKS/001', 'PKS/002']);
  expect(rows[0]).toMatchObject({
    partner: 'PT Galangan Batam', records: 2, activities: 4, students: 16, lecturers: 2, credits: 20, certificates: 5,
    evidencePresent: 1, evidenceMissing: 1, state: 'Sesuai rencana / On track', outputs: 'Magang 12 mahasiswa; Kuliah tamu', followUp: 'Perpanjang kuota',
  });
  expect(rows[1]).toMatchObject({ records: 0, activities: 0, evidence: 'Tidak ada / Missing', state: 'Belum dimonitor / Not monitored' });
  expect(totals).toEqual({ agreements: 2, unmonitored: 1, records: 2, activities: 4, students: 16, lecturers: 2, credits: 20, certificates: 5, evidencePresent: 1, evidenceMissing: 2 });
});

test('the whole year counts the second semester too', async () => {
  const { body } = await recap(`year=2026&period=year&unit=${unit.documentId}`);
  expect(body.data.rows[0]).toMatchObject({ records: 3, activities: 11, students: 46, state: 'Selesai / Completed' });
});

test.each([
  ['year', 'year=1999&period=S1'],
  ['year', 'period=S1'],
  ['period', 'year=2026&period=Q3'],
  ['unit', 'year=2026&period=S1&unit=tidak-ada'],
])('bad input is a 400 naming %s', async (field, query) => {
  const response = await recap(query.includes('unit=') ? query : `${query}&unit=${unit.documentId}`);
  expect(response.status).toBe(400);
  expect(response.body.error.details.errors[0].path).toEqual([field]);
});

test('XLSX preview: the cells of the fixture', async () => {
  const response = await binary(app.request().get(`/kerjasama/monitoring-recap/export?year=2026&period=S1&unit=${unit.documentId}&format=xlsx`).set(as(staf)));
  expect(response.status).toBe(200);
  const sheet = (await readWorkbook(response.body)).getWorksheet('BO.28.1.2')!;
  expect(sheet.getRow(3).getCell(1).value).toBe('Nomor / Number');
  expect(sheet.getRow(4).values).toEqual([undefined, 'PKS/001', 'Naskah PKS/001', 'MOA', 'PT Galangan Batam', 2, 4, 16, 2, 20, 5, 1, 1, 'Sesuai rencana / On track', 'Magang 12 mahasiswa; Kuliah tamu', 'Perpanjang kuota']);
  expect(sheet.getRow(5).getCell(1).value).toBe('PKS/002');
  expect(sheet.getRow(6).values).toEqual([undefined, 'Jumlah / Totals', '2', '', '', 2, 4, 16, 2, 20, 5, 1, 2]);
  expect(sheet.headerFooter.oddFooter).toContain('BO.28.1.2');
});

test('issued as PDF and DOCX by the Kapokja (not by Staf Humas), numbered, every value read back', async () => {
  const body = { year: 2026, period: 'S1', unit: unit.documentId };
  expect((await app.request().post('/kerjasama/monitoring-recap/issue').set(as(staf)).send({ ...body, format: 'pdf' })).status).toBe(403);
  const pdf = await app.request().post('/kerjasama/monitoring-recap/issue').set(as(kapokja)).send({ ...body, format: 'pdf' });
  expect(pdf.status).toBe(201);
  expect(pdf.body.data.documentNumber).toBe('KS/BO.28.1.2/2026/0001');
  const docx = await app.request().post('/kerjasama/monitoring-recap/issue').set(as(kapokja)).send({ ...body, format: 'docx' });
  expect(docx.body.data.documentNumber).toBe('KS/BO.28.1.2/2026/0002');
  const list = await app.request().get(`/kerjasama/documents?formCode=BO.28.1.2`).set(as(staf));
  const fileOf = async (number: string) => {
    const entry = list.body.data.find((doc: { documentNumber: string }) => doc.documentNumber === number);
    const file = await binary(app.request().get(entry.fileUrl));
    expect(sha256(file.body)).toBe(entry.sha256);
    return file.body as Buffer;
  };
  const values = ['PKS/001', 'PKS/002', 'PT Galangan Batam', 'Magang 12 mahasiswa; Kuliah tamu', 'Perpanjang kuota', 'Sesuai rencana / On track', 'Belum dimonitor / Not monitored', 'Ada / Present 1 · Tidak ada / Missing 1', '16 mhs / students, 2 dosen / lecturers', 'Semester 1 (Januari–Juni)', 'Bukti tidak ada / Evidence missing 2'];
  const pdfFlat = (await pdfText(await fileOf('KS/BO.28.1.2/2026/0001'))).flat;
  for (const value of [...values, 'KS/BO.28.1.2/2026/0001']) expect(pdfFlat).toContain(value);
  const docxFlat = docxText(await fileOf('KS/BO.28.1.2/2026/0002')).flat.replace(/&amp;/g, '&');
  for (const value of [...values, 'KS/BO.28.1.2/2026/0002']) expect(docxFlat).toContain(value);
  expect(docxFlat).not.toMatch(/[{}]/);
  expect(docxFlat).not.toContain('PKS/003');
  expect(pdfFlat).not.toContain('PKS/004');
  const bad = await app.request().post('/kerjasama/monitoring-recap/issue').set(as(kapokja)).send({ ...body, format: 'html' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details.errors[0].path).toEqual(['format']);
});
