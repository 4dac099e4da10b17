import fs from 'fs';
import path from 'path';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { testPort } from '../helpers/ports';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, TEST_PASSWORD } from '../helpers/auth';
import { writeContext } from '../helpers/dist';
import { createDocument } from '../helpers/directory-fixtures';
import { asAdmin, buildPlanningWorld, createProgramWithItems, FIXTURE_YEAR, type PlanningWorld } from '../helpers/planning-fixtures';
import { docxText, pdfText, readWorkbook } from '../helpers/documents';
import { launchChromium, ensureAdminBuild, createAdminUser, watchPage, loginToAdmin, renderingTest } from '../helpers/browser';

/**
 * Issue 11, "done when": each document produced from the admin pages in Chromium (port 1401), by
 * the Kapokja: FO.28.2.1 downloaded from the evaluation page, FO.28.1.1 issued from the program
 * page, FO.28.2.2 issued from the survey page, BO.28.1.2 previewed and issued from the recap page,
 * BO.29.3.1 issued from the final minutes' edit view;
 * each file opened and its numbers checked against the records (planning world, year 2024).
 */
const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const PORT = testPort(1401);
const BASE = `http://127.0.0.1:${PORT}`;
const Y = FIXTURE_YEAR;

let app: TestApp;
let browser: Browser;
let page: Page;
let world: PlanningWorld;
let unitP1: { code: string; name: string };
let email: string;
let kapokjaApi: ReturnType<typeof asAdmin>;




beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  ensureAdminBuild();
  app = await setupStrapi({ HOST: '127.0.0.1', PORT: String(PORT), PUBLIC_URL: BASE }, { serveAdminPanel: true });
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(PORT, '127.0.0.1', resolve));
  const { strapi } = app;
  world = await buildPlanningWorld(strapi);
  unitP1 = await strapi.db.query('api::unit.unit').findOne({ where: { documentId: world.units.P1 }, select: ['code', 'name'] });
  const kapokja = asAdmin(app.request, await adminToken(strapi, app.request, ['Kapokja Humas & Kerjasama']));
  kapokjaApi = kapokja;
  const director = asAdmin(app.request, await adminToken(strapi, app.request, ['Direktur']));
  const { programId } = await createProgramWithItems(kapokja, Y, [
    { title: 'Magang industri', partner: world.partners.PA, cooperationType: world.types.T1, units: [world.units.P1], quarter: 'Q1', budget: 5000000 },
    { title: 'Riset bersama', partner: world.partners.PB, cooperationType: world.types.T2, units: [world.units.P2], quarter: 'Q2', budget: 2500000 },
  ]);
  expect((await kapokja.post(`/kerjasama/program/${programId}/transitions`, { to: 'submitted' })).status).toBe(200);
  expect((await director.post(`/kerjasama/program/${programId}/transitions`, { to: 'approved' })).status).toBe(200);
  const survey = (await createDocument(strapi, 'api::satisfaction-survey.satisfaction-survey', {
    title: `Survei Kepuasan Mitra ${Y}`, year: Y, scaleMax: 4, workflowState: 'open',
    questions: [{ code: 'R1', dimension: 'reliability', textId: 'Sesuai janji' }, { code: 'S1', dimension: 'responsiveness', textId: 'Cepat' }],
  })).documentId;
  for (const [partner, email, scores] of [[world.partners.PA, 'a@pa.test', [4, 2]], [world.partners.PB, 'b@pb.test', [3, 3]]] as const) {
    await createDocument(strapi, 'api::survey-invitation.survey-invitation', { survey, partner, contactEmail: email, expiresAt: `${Y + 1}-01-01T00:00:00.000Z`, sentAt: `${Y}-10-01T00:00:00.000Z`, usedAt: `${Y}-10-02T00:00:00.000Z` });
    await createDocument(strapi, 'api::survey-response.survey-response', { survey, partner, submittedAt: `${Y}-10-02T00:00:00.000Z`, answers: [{ questionCode: 'R1', score: scores[0] }, { questionCode: 'S1', score: scores[1] }] });
  }
  email = await createAdminUser(strapi, 'Kapokja Humas & Kerjasama', 'kapokja-documents@e2e.test');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await watchPage(page, BASE, 'e2e documents');
  await loginToAdmin(page, BASE, email);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.destroy();
});

