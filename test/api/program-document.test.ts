import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken } from '../helpers/auth';
import { asAdmin, buildPlanningWorld, createProgramWithItems, type PlanningWorld } from '../helpers/planning-fixtures';
import { docxText, pdfText, readWorkbook, binary, sheetRows } from '../helpers/documents';
import { sha256 } from '../helpers/issued';

/**
 * Issue 11 item 4: the annual program as approved, as form FO.28.1.1 (PDF, DOCX, XLSX), issued
 * with its number and QR. Fixture (planning world, year 2024), created through the program routes:
 *   I1 "Magang industri"  PA  T1  [P1]      Q1  Rp 5.000.000  "20 mahasiswa magang"
 *   I2 "Riset bersama"    PB  T2  [P1, P2]  Q2  Rp 2.500.000
 *   I3 "Kuliah tamu"      –   –   [J2]      Q3  no budget
 * submitted by the Kapokja, approved by the Director: 3 items, budget total Rp 7.500.000, revision 0.
 * 2025 has a draft program; 2031 none.
 */
let app: TestApp;
let world: PlanningWorld;
let kapokja: ReturnType<typeof asAdmin>;
let staf: ReturnType<typeof asAdmin>;
let director: ReturnType<typeof asAdmin>;
let programId: string;
let itemIds: string[];
const Y = 2024;

const exportOf = (jwtAgent: ReturnType<typeof asAdmin>, query: string) => binary(jwtAgent.get(`/kerjasama/program/export?${query}`));
const stored = () => app.strapi.db.query('api::annual-program.annual-program').findOne({ where: { year: Y } }) as Promise<Record<string, unknown>>;

beforeAll(async () => {
  app = await setupStrapi();
  world = await buildPlanningWorld(app.strapi);
  kapokja = asAdmin(app.request, await adminToken(app.strapi, app.request, ['Kapokja Humas & Kerjasama']));
  staf = asAdmin(app.request, await adminToken(app.strapi, app.request, ['Staf Humas']));
  director = asAdmin(app.request, await adminToken(app.strapi, app.request, ['Direktur']));
  ({ programId, itemIds } = await createProgramWithItems(kapokja, Y, [
    { title: 'Magang industri', partner: world.partners.PA, cooperationType: world.types.T1, units: [world.units.P1], quarter: 'Q1', budget: 5000000, expectedOutput: '20 mahasiswa magang' },
    { title: 'Riset bersama', partner: world.partners.PB, cooperationType: world.types.T2, units: [world.units.P1, world.units.P2], quarter: 'Q2', budget: 2500000 },
    { title: 'Kuliah tamu', units: [world.units.J2], quarter: 'Q3' },
  ]));
  await createProgramWithItems(kapokja, Y + 1, [{ title: 'Draf saja', quarter: 'Q1' }]);
});
afterAll(() => app?.destroy());

test('bad input: unknown year, no program, a program not approved yet, an unknown format are 400s naming the field', async () => {
  for (const [query, field] of [['year=abc', 'year'], ['year=1999', 'year'], ['', 'year'], ['year=2031', 'year'], [`year=${Y + 1}`, 'workflowState'], [`year=${Y}`, 'workflowState']]) {
    const response = await kapokja.get(`/kerjasama/program/export?${query}`);
    expect([query, response.status]).toEqual([query, 400]);
    expect(response.body.error.details.errors[0].path).toEqual([field]);
  }
  const draft = await kapokja.get(`/kerjasama/program/export?year=${Y + 1}`);
  expect(draft.body.error.message).toContain('belum disetujui Direktur (status: Draf)');
  expect((await kapokja.post('/kerjasama/program/issue', { year: 2031, format: 'pdf' })).body.error.details.errors[0].path).toEqual(['year']);
  expect(await app.strapi.db.query('api::issued-document.issued-document').count({ where: { formCode: 'FO.28.1.1' } })).toBe(0);
});

