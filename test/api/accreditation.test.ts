import fs from 'fs';
import path from 'path';
import yauzl from 'yauzl';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, apiToken } from '../helpers/auth';
import { writeContext } from '../helpers/dist';
import { binary, pdfText, readWorkbook, sheetRows } from '../helpers/documents';
import { tinyPdf } from '../helpers/issued';
import { asAdmin, createProgramWithItems, ensureEmptyRole } from '../helpers/planning-fixtures';

/**
 * Issue 12 items 2–4 against a hand-computed fixture over three years (TS = 2026):
 *
 *   SP1 (BAN-PT)    R1 edu  2026-02-01..07-31  PA national  T_MAG  A1  credits 20  files photo, report   verified
 *                   R2 res  2025-03-01..03-31  PB intl      T_RIS  A2  certificates 5  file certificate   verified
 *                   R3 pkm  2024-05-01..05-02  PC local     T_PKM  —                                      verified
 *                   R4 edu  2023 (before TS-2)                                                             verified
 *                   R5/R6/R7 edu 2026 PA T_MAG A1 credits 99: draft / submitted / returned (count nowhere)
 *   SP2 (LAM Teknik) R8 res 2025-06-01..06-30 PB T_RIS A2 verified;  R9 pkm 2024-03-01..03-10 PC T_PKM A3 verified
 *   SP3             A4 PA national T_MAG 2025–2026; only a draft and a submitted report      → IKU 6: no verified report
 *   SP4             A5 PC ('other')                                                            → no qualifying partner
 *   SP5             A6 PA national T_PKM (no IKU 6 form)                                       → no qualifying form
 *   IKU 6 2025: SP1 (R2 under A2) and SP2 (R8 under A2) meet it: 2 of 5 = 40 %.
 *   A1 MoA PA [SP1] T_MAG 2024-01-01..2027-12-31 (document naskah.pdf); A2 MoU PB [SP1, SP2] T_RIS 2023, indefinite;
 *   A3 MoA PC [SP2] T_PKM 2022-01-01..2024-06-30; A4 and A5 (T_MAG) and A6 (T_PKM) 2025-01-01..2026-12-31. T_MAG is linked to KPI B.1.2.5.8.
 */
type Row = Record<string, unknown> & { id: number; documentId: string };
const REPORT = 'api::activity-report.activity-report';
let app: TestApp;
let kapokja: string;
let staf: string;
let empty: string;
const u: Record<string, Row> = {};
const a: Record<string, Row> = {};
const r: Record<string, Row> = {};
const files: Record<string, { id: number; bytes: Buffer; name: string }> = {};

const create = (uid: string, data: Record<string, unknown>) =>
  writeContext().runAsSystem('test-fixture', async () => (await app.strapi.documents(uid as never).create({ data } as never)) as unknown as Row);

/**
 * A report written as a unit would (Document Service, draft), then put in its state through the
 * DB query layer: the fixture does not depend on the workflow's transitions.
 */
const report = async (key: string, unit: Row, state: string, data: Record<string, unknown>) => {
  const created = await create(REPORT, { title: `Kegiatan ${key}`, unit: unit.documentId, benefit: `Manfaat ${key}`, studentParticipants: 10, lecturerParticipants: 2, ...data });
  if (state !== 'draft') await app.strapi.db.query(REPORT as never).update({ where: { id: created.id }, data: { workflowState: state, ...(state === 'verified' ? { verifiedAt: new Date('2026-08-01T00:00:00Z') } : {}) } });
  r[key] = created;
};

const upload = async (token: string, key: string, name: string) => {
  const bytes = tinyPdf(`bukti ${key}`, `isi ${key} ${'x'.repeat(key.length * 7)}`);
  const response = await app.request().post('/api/upload').set('Authorization', `Bearer ${token}`).attach('files', bytes, { filename: name, contentType: 'application/pdf' });
  expect(response.status).toBe(201);
  files[key] = { id: response.body[0].id, bytes, name };
};