const open = async (route: string) => {
  await page.goto(`${BASE}/admin/plugins/kerjasama/${route}${route.includes('?') ? '&' : '?'}year=${Y}`);
  await page.waitForLoadState('networkidle');
};
const bytesOf = async (download: Download) => fs.readFileSync((await download.path())!);
const downloadBy = async (button: Locator) => {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), button.click()]);
  return bytesOf(download);
};
/** Issues from a panel and returns the number the server gave. */
const issueFrom = async (panel: Locator, label: RegExp, route: string, timeout = 60000) => {
  const answer = page.waitForResponse((response) => response.url().includes(route) && response.request().method() === 'POST', { timeout });
  // Awaited below; if the click fails first, its timeout must not surface as an unhandled rejection.
  answer.catch(() => undefined);
  // A click that cannot land (an overlay over the button) fails here, naming what intercepts it.
  await panel.getByRole('button', { name: label }).click({ timeout: timeout - 5000 });
  const response = await answer;
  expect(response.status()).toBe(201);
  const number = (await response.json()).data.documentNumber as string;
  await panel.getByText(number).waitFor({ timeout: 30000 });
  return number;
};

test('FO.28.2.1: the evaluation page downloads the PDF and the XLSX of its figures', async () => {
  await open('evaluation');
  await page.waitForSelector('[data-testid="evaluation-agreements"]', { timeout: 60000 });
  const pdf = await downloadBy(page.getByRole('button', { name: /PDF$/ }));
  const { flat } = await pdfText(pdf);
  expect(flat).toContain(`Laporan Evaluasi Tahunan Kerjasama ${Y}`);
  expect(flat).toMatch(/Ditandatangani pada tahun ini \/ Signed in the year\s?3/);
  const workbook = await readWorkbook(await downloadBy(page.getByRole('button', { name: /XLSX$/ })));
  expect(workbook.getWorksheet('monitoringRows')).toBeDefined();
  await page.screenshot({ path: path.join(ARTIFACTS, 'documents-evaluation.png') });
});

test('FO.28.1.1: the program page issues the approved program, the file carries its number and budget', async () => {
  await open('program');
  const panel = page.locator('[data-testid="program-document"]');
  await panel.waitFor({ timeout: 60000 });
  const number = await issueFrom(panel, /Terbitkan PDF/, '/kerjasama/program/issue');
  expect(number).toBe(`KS/FO.28.1.1/${Y}/0001`);
  const preview = await downloadBy(panel.getByRole('button', { name: /Pratinjau DOCX/ }));
  const word = docxText(preview).flat;
  for (const value of ['Magang industri', 'Riset bersama', 'Total anggaran / Budget total: Rp 7.500.000', 'Revisi ke / Revision number: 0']) expect(word).toContain(value);
  await page.screenshot({ path: path.join(ARTIFACTS, 'documents-program.png'), fullPage: true });
});

test('FO.28.2.2: the survey page issues the survey results', async () => {
  await page.goto(`${BASE}/admin/plugins/kerjasama/surveys`);
  const panel = page.locator('[data-testid="survey-document"]');
  await panel.waitFor({ timeout: 60000 });
  const number = await issueFrom(panel, /Terbitkan PDF/, '/results/issue');
  expect(number).toBe(`KS/FO.28.2.2/${Y}/0001`);
  const { flat } = await pdfText(await downloadBy(panel.getByRole('button', { name: /Pratinjau PDF/ })));
  // R1 4, 3 → 3.5; S1 2, 3 → 2.5; overall 3 of 4 = 75 %; 2 of 2 answered.
  for (const value of ['100 % (2/2)', '75 %', 'Keandalan / Reliability', '3,5', '2,5']) expect(flat).toContain(value);
  await page.screenshot({ path: path.join(ARTIFACTS, 'documents-survey.png'), fullPage: true });
});

test('BO.28.1.2: the recap page previews a unit\'s year and issues it', async () => {
  await open('monitoring-recap');
  await page.getByRole('combobox', { name: 'Periode' }).click();
  await page.getByRole('option', { name: /Satu tahun/ }).click();
  await page.getByRole('combobox', { name: 'Unit' }).click();
  await page.getByRole('option', { name: new RegExp(`${unitP1.code}`) }).click();
  const preview = page.locator('[data-testid="recap-preview"]');
  await preview.getByText(unitP1.name).waitFor({ timeout: 60000 });
  // P1: A1 (M1 2024-04-01, 3 activities) and A2 (M2 2024-05-01, 2 activities).
  await expect(page.locator('[data-testid="recap-totals"]').innerText()).resolves.toMatch(/2 naskah.*2 monitoring, 5 kegiatan/);
  const panel = page.locator('[data-testid="recap-documents"]');
  const workbook = await readWorkbook(await downloadBy(panel.getByRole('button', { name: /Pratinjau XLSX/ })));
  const sheet = workbook.getWorksheet('BO.28.1.2')!;
  expect(sheet.getRow(4 + 0).getCell(6).value as number + (sheet.getRow(5).getCell(6).value as number)).toBe(5);
  const number = await issueFrom(panel, /Terbitkan PDF/, '/kerjasama/monitoring-recap/issue');
  expect(number).toBe(`KS/BO.28.1.2/${Y}/0001`);
  await page.screenshot({ path: path.join(ARTIFACTS, 'documents-recap.png'), fullPage: true });
});