test('approved by the Director: the XLSX holds the approved items, the budget total and the approval record, cell by cell', async () => {
  expect((await kapokja.post(`/kerjasama/program/${programId}/transitions`, { to: 'submitted' })).status).toBe(200);
  expect((await director.post(`/kerjasama/program/${programId}/transitions`, { to: 'approved' })).status).toBe(200);
  const program = await stored();
  const approvedAt = `${new Date(Date.parse(program.approvedAt as string) + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} WIB`;
  expect(program.approvedBy).toBeTruthy();

  const response = await exportOf(staf, `year=${Y}&format=xlsx`);
  expect(response.status).toBe(200);
  const workbook = await readWorkbook(response.body);
  const values = (name: string) => sheetRows(workbook, name);
  expect(values('Ringkasan')).toEqual([
    ['Program Kerjasama Tahunan / Annual Cooperation Program', 'Program Kerjasama Tahunan 2024'],
    ['Program', 'Program Kerjasama 2024'],
    ['Tahun / Year', '2024'],
    ['Status', 'Disetujui / Approved'],
    ['Revisi ke / Revision number', '0'],
    ['Disetujui oleh / Approved by', program.approvedBy],
    ['Disetujui pada / Approved at', approvedAt],
    ['Jumlah butir / Items', '3'],
    ['Total anggaran / Budget total', 'Rp 7.500.000'],
    ['Ringkasan Program / Program Summary', '–'],
  ]);
  const items = values('items');
  expect(items[1]).toEqual(['No', 'Kegiatan / Activity', 'Mitra / Partner', 'Jenis / Type', 'Unit', 'Triwulan / Quarter', 'Jadwal / Schedule', 'Anggaran / Budget', 'Keluaran / Expected output']);
  const partner = async (documentId: string) => (await app.strapi.db.query('api::partner.partner').findOne({ where: { documentId } })).name;
  const type = async (documentId: string) => (await app.strapi.db.query('api::cooperation-type.cooperation-type').findOne({ where: { documentId } })).code;
  const unit = async (documentId: string) => (await app.strapi.db.query('api::unit.unit').findOne({ where: { documentId } })).code;
  expect(items.slice(2)).toEqual([
    [1, 'Magang industri', await partner(world.partners.PA), await type(world.types.T1), await unit(world.units.P1), 'Q1', '–', 5000000, '20 mahasiswa magang'],
    [2, 'Riset bersama', await partner(world.partners.PB), await type(world.types.T2), `${await unit(world.units.P1)}, ${await unit(world.units.P2)}`, 'Q2', '–', 2500000, '–'],
    [3, 'Kuliah tamu', '–', '–', await unit(world.units.J2), 'Q3', '–', undefined, '–'],
    ['', 'Jumlah (tanpa butir batal) / Total (cancelled items excluded)', '', '', '', '', '', 7500000, ''],
  ]);
  expect(workbook.getWorksheet('items')!.headerFooter.oddFooter).toContain('FO.28.1.1 · Versi / Version 1 · No. (draf / draft)');
});