beforeAll(async () => {
  app = await setupStrapi();
  kapokja = await adminToken(app.strapi, app.request, ['Kapokja Humas & Kerjasama']);
  staf = await adminToken(app.strapi, app.request, ['Staf Humas']);
  empty = await adminToken(app.strapi, app.request, [await ensureEmptyRole(app.strapi)]);
  const token = await apiToken(app.strapi);
  // The seeded study programs leave the count: the fixture's five are the only active ones.
  const seeded = (await app.strapi.db.query('api::unit.unit').findMany({ where: { kind: 'study_program' }, select: ['documentId'] })) as Row[];
  for (const unit of seeded) await writeContext().runAsSystem('test-fixture', () => app.strapi.documents('api::unit.unit').update({ documentId: unit.documentId, data: { active: false } as never }));
  const department = await create('api::unit.unit', { code: 'JUR-AKR', name: 'Jurusan Akreditasi', kind: 'department' });
  u.D = department;
  for (const [key, instrument] of [['SP1', 'ban_pt'], ['SP2', 'lam_teknik'], ['SP3', undefined], ['SP4', undefined], ['SP5', undefined]] as const) {
    u[key] = await create('api::unit.unit', { code: `AKR-${key}`, name: `Prodi ${key}`, kind: 'study_program', parent: department.documentId, ...(instrument ? { accreditationInstrument: instrument } : {}) });
  }
  const kpi = (await app.strapi.db.query('api::kpi.kpi').findOne({ where: { code: 'B.1.2.5.8' }, select: ['documentId'] })) as Row;
  const type = (code: string, tridharma: string, iku6Criterion?: string, kpis: string[] = []) =>
    create('api::cooperation-type.cooperation-type', { code, name: `Jenis ${code}`, tridharma, ...(iku6Criterion ? { iku6Criterion } : {}), kpis });
  const T_MAG = await type('AKR-MAG', 'education', 'internship_semester', [kpi.documentId]);
  const T_RIS = await type('AKR-RIS', 'research', 'joint_research');
  const T_PKM = await type('AKR-PKM', 'community_service');
  const partner = (name: string, level: string, iku6Category: string) => create('api::partner.partner', { name, institutionType: 'industry', level, country: level === 'international' ? 'SG' : 'ID', iku6Category });
  const PA = await partner('PT Galangan Nasional', 'national', 'national_company');
  const PB = await partner('National University of Singapore', 'international', 'top_university');
  const PC = await partner('Koperasi Nelayan Batam', 'local_regional', 'other');
  await upload(token, 'naskah', 'naskah.pdf');
  await upload(token, 'photo', 'foto.pdf');
  await upload(token, 'report', 'laporan.pdf');
  await upload(token, 'certificate', 'sertifikat.pdf');
  const agreement = (key: string, kind: string, partnerRow: Row, units: Row[], types: Row[], dates: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    create('api::agreement.agreement', { kind, ourNumber: `AKR/${key}/2026`, title: `Naskah ${key}`, partner: partnerRow.documentId, units: units.map((unit) => unit.documentId), cooperationTypes: types.map((t) => t.documentId), signedDate: dates.startDate, ...dates, ...extra })
      .then((row) => { a[key] = row; return row; });
  const A1 = await agreement('A1', 'moa', PA, [u.SP1], [T_MAG], { startDate: '2024-01-01', endDate: '2027-12-31' }, { documents: [files.naskah.id] });
  const A2 = await agreement('A2', 'mou', PB, [u.SP1, u.SP2], [T_RIS], { startDate: '2023-01-01', indefinite: true });
  const A3 = await agreement('A3', 'moa', PC, [u.SP2], [T_PKM], { startDate: '2022-01-01', endDate: '2024-06-30' });
  const A4 = await agreement('A4', 'moa', PA, [u.SP3], [T_MAG], { startDate: '2025-01-01', endDate: '2026-12-31' });
  await agreement('A5', 'moa', PC, [u.SP4], [T_MAG], { startDate: '2025-01-01', endDate: '2026-12-31' });
  await agreement('A6', 'moa', PA, [u.SP5], [T_PKM], { startDate: '2025-01-01', endDate: '2026-12-31' });
  const links = (agreementRow: Row, partnerRow: Row, typeRow: Row) => ({ agreement: agreementRow.documentId, partner: partnerRow.documentId, cooperationType: typeRow.documentId });
  await report('R1', u.SP1, 'verified', { ...links(A1, PA, T_MAG), tridharma: 'education', startDate: '2026-02-01', endDate: '2026-07-31', creditsRecognised: 20, studentsWithCredits: 12, evidence: [{ kind: 'photo', file: files.photo.id }, { kind: 'report', file: files.report.id }] });
  await report('R2', u.SP1, 'verified', { ...links(A2, PB, T_RIS), tridharma: 'research', startDate: '2025-03-01', endDate: '2025-03-31', certificatesIssued: 5, evidence: [{ kind: 'certificate', file: files.certificate.id }] });
  await report('R3', u.SP1, 'verified', { partner: PC.documentId, cooperationType: T_PKM.documentId, tridharma: 'community_service', startDate: '2024-05-01', endDate: '2024-05-02', benefit: null });
  await report('R4', u.SP1, 'verified', { ...links(A1, PA, T_MAG), tridharma: 'education', startDate: '2023-01-01', endDate: '2023-12-31' });
  for (const [key, state] of [['R5', 'draft'], ['R6', 'submitted'], ['R7', 'returned']] as const) {
    await report(key, u.SP1, state, { ...links(A1, PA, T_MAG), tridharma: 'education', startDate: '2026-03-01', endDate: '2026-03-05', creditsRecognised: 99 });
  }
  await report('R8', u.SP2, 'verified', { ...links(A2, PB, T_RIS), tridharma: 'research', startDate: '2025-06-01', endDate: '2025-06-30' });
  await report('R9', u.SP2, 'verified', { ...links(A3, PC, T_PKM), tridharma: 'community_service', startDate: '2024-03-01', endDate: '2024-03-10' });
  await report('R10', u.SP3, 'draft', { ...links(A4, PA, T_MAG), tridharma: 'education', startDate: '2025-04-01', endDate: '2025-09-30' });
  await report('R11', u.SP3, 'submitted', { ...links(A4, PA, T_MAG), tridharma: 'education', startDate: '2025-04-01', endDate: '2025-09-30' });
  await createProgramWithItems(asAdmin(app.request, kapokja), 2026, [{ title: 'Magang bersertifikat 2026', partner: PA.documentId, cooperationType: T_MAG.documentId, units: [u.SP1.documentId], kpis: [kpi.documentId], quarter: 'Q1' }]);
});
afterAll(() => app?.destroy());

const as = (jwt: string) => ({ Authorization: `Bearer ${jwt}` });
const get = (url: string, jwt = staf) => app.request().get(url).set(as(jwt));

test('LKPS Table 1 (BAN-PT) of SP1 for 2024–2026: the verified reports in 1-1, 1-2, 1-3; draft, submitted, returned and older ones nowhere', async () => {
  const response = await get(`/kerjasama/accreditation/lkps?unit=${u.SP1.documentId}&year=2026`);
  expect(response.status).toBe(200);
  const table = response.body.data;
  expect(table).toMatchObject({ year: 2026, years: [2024, 2025, 2026], from: '2024-01-01', to: '2026-12-31', unitName: 'Prodi SP1', total: 3, instrument: { code: 'ban_pt' } });
  expect(table.tables.map((t: { code: string; rows: Array<{ reportDocumentId: string }> }) => [t.code, t.rows.map((row) => row.reportDocumentId)]))
    .toEqual([['1-1', [r.R1.documentId]], ['1-2', [r.R2.documentId]], ['1-3', [r.R3.documentId]]]);
  expect(table.tables[0].rows[0]).toEqual({
    number: 1, tridharma: 'education', reportDocumentId: r.R1.documentId, partner: 'PT Galangan Nasional', level: 'national', title: 'Kegiatan R1', benefit: 'Manfaat R1',
    students: 10, lecturers: 2, startDate: '2026-02-01', endDate: '2026-07-31', days: 181, duration: '2026-02-01 s.d. / to 2026-07-31 (181 hari / days)',
    agreementDocumentId: a.A1.documentId, agreementNumber: 'AKR/A1/2026', evidence: `Laporan kegiatan / Activity report ${r.R1.documentId}; Naskah / Agreement AKR/A1/2026`, endYear: '2027',
  });
  expect(table.tables[1].rows[0]).toMatchObject({ partner: 'National University of Singapore', level: 'international', endYear: 'Tidak terbatas / Indefinite', agreementNumber: 'AKR/A2/2026' });
  expect(table.tables[2].rows[0]).toMatchObject({ partner: 'Koperasi Nelayan Batam', level: 'local_regional', benefit: '-', endYear: '-', agreementNumber: null, days: 2 });
});

test('LKPS XLSX in the BAN-PT layout: the level group over its three ticks, the rows value by value, the evidence linked to the report', async () => {
  const response = await binary(get(`/kerjasama/accreditation/lkps/export?unit=${u.SP1.documentId}&year=2026`));
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  const workbook = await readWorkbook(response.body);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tabel 1-1', 'Tabel 1-2', 'Tabel 1-3']);
  const rows = sheetRows(workbook, 'Tabel 1-1');
  expect(rows[0][0]).toBe('Tabel 1-1 Kerjasama Pendidikan / Table 1-1 Cooperation in education');
  expect(rows[3].slice(2, 5)).toEqual(['Tingkat / Level', 'Tingkat / Level', 'Tingkat / Level']);
  expect(rows[4]).toEqual(['No. / No.', 'Lembaga Mitra / Partner institution', 'Internasional / International', 'Nasional / National', 'Lokal/Wilayah / Local/regional',
    'Judul Kegiatan Kerjasama / Cooperation activity', 'Manfaat bagi PS yang Diakreditasi / Benefit for the study program', 'Waktu dan Durasi / Time and duration',
    'Bukti Kerjasama / Evidence', 'Tahun Berakhirnya Kerjasama (YYYY) / Year the cooperation ends (YYYY)']);
  const evidence = `Laporan kegiatan / Activity report ${r.R1.documentId}; Naskah / Agreement AKR/A1/2026`;
  expect(rows[5].slice(0, 8)).toEqual([1, 'PT Galangan Nasional', '', '√', '', 'Kegiatan R1', 'Manfaat R1', '2026-02-01 s.d. / to 2026-07-31 (181 hari / days)']);
  expect(rows[5][8]).toMatchObject({ text: evidence, hyperlink: expect.stringMatching(new RegExp(`/admin/content-manager/collection-types/${REPORT}/${r.R1.documentId}$`)) });
  expect(rows[5][9]).toBe('2027');
  expect(rows).toHaveLength(6);
  expect(sheetRows(workbook, 'Tabel 1-2')[5].slice(0, 5)).toEqual([1, 'National University of Singapore', '√', '', '']);
  expect(sheetRows(workbook, 'Tabel 1-3')[5].slice(0, 5)).toEqual([1, 'Koperasi Nelayan Batam', '', '', '√']);
});

test('LKPS of a LAM Teknik study program: one table with the tridharma column', async () => {
  const { body } = await get(`/kerjasama/accreditation/lkps?unit=${u.SP2.documentId}&year=2026`);
  expect(body.data.instrument.code).toBe('lam_teknik');
  expect(body.data.tables).toHaveLength(1);
  expect(body.data.tables[0].rows.map((row: { reportDocumentId: string; tridharma: string }) => [row.reportDocumentId, row.tridharma])).toEqual([[r.R9.documentId, 'community_service'], [r.R8.documentId, 'research']]);
  const workbook = await readWorkbook((await binary(get(`/kerjasama/accreditation/lkps/export?unit=${u.SP2.documentId}&year=2026`))).body);
  const rows = sheetRows(workbook, 'Tabel 1');
  expect(rows[4][5]).toBe('Bidang Tridharma / Tridharma area');
  expect(rows[5].slice(0, 6)).toEqual([1, 'Koperasi Nelayan Batam', '', '', '√', 'Pengabdian kepada Masyarakat / Community service']);
  expect(rows[6].slice(-1)).toEqual(['Tidak terbatas / Indefinite']);
});

test('IKU 6 for 2025: who meets it, with the evidence, the percentage, and what the others lack', async () => {
  const response = await get('/kerjasama/accreditation/iku6?year=2025', kapokja);
  expect(response.status).toBe(200);
  const result = response.body.data;
  expect(result).toMatchObject({ year: 2025, studyPrograms: 5, met: 2, percentage: 40 });
  expect(result.rows.map((row: { code: string; met: boolean; missing: string | null; qualifyingReports: number }) => [row.code, row.met, row.missing, row.qualifyingReports])).toEqual([
    ['AKR-SP1', true, null, 1], ['AKR-SP2', true, null, 1], ['AKR-SP3', false, 'verified_report', 0], ['AKR-SP4', false, 'qualifying_partner', 0], ['AKR-SP5', false, 'qualifying_form', 0],
  ]);
  expect(result.rows[0].evidence).toEqual([{ reportDocumentId: r.R2.documentId, title: 'Kegiatan R2', agreementNumber: 'AKR/A2/2026', partnerName: 'National University of Singapore' }]);
  expect(result.notMet.map((row: { code: string }) => row.code)).toEqual(['AKR-SP3', 'AKR-SP4', 'AKR-SP5']);
  // 2026: SP1's R1 (the draft, submitted and returned R5–R7 do not make up for anything); SP2 has agreements but no verified report that year.
  const next = (await get('/kerjasama/accreditation/iku6?year=2026')).body.data;
  expect(next.rows.map((row: { code: string; missing: string | null }) => [row.code, row.missing])).toEqual([
    ['AKR-SP1', null], ['AKR-SP2', 'verified_report'], ['AKR-SP3', 'verified_report'], ['AKR-SP4', 'qualifying_partner'], ['AKR-SP5', 'qualifying_form'],
  ]);
  expect(next.rows[0].qualifyingReports).toBe(1);
  expect(next.percentage).toBe(20);

  const workbook = await readWorkbook((await binary(get('/kerjasama/accreditation/iku6/export?year=2025'))).body);
  expect(sheetRows(workbook, 'IKU 6').slice(1, 4)).toEqual([['Program studi / Study programs', 5], ['Memenuhi / Meeting it', 2], ['Persentase / Percentage', 40]]);
  expect(sheetRows(workbook, 'Per prodi')[1]).toEqual(['AKR-SP1', 'Prodi SP1', 'Ya / Yes', 1, 'Kegiatan R2 (National University of Singapore) — AKR/A2/2026', '-']);
  expect(sheetRows(workbook, 'Belum memenuhi').slice(1)).toEqual([
    ['AKR-SP3', 'Prodi SP3', 'Tidak ada laporan kegiatan terverifikasi / No verified activity report'],
    ['AKR-SP4', 'Prodi SP4', 'Tidak ada mitra dengan kategori IKU 6 / No partner of a qualifying IKU 6 category'],
    ['AKR-SP5', 'Prodi SP5', 'Tidak ada bentuk kegiatan yang memenuhi IKU 6 / No qualifying activity form'],
  ]);
});

/** Every entry of a ZIP, read back with yauzl. */
const unzip = (bytes: Buffer) => new Promise<Map<string, Buffer>>((resolve, reject) => {
  yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
    if (error || !zip) return reject(error);
    const entries = new Map<string, Buffer>();
    zip.on('entry', (entry: yauzl.Entry) => zip.openReadStream(entry, (failed, stream) => {
      if (failed || !stream) return reject(failed);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => { entries.set(entry.fileName, Buffer.concat(chunks)); zip.readEntry(); });
    }));
    zip.on('end', () => resolve(entries));
    zip.readEntry();
  });
});