test('BO.29.3.1: the final minutes\' edit view issues them, the file carries the meeting\'s values', async () => {
  const MINUTE = 'api::meeting-minute.meeting-minute';
  const minute = await writeContext().runAsSystem('test-fixture', async () => (await app.strapi.documents(MINUTE).create({
    data: {
      number: `NR/HUMAS/III/${Y}/07`, title: 'Rapat koordinasi program magang industri', meetingDate: `${Y}-03-10`, kind: 'internal',
      place: 'Ruang Rapat Gedung Utama Lt. 2', chair: 'Dr. Rina Kapokja', minuteTaker: 'Andi Notulis',
      agenda: 'Evaluasi usulan magang semester genap', discussion: 'Kuota magang 20 mahasiswa di galangan kapal',
      attendees: [{ name: 'Budi Santoso', role: 'Ketua Jurusan', organisation: 'Jurusan Teknik Informatika' }],
      actionItems: [{ description: 'Menyusun draf MoA magang', owner: 'Budi Santoso', dueDate: `${Y}-04-15`, done: false }],
    } as never,
  })) as { documentId: string });
  expect((await kapokjaApi.post(`/kerjasama/workflow/${MINUTE}/${minute.documentId}/transitions`, { to: 'final' })).status).toBe(200);
  await page.goto(`${BASE}/admin/content-manager/collection-types/${MINUTE}/${minute.documentId}`);
  const panel = page.getByRole('button', { name: /Terbitkan PDF/ }).locator('xpath=ancestor::*[.//*[contains(text(), "Dokumen terbit")]][1]');
  // The edit view settles first (document, permissions, the panel's list of what was issued): a
  // click while the Content Manager still re-renders its side panels was lost once in CI.
  await page.waitForLoadState('networkidle');
  await panel.getByText('Belum ada dokumen terbit').waitFor({ timeout: 60000 });
  // Once in CI (SQLite, both suites side by side) the click sent no request at all: the edit view
  // may still swap its side panels as it loads. A second click is given, said in the log; an
  // issue that is sent and refused still fails at once (issueFrom checks the 201).
  const issueMinutes = () => issueFrom(panel, /Terbitkan PDF/, `/kerjasama/minutes/${minute.documentId}/issue`, 20000);
  const number = await issueMinutes().catch(async (error: unknown) => {
    process.stderr.write(`[e2e documents] minutes: no issue request after the first click (${String(error).split('\n')[0]}); page text:\n${await page.innerText('body').catch(() => '(unreadable)')}\n`);
    return issueMinutes();
  });
  expect(number).toMatch(new RegExp(`^KS/BO\\.29\\.3\\.1/${Y}/\\d{4}$`));
  const { flat } = await pdfText(await downloadBy(panel.getByRole('button', { name: /Pratinjau PDF/ })));
  for (const value of [`NR/HUMAS/III/${Y}/07`, 'Ruang Rapat Gedung Utama Lt. 2', 'Dr. Rina Kapokja', 'Andi Notulis', 'Budi Santoso', 'Menyusun draf MoA magang', 'Kuota magang 20 mahasiswa']) {
    expect(flat).toContain(value);
  }
  const word = docxText(await downloadBy(panel.getByRole('button', { name: /Pratinjau DOCX/ }))).flat;
  for (const value of ['Evaluasi usulan magang semester genap', 'Jurusan Teknik Informatika']) expect(word).toContain(value);
  await page.screenshot({ path: path.join(ARTIFACTS, 'documents-minutes.png'), fullPage: true });
});

renderingTest('scripts/screenshots.js: the document pages and the first page of each PDF, as PNG', async () => {
  const login = await app.request().post('/admin/login').send({ email, password: TEST_PASSWORD });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { capture } = require('../../scripts/screenshots.js') as { capture: (input: Record<string, unknown>) => Promise<string[]> };
  const written = await capture({ browser, page, base: BASE, token: login.body.data.token, year: Y, out: path.join(ARTIFACTS, 'screenshots') });
  expect(written.map((file) => path.basename(file)).sort()).toEqual([
    'documents-evaluation.png', 'documents-program.png', 'documents-recap.png', 'documents-survey.png',
    'pdf-BO.28.1.2.png', 'pdf-BO.29.3.1.png', 'pdf-FO.28.1.1.png', 'pdf-FO.28.2.1.png', 'pdf-FO.28.2.2.png',
  ]);
  for (const file of written) expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}, 180_000);
