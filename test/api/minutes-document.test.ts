import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, apiToken } from '../helpers/auth';
import { writeContext } from '../helpers/dist';
import { docxText, pdfText } from '../helpers/documents';
import { sha256 } from '../helpers/issued';
import { createInState, createWorkflowDeps } from '../helpers/workflow-fixtures';

/**
 * Issue 11 item 3: the minutes print (form BO.29.3.1) as PDF and DOCX, issued through the
 * registry with its number and verification link, read back value by value; who may preview,
 * who may issue; bad input named.
 */
const MINUTE = 'api::meeting-minute.meeting-minute';
const SITE = 'https://kerjasama.polibatam.test';

let app: TestApp;
let token: string;
let staf: string;
let kapokja: string;
let direktur: string;
let finalMinute: string;
let draftMinute: string;
let proposalTitle: string;

const FIXTURE = {
  number: 'NR/HUMAS/III/2026/07',
  title: 'Rapat koordinasi program magang industri',
  meetingDate: '2026-03-10',
  kind: 'with_unit',
  place: 'Ruang Rapat Gedung Utama Lt. 2',
  chair: 'Dr. Rina Kapokja',
  minuteTaker: 'Andi Notulis',
  agenda: 'Evaluasi usulan magang semester genap',
  discussion: 'Jurusan Teknik Informatika mengusulkan 20 kuota magang di galangan kapal',
  attendees: [
    { name: 'Budi Santoso', role: 'Ketua Jurusan', organisation: 'Jurusan Teknik Informatika' },
    { name: 'Sari Wulandari', role: 'Staf Humas', organisation: 'Humas & Kerjasama' },
  ],
  actionItems: [
    { description: 'Menyusun draf MoA magang', owner: 'Sari Wulandari', dueDate: '2026-04-15', done: false },
    { description: 'Mengirim surat ke mitra', owner: 'Budi Santoso', dueDate: '2026-03-20', done: true },
  ],
};

const create = (data: Record<string, unknown>) =>
  writeContext().runAsSystem('test-fixture', async () => (await app.strapi.documents(MINUTE).create({ data } as never)) as { documentId: string });

beforeAll(async () => {
  app = await setupStrapi({ PUBLIC_URL: SITE });
  token = await apiToken(app.strapi);
  [staf, kapokja, direktur] = [
    await adminToken(app.strapi, app.request, ['Staf Humas']),
    await adminToken(app.strapi, app.request, ['Kapokja Humas & Kerjasama']),
    await adminToken(app.strapi, app.request, ['Direktur']),
  ];
  const deps = await createWorkflowDeps(app.strapi);
  const proposal = await createInState(app.strapi, 'api::proposal.proposal', 'draft', deps);
  proposalTitle = (await app.strapi.db.query('api::proposal.proposal').findOne({ where: { documentId: proposal } })).title;
  const unitId = deps.unitId;
  finalMinute = (await create({ ...FIXTURE, unit: unitId, decisions: [{ text: 'Usulan magang disetujui untuk dilanjutkan', proposal }] })).documentId;
  const finalized = await app.request().post(`/api/meeting-minutes/${finalMinute}/transitions`).set('Authorization', `Bearer ${token}`).send({ to: 'final' });
  expect(finalized.status).toBe(200);
  draftMinute = (await create({ ...FIXTURE, number: 'NR/DRAF/1', unit: unitId })).documentId;
});
afterAll(() => app?.destroy());

const as = (jwt: string) => ({ Authorization: `Bearer ${jwt}` });
const binary = (request: ReturnType<TestApp['request']>['get'] extends (...a: never[]) => infer R ? R : never) =>
  request.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
const issue = (jwt: string, documentId: string, body: Record<string, unknown>) => app.request().post(`/kerjasama/minutes/${documentId}/issue`).set(as(jwt)).send(body);
const fileOf = async (documentNumber: string) => {
  const list = await app.request().get(`/kerjasama/documents?recordDocumentId=${finalMinute}`).set(as(direktur));
  expect(list.status).toBe(200);
  const entry = list.body.data.find((doc: { documentNumber: string }) => doc.documentNumber === documentNumber);
  const file = await binary(app.request().get(entry.fileUrl));
  expect(file.status).toBe(200);
  return { entry, bytes: file.body as Buffer };
};

/** Every value of the fixture, as the print shows it. */
const expectMinuteValues = (flat: string) => {
  for (const value of [
    FIXTURE.number, FIXTURE.title, '10 Maret 2026', '10 March 2026', 'Rapat dengan unit / Meeting with a unit', FIXTURE.place, FIXTURE.chair, FIXTURE.minuteTaker,
    'Jurusan Alur Kerja', FIXTURE.agenda, FIXTURE.discussion, 'Budi Santoso', 'Ketua Jurusan', 'Jurusan Teknik Informatika', 'Sari Wulandari', 'Humas & Kerjasama',
    'Tanda tangan / Signature', 'Usulan magang disetujui untuk dilanjutkan', proposalTitle, 'Menyusun draf MoA magang', '15 April 2026', 'Mengirim surat ke mitra',
    '20 Maret 2026', 'Selesai / Done', 'Belum / Open', 'BO.29.3.1',
  ]) expect(flat).toContain(value);
};