test('KPI B.1.2.5.8 pack for 2026: the index (PDF, XLSX) lists the linked agreements, the program item and the verified report; the files are the uploaded bytes', async () => {
  const response = await binary(get('/kerjasama/accreditation/evidence-pack?code=B.1.2.5.8&year=2026', kapokja));
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('application/zip');
  expect(response.headers['content-disposition']).toContain('bukti-KPI-B.1.2.5.8-2026.zip');
  const entries = await unzip(response.body);
  const reportFolder = `files/activity_reports/AKR-SP1 ${r.R1.documentId}`;
  expect([...entries.keys()]).toEqual([
    'index.pdf', 'index.xlsx', 'files/agreements/AKR_A1_2026/naskah.pdf', `${reportFolder}/photo - foto.pdf`, `${reportFolder}/report - laporan.pdf`,
  ]);
  expect(entries.get('files/agreements/AKR_A1_2026/naskah.pdf')!.equals(files.naskah.bytes)).toBe(true);
  expect(entries.get(`${reportFolder}/photo - foto.pdf`)!.equals(files.photo.bytes)).toBe(true);
  expect(entries.get(`${reportFolder}/report - laporan.pdf`)!.equals(files.report.bytes)).toBe(true);

  const index = sheetRows(await readWorkbook(entries.get('index.xlsx')!), 'Indeks');
  expect(index[1][0]).toBe(`KPI B.1.2.5.8 · 2026 · 5 rekaman / records · 3 berkas / files (${files.naskah.bytes.length + files.photo.bytes.length + files.report.bytes.length} bytes)`);
  expect(index.slice(3).map((row) => row.slice(0, 5))).toEqual([
    [1, 'Naskah kerjasama / Agreements', 'AKR/A1/2026', 'Naskah A1', '2024-01-01'],
    [2, 'Naskah kerjasama / Agreements', 'AKR/A4/2026', 'Naskah A4', '2025-01-01'],
    [3, 'Naskah kerjasama / Agreements', 'AKR/A5/2026', 'Naskah A5', '2025-01-01'],
    [4, 'Butir program / Program items', 'Q1 AKR-MAG', 'Magang bersertifikat 2026', '-'],
    [5, 'Laporan kegiatan terverifikasi / Verified activity reports', `AKR-SP1 ${r.R1.documentId}`, 'Kegiatan R1', '2026-02-01'],
  ]);
  expect(index[3][6]).toBe('files/agreements/AKR_A1_2026/naskah.pdf');
  expect(index[4][6]).toBe('-');
  expect(index[7][5]).toBe('2026-02-01 – 2026-07-31 · PT Galangan Nasional · Naskah / Agreement AKR/A1/2026 · SKS / Credits 20 · Sertifikat / Certificates 0 · Diverifikasi / Verified 2026-08-01');
  expect(index[7][6]).toBe(`${reportFolder}/photo - foto.pdf; ${reportFolder}/report - laporan.pdf`);
  const pdf = await pdfText(entries.get('index.pdf')!);
  for (const text of ['Paket bukti KPI B.1.2.5.8', 'AKR/A1/2026', 'AKR/A4/2026', 'Magang bersertifikat 2026', 'Kegiatan R1', 'Laporan kegiatan terverifikasi']) expect(pdf.flat).toContain(text);
  for (const text of ['Kegiatan R5', 'Kegiatan R6', 'Kegiatan R7', 'Kegiatan R2']) expect(pdf.flat).not.toContain(text);

  // The listing the page shows: the same rows, without where the files lie on the server.
  const listing = (await get('/kerjasama/accreditation/evidence-pack/index?code=B.1.2.5.8&year=2026')).body.data;
  expect(listing.rows.map((row: { reference: string }) => row.reference)).toEqual(['AKR/A1/2026', 'AKR/A4/2026', 'AKR/A5/2026', 'Q1 AKR-MAG', `AKR-SP1 ${r.R1.documentId}`]);
  expect(JSON.stringify(listing)).not.toContain('/uploads/');
});

