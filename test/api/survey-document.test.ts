import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken } from '../helpers/auth';
import { asAdmin } from '../helpers/planning-fixtures';
import { createDocument } from '../helpers/directory-fixtures';
import { createPartner } from '../helpers/participation';
import { docxText, pdfText, readWorkbook, binary, sheetRows } from '../helpers/documents';
import { sha256 } from '../helpers/issued';

/**
 * Issue 11 item 4: the satisfaction survey's results as form FO.28.2.2 (PDF, DOCX, XLSX). Fixture,
 * scale 1–4, questions R1, R2 (reliability), S1 (responsiveness); 3 invitations sent, 2 answered:
 *   national partner       R1 4, R2 3, S1 2
 *   international partner  R1 2, R2 2, S1 4
 * Hand-computed: response rate 2/3 = 66,7 %; overall mean 17/6 = 2,83, index 70,8 %;
 *   reliability [4,3,2,2] mean 2,75 index 68,8 %; responsiveness [2,4] mean 3 index 75 %;
 *   international [2,2,4] mean 2,67 index 66,7 %; national [4,3,2] mean 3 index 75 %;
 *   R1 3 / 75 %, R2 2,5 / 62,5 %, S1 3 / 75 %.
 */
let app: TestApp;
let kapokja: ReturnType<typeof asAdmin>;
let staf: ReturnType<typeof asAdmin>;
let director: ReturnType<typeof asAdmin>;
let survey: string;
let empty: string;
const SURVEY = 'api::satisfaction-survey.satisfaction-survey';
const QUESTIONS = [
  { code: 'R1', dimension: 'reliability', textId: 'Layanan sesuai janji', textEn: 'Service as promised' },
  { code: 'R2', dimension: 'reliability', textId: 'Layanan tepat waktu', textEn: 'Service on time' },
  { code: 'S1', dimension: 'responsiveness', textId: 'Tanggapan cepat', textEn: 'Quick response' },
];


beforeAll(async () => {
  app = await setupStrapi();
  const { strapi } = app;
  kapokja = asAdmin(app.request, await adminToken(strapi, app.request, ['Kapokja Humas & Kerjasama']));
  staf = asAdmin(app.request, await adminToken(strapi, app.request, ['Staf Humas']));
  director = asAdmin(app.request, await adminToken(strapi, app.request, ['Direktur']));
  const national = await createPartner(strapi, { level: 'national' });
  const international = await createPartner(strapi, { level: 'international', country: 'SG' });
  survey = (await createDocument(strapi, SURVEY, { title: 'Survei Kepuasan Mitra 2026', year: 2026, scaleMax: 4, workflowState: 'open', questions: QUESTIONS })).documentId;
  empty = (await createDocument(strapi, SURVEY, { title: 'Survei tanpa jawaban', year: 2026, scaleMax: 4, questions: QUESTIONS })).documentId;
  const invite = (partner: string, email: string, used: boolean) => createDocument(strapi, 'api::survey-invitation.survey-invitation', {
    survey, partner, contactEmail: email, expiresAt: '2027-01-01T00:00:00.000Z', sentAt: '2026-03-01T00:00:00.000Z', ...(used ? { usedAt: '2026-03-05T00:00:00.000Z' } : {}),
  });
  await invite(national.documentId, 'a@nasional.test', true);
  await invite(international.documentId, 'b@sg.test', true);
  await invite(national.documentId, 'c@nasional.test', false);
  const respond = (partner: string, scores: number[]) => createDocument(strapi, 'api::survey-response.survey-response', {
    survey, partner, submittedAt: '2026-03-05T00:00:00.000Z', answers: QUESTIONS.map((question, index) => ({ questionCode: question.code, score: scores[index] })),
  });
  await respond(national.documentId, [4, 3, 2]);
  await respond(international.documentId, [2, 2, 4]);
});
afterAll(() => app?.destroy());

const exportOf = (agent: ReturnType<typeof asAdmin>, documentId: string, format: string) => binary(agent.get(`/kerjasama/surveys/${documentId}/results/export?format=${format}`));

test('bad input: a survey nobody answered is a 400 naming responses, an unknown one a 404, an unknown format a 400', async () => {
  const none = await kapokja.get(`/kerjasama/surveys/${empty}/results/export?format=pdf`);
  expect(none.status).toBe(400);
  expect(none.body.error.details.errors[0].path).toEqual(['responses']);
  expect((await kapokja.post(`/kerjasama/surveys/${empty}/results/issue`, { format: 'pdf' })).status).toBe(400);
  expect((await kapokja.get('/kerjasama/surveys/tidak-ada/results/export')).status).toBe(404);
  const format = await kapokja.get(`/kerjasama/surveys/${survey}/results/export?format=html`);
  expect(format.status).toBe(400);
  expect(format.body.error.details.errors[0].path).toEqual(['format']);
  expect(await app.strapi.db.query('api::issued-document.issued-document').count({ where: { formCode: 'FO.28.2.2' } })).toBe(0);
});