describe('preview (Staf Humas prepares)', () => {
  test('a PDF print of a draft, without a number', async () => {
    const response = await binary(app.request().get(`/kerjasama/minutes/${draftMinute}/preview?format=pdf`).set(as(staf)));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/pdf/);
    const { flat } = await pdfText(response.body);
    expect(flat).toContain('(draf / draft)');
    expect(flat).toContain('NR/DRAF/1');
  });

  test('an unknown minute is a 404, a bad format a 400 naming format', async () => {
    expect((await app.request().get('/kerjasama/minutes/tidak-ada/preview').set(as(staf))).status).toBe(404);
    const bad = await app.request().get(`/kerjasama/minutes/${draftMinute}/preview?format=html`).set(as(staf));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['format']);
  });
});

describe('issuing (the Kapokja issues)', () => {
  let pdfNumber: string;

  test('Staf Humas and the Director may not issue', async () => {
    expect((await issue(staf, finalMinute, { format: 'pdf' })).status).toBe(403);
    expect((await issue(direktur, finalMinute, { format: 'pdf' })).status).toBe(403);
    expect(await app.strapi.db.query('api::issued-document.issued-document').count()).toBe(0);
  });

  test('draft minutes are not issued (400 naming workflowState); a bad format is a 400 naming format', async () => {
    const draft = await issue(kapokja, draftMinute, { format: 'pdf' });
    expect(draft.status).toBe(400);
    expect(draft.body.error.details.errors[0].path).toEqual(['workflowState']);
    const format = await issue(kapokja, finalMinute, { format: 'odt' });
    expect(format.status).toBe(400);
    expect(format.body.error.details.errors[0].path).toEqual(['format']);
    expect((await issue(kapokja, 'tidak-ada', { format: 'pdf' })).status).toBe(404);
  });

  test('PDF: numbered KS/BO.29.3.1/2026/0001, every value of the minute, the verification link; the stored bytes are what was hashed', async () => {
    const response = await issue(kapokja, finalMinute, { format: 'pdf' });
    expect(response.status).toBe(201);
    pdfNumber = response.body.data.documentNumber;
    expect(pdfNumber).toBe('KS/BO.29.3.1/2026/0001');
    expect(response.body.data.verifyUrl).toBe(`${SITE}/verifikasi/KS/BO.29.3.1/2026/0001`);
    const { entry, bytes } = await fileOf(pdfNumber);
    expect(entry).toMatchObject({ formCode: 'BO.29.3.1', year: 2026, issuedByRole: 'Kapokja Humas & Kerjasama / Head of PR & Cooperation', mime: 'application/pdf' });
    expect(sha256(bytes)).toBe(response.body.data.sha256);
    const { flat, numpages } = await pdfText(bytes);
    expect(numpages).toBeGreaterThanOrEqual(1);
    expectMinuteValues(flat);
    expect(flat).toContain('No. KS/BO.29.3.1/2026/0001');
    expect(flat).toContain(`${SITE}/verifikasi/KS/BO.29.3.1/2026/0001`);
    expect(flat).toMatch(/Halaman \/ Page 1 dari \/ of \d/);
  });

  test('DOCX: the next number, every value and no placeholder left, the QR picture filled', async () => {
    const response = await issue(kapokja, finalMinute, { format: 'docx' });
    expect(response.status).toBe(201);
    const number = response.body.data.documentNumber;
    expect(number).toBe('KS/BO.29.3.1/2026/0002');
    const { bytes } = await fileOf(number);
    expect(sha256(bytes)).toBe(response.body.data.sha256);
    const { zip, flat: xmlText } = docxText(bytes);
    // XML text: entities as Word stores them.
    const flat = xmlText.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expectMinuteValues(flat);
    expect(flat).toContain(number);
    expect(flat).toContain(`${SITE}/verifikasi/${number}`);
    expect(flat).not.toMatch(/[{}]/);
    expect(zip.file('word/media/qr.png')!.asNodeBuffer().length).toBeGreaterThan(200);
  });

  test('the public check knows both, with their hashes; the Director lists them', async () => {
    const list = await app.request().get('/kerjasama/documents').set(as(direktur));
    expect(list.body.data.map((doc: { documentNumber: string }) => doc.documentNumber)).toEqual(['KS/BO.29.3.1/2026/0002', 'KS/BO.29.3.1/2026/0001']);
    for (const doc of list.body.data) {
      const check = await app.request().get(`/api/verifikasi/${doc.documentNumber}`);
      expect(check.status).toBe(200);
      expect(check.body.data.sha256).toBe(doc.sha256);
      expect(check.body.data.title).toBe(`Notulen Rapat: ${FIXTURE.title}`);
    }
  });
});