test('B.1.2.6.16.c counts the verified report with certificates; B.1.2.9.1 packs the procedure itself', async () => {
  const certificates = (await get('/kerjasama/accreditation/evidence-pack/index?code=B.1.2.6.16.c&year=2025')).body.data;
  expect(certificates.rows.filter((row: { section: string }) => row.section === 'activity_reports').map((row: { title: string }) => row.title)).toEqual(['Kegiatan R2']);
  const entries = await unzip((await binary(get('/kerjasama/accreditation/evidence-pack?code=B.1.2.9.1&year=2026', kapokja))).body);
  for (const name of ['PR.28.1-procedure.id.txt', 'PROCEDURE.md']) {
    expect(entries.get(`files/procedure/PR.28.1/${name}`)!.equals(fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', name)))).toBe(true);
  }
});

test('permissions: Staf Humas reads the tables but not the pack of confidential files; a role without the permission gets 403 everywhere', async () => {
  expect((await get(`/kerjasama/accreditation/lkps?unit=${u.SP1.documentId}&year=2026`, staf)).status).toBe(200);
  expect((await get('/kerjasama/accreditation/evidence-pack/index?code=B.1.2.5.8&year=2026', staf)).status).toBe(200);
  expect((await get('/kerjasama/accreditation/evidence-pack?code=B.1.2.5.8&year=2026', staf)).status).toBe(403);
  for (const url of [`/kerjasama/accreditation/lkps?unit=${u.SP1.documentId}&year=2026`, `/kerjasama/accreditation/lkps/export?unit=${u.SP1.documentId}`, '/kerjasama/accreditation/iku6', '/kerjasama/accreditation/iku6/export', '/kerjasama/accreditation/study-programs', '/kerjasama/accreditation/evidence-pack?code=B.1.2.5.8&year=2026']) {
    expect((await get(url, empty)).status).toBe(403);
  }
});

test.each([
  ['year', () => `/kerjasama/accreditation/lkps?unit=${u.SP1.documentId}&year=abc`],
  ['unit', () => '/kerjasama/accreditation/lkps?year=2026'],
  ['unit', () => '/kerjasama/accreditation/lkps?unit=tidak-ada&year=2026'],
  ['unit', () => `/kerjasama/accreditation/lkps/export?unit=${u.D.documentId}&year=2026`],
  ['year', () => '/kerjasama/accreditation/iku6?year=1900'],
  ['code', () => '/kerjasama/accreditation/evidence-pack?code=B.9.9&year=2026'],
  ['year', () => '/kerjasama/accreditation/evidence-pack?code=B.1.2.9.2&year=20266'],
])('bad input is a 400 naming %s', async (field, url) => {
  const response = await get(url(), kapokja);
  expect(response.status).toBe(400);
  expect(response.body.error.details.errors[0].path).toEqual([field]);
});
