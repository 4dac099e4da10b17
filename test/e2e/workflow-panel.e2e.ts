import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { testPort } from '../helpers/ports';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { createInState, createWorkflowDeps } from '../helpers/workflow-fixtures';
import { writeContext } from '../helpers/dist';
import { launchChromium, ensureAdminBuild, createAdminUser, watchPage, loginToAdmin } from '../helpers/browser';

/**
 * The Workflow panel in the Content Manager (issue 14), in Debian's Chromium on port 1391: a
 * proposal under review whose analysis lacks its risk shows "Rekomendasikan" as waiting for the
 * analysis; the Kapokja writes the risk and saves, and Recommend appears without a page reload;
 * Recommend asks for confirmation, then the panel and the form show the new state in place.
 * The admin home shows the Kerjasama widget instead of Strapi's stock widgets.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const PORT = testPort(1391);
const BASE = `http://127.0.0.1:${PORT}`;
const PROPOSAL = 'api::proposal.proposal';

let app: TestApp;
let browser: Browser;
let kapokjaEmail: string;
let proposalId: string;



const login = async (email: string, language = 'id'): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await watchPage(page, BASE, 'e2e workflow-panel');
  return loginToAdmin(page, BASE, email, language);
};

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  ensureAdminBuild();
  app = await setupStrapi({ HOST: '127.0.0.1', PORT: String(PORT) }, { serveAdminPanel: true });
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(PORT, '127.0.0.1', resolve));
  kapokjaEmail = await createAdminUser(app.strapi, 'Kapokja Humas & Kerjasama', 'kapokja.panel@e2e.test');
  const deps = await createWorkflowDeps(app.strapi);
  proposalId = await createInState(app.strapi, PROPOSAL, 'under_review', deps);
  // The analysis without its risk: Recommend waits for it.
  const row = await app.strapi.db.query(PROPOSAL).findOne({ where: { documentId: proposalId }, populate: { analysis: true } });
  const analysis = { ...row.analysis };
  delete analysis.id;
  await writeContext().runAsSystem('test-fixture', () =>
    app.strapi.documents(PROPOSAL as never).update({ documentId: proposalId, data: { analysis: { ...analysis, risk: '' } } as never }));
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await app?.destroy();
});

test("the admin home shows the Kerjasama widget, not Strapi's stock widgets", async () => {
  const page = await login(kapokjaEmail);
  await page.goto(`${BASE}/admin`);
  await page.waitForSelector('[data-testid="kerjasama-home-widget"]', { timeout: 60000 });
  const text = await page.innerText('main');
  expect(text).toContain('Buka dasbor kerjasama');
  for (const stock of ['Project statistics', 'Last edited entries', 'Last published entries', 'Deploy', 'Statistik proyek']) expect(text).not.toContain(stock);
  await page.screenshot({ path: path.join(ARTIFACTS, 'home-widget.png'), fullPage: true });
  await page.close();
}, 120000);

test("with the admin in English the plugin's navigation and the home widget are English", async () => {
  const page = await login(kapokjaEmail, 'en');
  await page.goto(`${BASE}/admin`);
  const widget = page.locator('[data-testid="kerjasama-home-widget"]');
  await widget.waitFor({ timeout: 60000 });
  expect(await widget.innerText()).toMatch(/Open the cooperation dashboard/);
  await page.goto(`${BASE}/admin/plugins/kerjasama`);
  await page.getByRole('link', { name: 'Unit participation' }).waitFor({ timeout: 60000 });
  const text = await page.innerText('main');
  expect(text).toContain('Partner satisfaction surveys');
  for (const indonesian of ['Survei kepuasan mitra', 'Partisipasi unit', 'Pemetaan kebutuhan']) expect(text).not.toContain(indonesian);
  await page.goto(`${BASE}/admin/plugins/kerjasama/surveys`);
  await page.getByRole('heading', { name: 'Partner satisfaction survey' }).waitFor({ timeout: 60000 });
  await page.close();
}, 120000);

test('Recommend waits for the analysis, appears after saving it without a reload, and asks before it moves', async () => {
  const page = await login(kapokjaEmail);
  await page.goto(`${BASE}/admin/content-manager/collection-types/${PROPOSAL}/${proposalId}`);
  const blocked = page.locator('[data-testid="workflow-blocked"]');
  await blocked.waitFor({ timeout: 60000 });
  expect(await blocked.innerText()).toMatch(/Rekomendasikan[\s\S]*usulan harus dianalisis sebelum direkomendasikan[\s\S]*risiko/i);
  // A marker that a page reload would wipe out.
  await page.evaluate(() => { (window as unknown as { marker: string }).marker = 'same page'; });

  await page.fill('textarea[name="analysis.risk"]', 'Rendah: mitra sudah bekerja sama dua tahun');
  const saved = page.waitForResponse((response) => response.url().includes(`/content-manager/collection-types/${PROPOSAL}/${proposalId}`) && response.request().method() === 'PUT');
  await page.getByRole('button', { name: /^(Simpan|Save)$/ }).click();
  expect((await saved).status()).toBe(200);
  const recommend = page.getByRole('button', { name: /^Rekomendasikan/ }).and(page.locator(':not([disabled])'));
  await recommend.first().waitFor({ timeout: 30000 });
  expect(await blocked.count()).toBe(0);

  let transitions = 0;
  page.on('request', (request) => { if (request.url().includes('/transitions')) transitions += 1; });
  await recommend.first().click();
  // Asks first: nothing is sent before "Lakukan".
  await page.getByText(/Status berpindah dari .+ ke .+\./).waitFor();
  expect(transitions).toBe(0);
  const moved = page.waitForResponse((response) => response.url().includes('/transitions') && response.status() === 200);
  await page.getByRole('button', { name: /^(Lakukan|Confirm)$/ }).click();
  await moved;
  await page.locator('[data-testid="workflow-state"]', { hasText: /Direkomendasikan|Recommended/ }).waitFor({ timeout: 30000 });
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
  await page.screenshot({ path: path.join(ARTIFACTS, 'workflow-panel-recommended.png'), fullPage: true });
  const stored = await app.strapi.db.query(PROPOSAL).findOne({ where: { documentId: proposalId } });
  expect(stored.workflowState).toBe('recommended');
  await page.close();
}, 180000);
