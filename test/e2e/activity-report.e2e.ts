import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { testPort } from '../helpers/ports';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { axeViolations } from '../helpers/page-checks';
import { ensurePublicBuild } from '../helpers/public-build';
import { createDocument } from '../helpers/directory-fixtures';
import { createPartner, createUnit, createUnitUser } from '../helpers/participation';
import { createActiveAgreement } from '../helpers/workflow-fixtures';
import { TEST_PASSWORD } from '../helpers/auth';
import { createAdminUser, ensureAdminBuild, launchChromium, loginToAdmin, watchPage } from '../helpers/browser';

/**
 * Issue 12 in Debian's Chromium on port 1473: a unit user reports an activity of its agreement
 * with a photo in the unit portal (/usulan/) and submits it; Humas verifies it in the Content
 * Manager's edit view (the Workflow panel); the portal then shows the report as verified.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const PORT = testPort(1473);
const BASE = `http://127.0.0.1:${PORT}`;
const REPORT = 'api::activity-report.activity-report';
type Row = Record<string, unknown> & { id: number; documentId: string };

let app: TestApp;
let browser: Browser;
let unitEmail: string;
let unit: Row;
let stafEmail: string;
let agreement: Row;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sharp = require('sharp');

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  ensurePublicBuild();
  ensureAdminBuild();
  app = await setupStrapi({ PUBLIC_URL: BASE, HOST: '127.0.0.1', PORT: String(PORT) }, { serveAdminPanel: true });
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(PORT, '127.0.0.1', resolve));
  const { strapi } = app;
  unit = await createUnit(strapi, 'study_program', await createUnit(strapi, 'department'));
  unitEmail = (await createUnitUser(strapi, app.request, unit, 'prodi.trpl@polibatam.test')).email;
  const partner = await createPartner(strapi, { name: 'PT Galangan Batam' });
  agreement = (await createActiveAgreement(strapi, partner.documentId, { title: 'MoA magang galangan', units: [unit.id] })) as unknown as Row;
  const program = await createDocument(strapi, 'api::annual-program.annual-program', { year: 2026, title: 'Program 2026' });
  await createDocument(strapi, 'api::program-item.program-item', { title: 'Kuliah tamu industri', program: program.documentId, units: [unit.id], partner: partner.documentId });
  stafEmail = await createAdminUser(strapi, 'Staf Humas', 'staf.laporan@e2e.test');
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await app?.destroy();
});

const portalLogin = async (): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1000 }, bypassCSP: true });
  await watchPage(page, BASE, 'e2e activity-report portal');
  await page.goto(`${BASE}/usulan/`);
  await page.fill('#identifier', unitEmail);
  await page.fill('#password', TEST_PASSWORD);
  await page.click('#login');
  await page.waitForSelector('#nav-reports');
  return page;
};

test('a unit reports an activity with a photo and submits it; Humas verifies it; the study program\'s LKPS Table 1 preview shows the row; the portal shows it verified', async () => {
  const photo = path.join(ARTIFACTS, 'kegiatan-foto.png');
  fs.writeFileSync(photo, await sharp({ create: { width: 32, height: 24, channels: 3, background: '#2a7' } }).png().toBuffer());

  // The unit: its agreement in force, a report on it with a photo, then submit.
  const page = await portalLogin();
  await page.click('#nav-reports');
  await page.waitForSelector('#agreements');
  expect(await page.textContent('#agreements')).toContain('MoA magang galangan');
  expect(await page.textContent('#program-items')).toContain('Kuliah tamu industri');
  expect(await page.getAttribute('#nav-reports', 'aria-current')).toBe('page');
  expect(await axeViolations(page)).toEqual([]);
  await page.click(`#report-agreement-${agreement.documentId}`);
  await page.waitForSelector('#report-form');
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  expect(await page.inputValue('#link')).toBe(`agreement:${agreement.documentId}`);
  await page.fill('#title', 'Kunjungan industri ke galangan');
  await page.selectOption('#tridharma', 'education');
  await page.fill('#startDate', '2026-10-05');
  await page.fill('#endDate', '2026-10-06');
  await page.fill('#studentParticipants', '35');
  await page.fill('#lecturerParticipants', '2');
  await page.fill('#benefit', 'Mahasiswa melihat proses produksi kapal.');
  await page.fill('#studentsWithCredits', '5');
  await page.fill('#creditsRecognised', '10');
  await page.fill('#certificatesIssued', '35');
  await page.fill('#followUp', 'Magang satu semester.');
  await page.selectOption('#evidence-kind-1', 'photo');
  await page.setInputFiles('#evidence-file-1', photo);
  await page.fill('#evidence-note-1', 'Foto bersama di dok');
  expect(await axeViolations(page)).toEqual([]);
  await page.click('#save-report');
  await page.waitForSelector('#move-submit');
  expect(await page.textContent('#evidence')).toContain('kegiatan-foto.png');
  await page.click('#move-submit');
  await page.waitForSelector('.state.submitted');
  expect(await page.textContent('#history')).toContain('Draf (Draft) → Diajukan (Submitted)');
  expect(await page.locator('#move-verify').count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  const stored = (await app.strapi.db.query(REPORT).findOne({
    where: { title: 'Kunjungan industri ke galangan' },
    populate: { agreement: true, partner: true, evidence: { populate: { file: true } } },
  })) as Row;
  expect(stored).toMatchObject({ workflowState: 'submitted', studentParticipants: 35, creditsRecognised: 10, certificatesIssued: 35, endDate: '2026-10-06' });
  expect((stored.agreement as Row).id).toBe(agreement.id);
  expect((stored.partner as Row).name).toBe('PT Galangan Batam');
  expect((stored.evidence as Row[]).map((e) => [e.kind, (e.file as Row).mime])).toEqual([['photo', 'image/png']]);

  // Humas: the Workflow panel of the Content Manager's edit view.
  const admin = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await watchPage(admin, BASE, 'e2e activity-report admin');
  await loginToAdmin(admin, BASE, stafEmail);
  await admin.goto(`${BASE}/admin/content-manager/collection-types/${REPORT}/${stored.documentId}`);
  await admin.locator('[data-testid="workflow-state"]', { hasText: /Diajukan|Submitted/ }).waitFor({ timeout: 60000 });
  const verify = admin.getByRole('button', { name: /^Verifikasi/ }).and(admin.locator(':not([disabled])'));
  await verify.first().click();
  const moved = admin.waitForResponse((response) => response.url().includes('/transitions') && response.status() === 200);
  await admin.getByRole('button', { name: /^(Lakukan|Confirm)$/ }).click();
  await moved;
  await admin.locator('[data-testid="workflow-state"]', { hasText: /Terverifikasi|Verified/ }).waitFor({ timeout: 30000 });
  await admin.screenshot({ path: path.join(ARTIFACTS, 'activity-report-verified-admin.png'), fullPage: true });
  const verified = (await app.strapi.db.query(REPORT).findOne({ where: { documentId: stored.documentId } })) as Row;
  expect(verified.workflowState).toBe('verified');
  expect(verified.verifiedAt).toBeTruthy();

  // The study program's LKPS Table 1 preview: the verified report is a row of table 1-1 (education),
  // with its partner, title and benefit, and links to the report and the agreement as evidence.
  await admin.goto(`${BASE}/admin/plugins/kerjasama/accreditation?year=2026`);
  // The seeded study programs come first in the list: pick the unit's own.
  await admin.getByRole('combobox', { name: /Program studi|Study program/ }).click();
  await admin.getByRole('option', { name: new RegExp(`^${unit.code as string} · `) }).click();
  const education = admin.locator('[data-testid="lkps-table-1-1"]');
  await education.locator('tbody tr', { hasText: 'Kunjungan industri ke galangan' }).waitFor({ timeout: 60000 });
  const row = await education.locator('tbody tr', { hasText: 'Kunjungan industri ke galangan' }).innerText();
  for (const value of ['PT Galangan Batam', 'Mahasiswa melihat proses produksi kapal.']) expect(row).toContain(value);
  const evidence = await education.locator('tbody tr', { hasText: 'Kunjungan industri ke galangan' }).locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(evidence.some((href) => href?.includes(stored.documentId as string))).toBe(true);
  expect(evidence.some((href) => href?.includes(agreement.documentId as string))).toBe(true);
  expect(await admin.locator('[data-testid="lkps-table-1-2"] tbody tr', { hasText: 'Kunjungan industri ke galangan' }).count()).toBe(0);
  await admin.screenshot({ path: path.join(ARTIFACTS, 'accreditation-lkps-preview.png'), fullPage: true });
  await admin.close();

  // Back in the portal: verified, no more moves or edits.
  await page.click('#nav-reports');
  await page.waitForSelector(`#reports tr[data-document-id="${stored.documentId}"] .state.verified`);
  expect(await page.textContent(`#reports tr[data-document-id="${stored.documentId}"]`)).toContain('Terverifikasi (Verified)');
  await page.click(`#reports tr[data-document-id="${stored.documentId}"] button`);
  await page.waitForSelector('#report-title');
  expect(await page.textContent('.state')).toBe('Terverifikasi (Verified)');
  expect(await page.locator('#edit-report, #move-submit, #move-resubmit').count()).toBe(0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'activity-report-portal-verified.png'), fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  await page.close();
}, 240000);