test('permissions: Staf Humas and the Director preview but do not issue; the Kapokja issues PDF and DOCX, every value read back', async () => {
  expect((await exportOf(director, `year=${Y}&format=pdf`)).status).toBe(200);
  expect((await staf.post('/kerjasama/program/issue', { year: Y, format: 'pdf' })).status).toBe(403);
  expect((await director.post('/kerjasama/program/issue', { year: Y, format: 'pdf' })).status).toBe(403);
  const bad = await kapokja.post('/kerjasama/program/issue', { year: Y, format: 'odt' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details.errors[0].path).toEqual(['format']);

  const pdf = await kapokja.post('/kerjasama/program/issue', { year: Y, format: 'pdf' });
  expect(pdf.status).toBe(201);
  expect(pdf.body.data).toMatchObject({ documentNumber: 'KS/FO.28.1.1/2024/0001', formCode: 'FO.28.1.1', year: Y, verifyUrl: expect.stringMatching(/\/verifikasi\/KS\/FO\.28\.1\.1\/2024\/0001$/) });
  const docx = await kapokja.post('/kerjasama/program/issue', { year: Y, format: 'docx' });
  expect(docx.body.data.documentNumber).toBe('KS/FO.28.1.1/2024/0002');

  const list = await staf.get(`/kerjasama/documents?recordDocumentId=${programId}`);
  expect(list.body.data.map((doc: { documentNumber: string }) => doc.documentNumber).sort()).toEqual(['KS/FO.28.1.1/2024/0001', 'KS/FO.28.1.1/2024/0002']);
  const fileOf = async (number: string) => {
    const entry = list.body.data.find((doc: { documentNumber: string }) => doc.documentNumber === number);
    const file = await binary(app.request().get(entry.fileUrl));
    expect(sha256(file.body)).toBe(entry.sha256);
    return file.body as Buffer;
  };
  const program = await stored();
  const values = ['Program Kerjasama Tahunan 2024', 'Program Kerjasama 2024', 'Disetujui / Approved', String(program.approvedBy), 'Magang industri', 'Riset bersama', 'Kuliah tamu',
    'Rp 5.000.000', 'Rp 2.500.000', 'Rp 7.500.000', '20 mahasiswa magang', 'Revisi ke / Revision number'];
  const parsed = await pdfText(await fileOf('KS/FO.28.1.1/2024/0001'));
  for (const value of [...values, 'KS/FO.28.1.1/2024/0001', 'FO.28.1.1 · Versi / Version 1', '/verifikasi/KS/FO.28.1.1/2024/0001']) expect(parsed.flat).toContain(value);
  expect(parsed.flat).toMatch(/Halaman \/ Page 1 dari \/ of \d/);
  expect(parsed.flat).toMatch(/Revisi ke \/ Revision number\s?0/);
  const word = docxText(await fileOf('KS/FO.28.1.1/2024/0002'));
  for (const value of [...values, 'KS/FO.28.1.1/2024/0002', 'Revisi ke / Revision number: 0', 'Total anggaran / Budget total: Rp 7.500.000']) expect(word.flat).toContain(value);
  expect(word.text).not.toMatch(/[{}]/);

  const check = await app.request().get('/api/verifikasi/KS/FO.28.1.1/2024/0001');
  expect(check.status).toBe(200);
  expect(check.body.data).toMatchObject({ formCode: 'FO.28.1.1', year: Y, sha256: pdf.body.data.sha256 });
});

test('a revision: refused while open; once approved again the document is the new approved version, revision 1', async () => {
  expect((await kapokja.post(`/kerjasama/program/${programId}/transitions`, { to: 'revision_opened', reason: 'Tambah mitra' })).status).toBe(200);
  const open = await kapokja.get(`/kerjasama/program/export?year=${Y}&format=pdf`);
  expect(open.status).toBe(400);
  expect(open.body.error.details.errors[0].path).toEqual(['workflowState']);
  expect((await kapokja.put(`/kerjasama/program/items/${itemIds[2]}`, { title: 'Kuliah tamu industri', units: [world.units.J2], quarter: 'Q4', budget: 1000000 })).status).toBe(200);
  expect((await kapokja.post(`/kerjasama/program/${programId}/transitions`, { to: 'submitted' })).status).toBe(200);
  expect((await director.post(`/kerjasama/program/${programId}/transitions`, { to: 'approved' })).status).toBe(200);
  const { flat } = await pdfText((await exportOf(kapokja, `year=${Y}&format=pdf`)).body);
  expect(flat).toMatch(/Revisi ke \/ Revision number\s?1/);
  expect(flat).toContain('Kuliah tamu industri');
  expect(flat).toContain('Rp 8.500.000');
});