test('XLSX: response rate, index, by dimension, by partner level and by question, cell by cell', async () => {
  const response = await exportOf(staf, survey, 'xlsx');
  expect(response.status).toBe(200);
  const workbook = await readWorkbook(response.body);
  const values = (name: string) => sheetRows(workbook, name);
  expect(values('Ringkasan').slice(1)).toEqual([
    ['Survei / Survey', 'Survei Kepuasan Mitra 2026'],
    ['Tahun / Year', '2026'],
    ['Status', 'Dibuka / Open'],
    ['Skala / Scale', '1–4'],
    ['Diundang / Invited', 3],
    ['Menjawab / Answered', 2],
    ['Tingkat respons / Response rate', '66,7 % (2/3)'],
    ['Indeks kepuasan / Satisfaction index', '70,8 %'],
    ['Rata-rata / Mean', '2,83'],
  ]);
  expect(values('dimensions').slice(2)).toEqual([['Keandalan / Reliability', 2.75, 68.8], ['Daya tanggap / Responsiveness', 3, 75]]);
  expect(values('levels').slice(2)).toEqual([['Internasional / International', 1, 2.67, 66.7], ['Nasional / National', 1, 3, 75]]);
  expect(values('questions').slice(2)).toEqual([
    ['R1', 'Layanan sesuai janji / Service as promised', 'Keandalan / Reliability', 2, 3, 75],
    ['R2', 'Layanan tepat waktu / Service on time', 'Keandalan / Reliability', 2, 2.5, 62.5],
    ['S1', 'Tanggapan cepat / Quick response', 'Daya tanggap / Responsiveness', 2, 3, 75],
  ]);
  expect(workbook.getWorksheet('dimensions')!.headerFooter.oddFooter).toContain('FO.28.2.2 · Versi / Version 1');
});

test('permissions: Staf Humas and the Director preview, only the Kapokja issues; PDF and DOCX read back', async () => {
  expect((await exportOf(director, survey, 'pdf')).status).toBe(200);
  expect((await staf.post(`/kerjasama/surveys/${survey}/results/issue`, { format: 'pdf' })).status).toBe(403);
  expect((await director.post(`/kerjasama/surveys/${survey}/results/issue`, { format: 'pdf' })).status).toBe(403);
  const pdf = await kapokja.post(`/kerjasama/surveys/${survey}/results/issue`, { format: 'pdf' });
  expect(pdf.status).toBe(201);
  expect(pdf.body.data.documentNumber).toBe('KS/FO.28.2.2/2026/0001');
  const docx = await kapokja.post(`/kerjasama/surveys/${survey}/results/issue`, { format: 'docx' });
  expect(docx.body.data.documentNumber).toBe('KS/FO.28.2.2/2026/0002');
  const list = await staf.get(`/kerjasama/documents?recordDocumentId=${survey}`);
  const fileOf = async (number: string) => {
    const entry = list.body.data.find((doc: { documentNumber: string }) => doc.documentNumber === number);
    const file = await binary(app.request().get(entry.fileUrl));
    expect(sha256(file.body)).toBe(entry.sha256);
    return file.body as Buffer;
  };
  const values = ['Hasil Survei Kepuasan Mitra 2026', 'Survei Kepuasan Mitra 2026', '66,7 % (2/3)', '70,8 %', 'Keandalan / Reliability', 'Daya tanggap / Responsiveness',
    'Internasional / International', 'Nasional / National', 'Layanan tepat waktu / Service on time', '62,5', '68,8', '2,75', '2,67'];
  const { flat } = await pdfText(await fileOf('KS/FO.28.2.2/2026/0001'));
  for (const value of [...values, 'KS/FO.28.2.2/2026/0001', 'FO.28.2.2 · Versi / Version 1']) expect(flat).toContain(value);
  expect(flat).toMatch(/Halaman \/ Page 1 dari \/ of \d/);
  const word = docxText(await fileOf('KS/FO.28.2.2/2026/0002'));
  for (const value of [...values, 'KS/FO.28.2.2/2026/0002', 'Diundang / Invited: 3 · Menjawab / Answered: 2']) expect(word.flat).toContain(value);
  expect(word.text).not.toMatch(/[{}]/);
});
