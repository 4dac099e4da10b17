import ExcelJS from 'exceljs';
import type { Core } from '@strapi/strapi';
import { adminToken } from '../helpers/auth';
import { tableChecksum } from '../helpers/checksum';
import { createDocument, createListedPartner } from '../helpers/directory-fixtures';
import { ensureEmptyRole } from '../helpers/planning-fixtures';
import { setupStrapi, type TestApp } from '../helpers/strapi';

/**
 * Import of an office's sheet (issue 13) through the plugin's routes, and the merge of duplicate
 * partners: every row checked by the same rules as every other door, one transaction or nothing,
 * a re-import changes nothing; a merge loses nothing and shows in the directory and the figures.
 */
const PARTNER = 'api::partner.partner';
const AGREEMENT = 'api::agreement.agreement';
const MONITORING = 'api::monitoring-record.monitoring-record';

const HEADERS = ['No', 'Nama Mitra', 'Jenis Naskah (MoU/MoA/IA)', 'Nomor Naskah (Polibatam)', 'Judul/Ruang Lingkup', 'Tanggal Mulai', 'Tanggal Berakhir', 'Tingkat', 'Negara', 'Unit Pelaksana', 'Naskah Induk', 'Tanggal Monitoring', 'Status Pelaksanaan', 'Jumlah Kegiatan', 'Keterangan'];

/** Rows in the sheet's order: the IA comes first, its MoA and MoU after; a partner written three ways. */
const GOOD = [
  ['PT. Uji Sentosa Tbk', 'IA', 'IMP/IA/1', 'Magang semester', '1 Maret 2025', '31 Agustus 2025', 'Nasional', 'Indonesia', 'JTI', 'IMP/MOA/1', '15 Mei 2025', 'Sesuai rencana', '3', 'ruang lingkup IA'],
  ['Uji Sentosa', 'MoA/PKS', 'IMP/MOA/1', 'Magang dan riset', '01/01/2025', '31/12/2027', 'Nasional', '', 'JTI; JTE', 'IMP/MOU/1', '', '', '', ''],
  ['PT UJI SENTOSA', 'MoU', 'IMP/MOU/1', 'Kerja sama payung', '2024-06-01', 'Tanpa batas', 'Nasional', 'Indonesia', '', '', '', '', '', ''],
  ['Universitas Impor Osaka', 'MoU', 'IMP/MOU/2', 'Pertukaran dosen', '2 Jan 2025', '1 Jan 2030', 'Internasional', 'Jepang', 'Jurusan Teknik Informatika', '', '', '', '', ''],
  ['PT Uji Sentosa Tbk', 'IA', 'IMP/IA/1', 'Magang semester', '1 Maret 2025', '31 Agustus 2025', 'Nasional', 'Indonesia', 'JTI', 'IMP/MOA/1', '15 Mei 2025', 'Sesuai rencana', '3', 'ruang lingkup IA'],
];

/** Each refused by a different rule: the date range (field rules), the parent's kind (agreement.ts), a value, a unit, a missing name. */
const BAD = [
  ['PT Salah Tanggal', 'MoU', 'IMP/BAD/1', 'Tanggal terbalik', '1 Juni 2025', '1 Januari 2025', 'Nasional', 'Indonesia', '', '', '', '', '', ''],
  ['PT Salah Induk', 'MoA', 'IMP/BAD/2', 'Induk IA', '1 April 2025', '1 Juli 2025', 'Nasional', 'Indonesia', '', 'IMP/IA/1', '', '', '', ''],
  ['PT Salah Jenis', 'Surat', 'IMP/BAD/3', 'Jenis tidak dikenal', '1 Juni 2025', '1 Juni 2026', 'Nasional', 'Indonesia', '', '', '', '', '', ''],
  ['PT Salah Unit', 'MoU', 'IMP/BAD/4', 'Unit tidak dikenal', '1 Juni 2025', '1 Juni 2026', 'Nasional', 'Indonesia', 'UNIT-HANTU', '', '', '', '', ''],
  ['', 'MoU', 'IMP/BAD/5', 'Tanpa mitra', '1 Juni 2025', '1 Juni 2026', 'Nasional', 'Indonesia', '', '', '', '', '', ''],
];

/** The sheet as an office keeps it: a title row and a blank row above the header (so data starts at row 4). */
const xlsx = async (rows: string[][]) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Daftar Kerjasama');
  sheet.addRow(['DAFTAR KERJASAMA (UJI)']);
  sheet.addRow([]);
  sheet.addRow(HEADERS);
  rows.forEach((row, index) => sheet.addRow([index + 1, ...row]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows read back with their relations, asserted field by field
type Stored = Record<string, any>;

const csv = (rows: string[][]) => Buffer.from([HEADERS, ...rows.map((row, index) => [String(index + 1), ...row])].map((row) => row.map((cell) => (/[;"]/.test(cell) ? `"${cell}"` : cell)).join(';')).join('\n'));

describe('import and duplicate partners', () => {
  let app: TestApp;
  let strapi: Core.Strapi;
  let humas: string;
  let nobody: string;

  const auth = (jwt: string) => ({ Authorization: `Bearer ${jwt}` });
  const upload = (bytes: Buffer, filename: string, jwt = humas) => app.request().post('/kerjasama/import/uploads').set(auth(jwt)).attach('file', bytes, filename);

  /** Starts a job, polls its progress (without a session) until it ends, and answers its result with the progress seen. */
  const run = async (uploadId: string, mapping: Record<string, string | null>, mode: 'preview' | 'import') => {
    const started = await app.request().post('/kerjasama/import/jobs').set(auth(humas)).send({ uploadId, mapping, mode });
    expect(started.status).toBe(202);
    const seen: Array<{ done: number; total: number }> = [];
    for (;;) {
      const progress = await app.request().get(`/kerjasama/import/progress/${started.body.data.progressToken}`);
      expect(progress.status).toBe(200);
      seen.push({ done: progress.body.data.done, total: progress.body.data.total });
      if (progress.body.data.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const job = await app.request().get(`/kerjasama/import/jobs/${started.body.data.jobId}`).set(auth(humas));
    expect(job.status).toBe(200);
    expect(job.body.data.state).toBe('done');
    return { result: job.body.data.result, seen };
  };

  const byNumber = async (ourNumber: string) =>
    (await strapi.db.query(AGREEMENT).findOne({ where: { ourNumber }, populate: { partner: true, parent: true, units: true } })) as Stored | null;

  beforeAll(async () => {
    app = await setupStrapi();
    strapi = app.strapi;
    humas = await adminToken(strapi, app.request, ['Staf Humas']);
    nobody = await adminToken(strapi, app.request, [await ensureEmptyRole(strapi)]);
  });

  afterAll(async () => {
    await app?.destroy();
  });

  it('previews every bad row at its row, field and column in both languages, and imports nothing while one row is bad', async () => {
    const file = await xlsx([...GOOD, ...BAD]);
    const uploaded = await upload(file, 'daftar-kerjasama.xlsx');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.data).toMatchObject({ format: 'xlsx', sheetName: 'Daftar Kerjasama', headerRow: 3, rowCount: 10, headers: HEADERS, remembered: false });
    const mapping = { ...uploaded.body.data.mapping, Keterangan: 'scope' };
    expect(mapping).toMatchObject({ 'Nama Mitra': 'partnerName', 'Nomor Naskah (Polibatam)': 'ourNumber', 'Naskah Induk': 'parentNumber', 'Tanggal Monitoring': 'monitoredOn' });
    expect(uploaded.body.data.mapping.Keterangan).toBeUndefined();

    const before = await tableChecksum(strapi);
    for (const mode of ['preview', 'import'] as const) {
      const { result, seen } = await run(uploaded.body.data.uploadId, mapping, mode);
      expect(result.committed).toBe(false);
      expect(result.errors.map((error: { row: number; field: string; column: string }) => [error.row, error.field, error.column])).toEqual([
        [9, 'endDate', 'Tanggal Berakhir'],
        [10, 'parentNumber', 'Naskah Induk'],
        [11, 'kind', 'Jenis Naskah (MoU/MoA/IA)'],
        [12, 'units', 'Unit Pelaksana'],
        [13, 'partnerName', 'Nama Mitra'],
      ]);
      for (const error of result.errors) expect(error.message).toMatch(/ \(.+\)$/s);
      expect(result.errors[1].message).toContain('MoA/PKS');
      // What would have been written: one partner for the three spellings, the repeated row adds nothing.
      expect(result.counts.agreements.created).toBe(4);
      expect(result.repeated).toBe(1);
      expect(seen.at(-1)).toEqual({ done: 10, total: 10 });
      expect(await tableChecksum(strapi)).toBe(before);
    }
  });

  it('imports a good sheet in one transaction: parents resolved MoU → MoA → IA, one partner per name, units and monitoring; a re-import changes nothing', async () => {
    const partnersBefore = await strapi.db.query(PARTNER).count({ where: { publishedAt: null } });
    const uploaded = await upload(await xlsx(GOOD), 'daftar-kerjasama.xlsx');
    // The mapping used for this layout before (Keterangan → scope) is remembered.
    expect(uploaded.body.data.remembered).toBe(true);
    expect(uploaded.body.data.mapping.Keterangan).toBe('scope');
    const { result, seen } = await run(uploaded.body.data.uploadId, uploaded.body.data.mapping, 'import');
    expect(result).toMatchObject({
      committed: true,
      errors: [],
      rows: 5,
      repeated: 1,
      counts: { partners: { created: 2, matched: 0 }, agreements: { created: 4, updated: 0, unchanged: 0 }, monitoring: { created: 1, unchanged: 0 } },
    });
    expect(seen.at(-1)).toEqual({ done: 5, total: 5 });
    expect(await strapi.db.query(PARTNER).count({ where: { publishedAt: null } })).toBe(partnersBefore + 2);

    const ia = (await byNumber('IMP/IA/1'))!;
    const moa = (await byNumber('IMP/MOA/1'))!;
    const mou = (await byNumber('IMP/MOU/1'))!;
    expect([ia.kind, ia.parent.documentId, moa.kind, moa.parent.documentId, mou.kind, mou.parent]).toEqual(['ia', moa.documentId, 'moa', mou.documentId, 'mou', null]);
    expect(new Set([ia.partner.documentId, moa.partner.documentId, mou.partner.documentId]).size).toBe(1);
    expect(ia.partner).toMatchObject({ name: 'PT. Uji Sentosa Tbk', country: 'ID', level: 'national', institutionType: 'industry' });
    expect(ia).toMatchObject({ startDate: '2025-03-01', endDate: '2025-08-31', signedDate: '2025-03-01', scope: 'ruang lingkup IA' });
    expect(mou).toMatchObject({ indefinite: true, endDate: null, validityState: 'active' });
    expect(moa.units.map((unit: { code: string }) => unit.code).sort()).toEqual(['JTE', 'JTI']);
    const osaka = (await byNumber('IMP/MOU/2'))!;
    expect(osaka.partner).toMatchObject({ country: 'JP', level: 'international', institutionType: 'university' });
    expect(osaka.units.map((unit: { code: string }) => unit.code)).toEqual(['JTI']);
    const monitoring = await strapi.db.query(MONITORING).findMany({ where: { agreement: { id: ia.id } } });
    expect(monitoring).toEqual([expect.objectContaining({ monitoredOn: '2025-05-15', implementationState: 'on_track', activitiesCount: 3 })]);

    const before = await tableChecksum(strapi);
    const again = await upload(await xlsx(GOOD), 'daftar-kerjasama (salinan).xlsx');
    const second = await run(again.body.data.uploadId, again.body.data.mapping, 'import');
    expect(second.result).toMatchObject({
      committed: true,
      errors: [],
      counts: { partners: { created: 0, matched: 2 }, agreements: { created: 0, updated: 0, unchanged: 4 }, monitoring: { created: 0, unchanged: 1 } },
    });
    expect(await tableChecksum(strapi)).toBe(before);
  });

  it('reads the same rows from a ";" CSV: nothing changes, a new row is added, a changed title updates its agreement', async () => {
    const before = await tableChecksum(strapi);
    const same = await upload(csv(GOOD), 'daftar.csv');
    expect(same.body.data).toMatchObject({ format: 'csv', headerRow: 1, rowCount: 5, remembered: true });
    expect((await run(same.body.data.uploadId, same.body.data.mapping, 'import')).result.counts.agreements).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(await tableChecksum(strapi)).toBe(before);

    const changed = GOOD.slice(0, 4).map((row) => [...row]);
    changed[3][3] = 'Pertukaran dosen dan mahasiswa';
    changed.push(['Uji Sentosa Tbk', 'IA', 'IMP/IA/2', 'Riset terapan', '1 Juli 2025', '30 Juni 2026', 'Nasional', 'Indonesia', 'JTE', 'IMP/MOA/1', '', '', '', '']);
    const next = await upload(csv(changed), 'daftar.csv');
    const { result } = await run(next.body.data.uploadId, next.body.data.mapping, 'import');
    expect(result.counts).toEqual({ partners: { created: 0, matched: 2 }, agreements: { created: 1, updated: 1, unchanged: 3 }, monitoring: { created: 0, unchanged: 1 } });
    expect((await byNumber('IMP/MOU/2'))!.title).toBe('Pertukaran dosen dan mahasiswa');
    expect((await byNumber('IMP/IA/2'))!.parent.documentId).toBe((await byNumber('IMP/MOA/1'))!.documentId);
  });

  it('answers bad input with 400 naming the field and changes nothing', async () => {
    const before = await tableChecksum(strapi);
    const fieldsOf = (response: { status: number; body: { error: { details: { errors: Array<{ path: string[] }> } } } }) => {
      expect(response.status).toBe(400);
      return response.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'));
    };
    expect(fieldsOf(await upload(Buffer.from('%PDF-1.4\n%%EOF'), 'daftar.xlsx'))).toEqual(['file']);
    expect(fieldsOf(await upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'lama.xls'))).toEqual(['file']);
    expect(fieldsOf(await app.request().post('/kerjasama/import/uploads').set(auth(humas)).send({}))).toEqual(['file']);
    const uploaded = await upload(await xlsx(GOOD), 'daftar.xlsx');
    const job = (body: unknown) => app.request().post('/kerjasama/import/jobs').set(auth(humas)).send(body as object);
    expect(fieldsOf(await job({ uploadId: 'tidak-ada', mapping: {}, mode: 'preview' }))).toEqual(['uploadId']);
    expect(fieldsOf(await job({ uploadId: uploaded.body.data.uploadId, mapping: { 'Nama Mitra': 'partnerName' }, mode: 'hapus' }))).toEqual(['mode']);
    expect(fieldsOf(await job({ uploadId: uploaded.body.data.uploadId, mapping: 'semua', mode: 'preview' }))).toEqual(['mapping']);
    expect(fieldsOf(await job({ uploadId: uploaded.body.data.uploadId, mapping: { 'Nama Mitra': 'partnerName', Tingkat: 'warna' }, mode: 'preview' }))).toEqual(['mapping.Tingkat']);
    expect(fieldsOf(await job({ uploadId: uploaded.body.data.uploadId, mapping: { 'Kolom Hantu': 'partnerName' }, mode: 'preview' }))).toEqual(['mapping.Kolom Hantu', 'mapping.partnerName']);
    expect(fieldsOf(await job({ uploadId: uploaded.body.data.uploadId, mapping: { 'Nama Mitra': 'partnerName', Negara: 'city', Tingkat: 'city' }, mode: 'preview' }))).toEqual(['mapping.Tingkat']);
    expect(await tableChecksum(strapi)).toBe(before);
  });

  it('refuses every import and merge route to a role without the permission (403)', async () => {
    const file = await xlsx(GOOD);
    expect((await upload(file, 'daftar.xlsx', nobody)).status).toBe(403);
    const asNobody = (method: 'get' | 'post', path: string, body?: object) => app.request()[method](path).set(auth(nobody)).send(body);
    expect((await asNobody('post', '/kerjasama/import/jobs', { uploadId: 'x', mapping: {}, mode: 'preview' })).status).toBe(403);
    expect((await asNobody('get', '/kerjasama/import/jobs/x')).status).toBe(403);
    expect((await asNobody('get', '/kerjasama/partners/duplicates')).status).toBe(403);
    expect((await asNobody('post', '/kerjasama/partners/merge', { keep: 'a', merge: ['b'] })).status).toBe(403);
  });

  it('merges duplicate partners: agreements, proposals and contacts move to the kept one, the merge is logged, the directory and the figures follow', async () => {
    const partner = { level: 'local_regional', institutionType: 'research_institute', country: 'ID' };
    const kept = await createListedPartner(strapi, { ...partner, name: 'PT Gabung Riset Sentosa Tbk', contacts: [{ name: 'Ani', email: 'ani@gabung.example' }] });
    const twin = await createListedPartner(strapi, { ...partner, name: 'Gabung Riset Sentosa', website: 'https://gabung.example', contacts: [{ name: 'Budi', email: 'budi@gabung.example' }, { name: 'Ani', email: 'ani@gabung.example' }] }, { kind: 'moa' });
    const near = await createListedPartner(strapi, { ...partner, name: 'PT Gabung Riset Sentossa' });
    const unit = await createDocument(strapi, 'api::unit.unit', { code: 'GABUNG-U', name: 'Jurusan Gabung', kind: 'department' });
    await createDocument(strapi, 'api::proposal.proposal', { title: 'Usulan gabung', unit: unit.documentId, partner: twin.partnerId, objectives: 'Tujuan', plannedYear: 2026 });

    const duplicates = await app.request().get('/kerjasama/partners/duplicates').set(auth(humas));
    expect(duplicates.status).toBe(200);
    const group = duplicates.body.data.find((candidate: { partners: Array<{ documentId: string }> }) => candidate.partners.some((p) => p.documentId === kept.partnerId));
    expect(group.match).toBe('near');
    expect(group.partners.map((p: { documentId: string }) => p.documentId).sort()).toEqual([kept.partnerId, twin.partnerId, near.partnerId].sort());
    // The import's three spellings are one partner already: no group for them.
    expect(duplicates.body.data.some((candidate: { partners: Array<{ name: string }> }) => candidate.partners.some((p) => /Uji Sentosa/.test(p.name)))).toBe(false);

    const figures = async () => {
      const dashboard = await app.request().get('/kerjasama/dashboard').set(auth(humas));
      return dashboard.body.data.partners.find((row: { level: string; institutionType: string }) => row.level === partner.level && row.institutionType === partner.institutionType)?.count ?? 0;
    };
    const listed = async () => {
      const directory = await app.request().get('/api/directory?q=Gabung');
      expect(directory.status).toBe(200);
      return Object.fromEntries(directory.body.data.map((p: { documentId: string; agreementKinds: string[] }) => [p.documentId, [...p.agreementKinds].sort()]));
    };
    expect(await figures()).toBe(3);
    expect(await listed()).toEqual({ [kept.partnerId]: ['mou'], [twin.partnerId]: ['moa'], [near.partnerId]: ['mou'] });

    const merged = await app.request().post('/kerjasama/partners/merge').set(auth(humas)).send({ keep: kept.partnerId, merge: [twin.partnerId, near.partnerId] });
    expect(merged.status).toBe(200);
    expect(merged.body.data).toMatchObject({ kept: { documentId: kept.partnerId }, moved: { [AGREEMENT]: 2, 'api::proposal.proposal': 1 }, contactsAdded: 1 });

    const keptRow = await strapi.db.query(PARTNER).findOne({ where: { documentId: kept.partnerId, publishedAt: null }, populate: { contacts: true } });
    expect(keptRow.contacts.map((contact: { name: string }) => contact.name).sort()).toEqual(['Ani', 'Budi']);
    expect(keptRow.website).toBe('https://gabung.example');
    expect(await strapi.db.query(AGREEMENT).count({ where: { partner: { documentId: kept.partnerId } } })).toBe(3);
    expect(await strapi.db.query('api::proposal.proposal').count({ where: { partner: { documentId: kept.partnerId } } })).toBe(1);
    expect(await strapi.db.query(PARTNER).count({ where: { documentId: { $in: [twin.partnerId, near.partnerId] } } })).toBe(0);

    const log = await strapi.db.query('api::transition-log.transition-log').findMany({ where: { recordType: PARTNER, transition: { $in: ['merge', 'merged_into'] } }, orderBy: { id: 'asc' } });
    expect(log.map((entry: { recordDocumentId: string; transition: string }) => [entry.recordDocumentId, entry.transition])).toEqual([
      [kept.partnerId, 'merge'], [twin.partnerId, 'merged_into'], [kept.partnerId, 'merge'], [near.partnerId, 'merged_into'],
    ]);
    expect(log[0]).toMatchObject({ actorType: 'admin' });
    // The merged partner's own history (proposed, approved) travels in the kept partner's log entry.
    expect(log[0].snapshot.merged.history.map((entry: { toState: string }) => entry.toState)).toEqual(['approved', 'proposed']);

    expect(await listed()).toEqual({ [kept.partnerId]: ['moa', 'mou'] });
    expect(await figures()).toBe(1);

    const again = await app.request().post('/kerjasama/partners/merge').set(auth(humas)).send({ keep: kept.partnerId, merge: [twin.partnerId] });
    expect(again.status).toBe(400);
    expect(again.body.error.details.errors[0].path).toEqual(['merge', '0']);
    const self = await app.request().post('/kerjasama/partners/merge').set(auth(humas)).send({ keep: kept.partnerId, merge: [kept.partnerId] });
    expect(self.body.error.details.errors[0].path).toEqual(['merge']);
  });
});
