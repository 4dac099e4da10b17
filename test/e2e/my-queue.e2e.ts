import { testPort } from '../helpers/ports';
import type { Browser } from 'playwright-core';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { launchChromium, ensureAdminBuild, createAdminUser, watchPage, loginToAdmin } from '../helpers/browser';
import { createInState, createWorkflowDeps } from '../helpers/workflow-fixtures';

/**
 * My queue in Chromium: the Kapokja logs in, finds a proposal to review and a proposal under
 * review at the top of the Kerjasama dashboard, opens a row and lands on the record's edit view.
 */
const PORT = testPort(1437);
const BASE = `http://127.0.0.1:${PORT}`;
const PROPOSAL = 'api::proposal.proposal';

let app: TestApp;
let browser: Browser;
let kapokjaEmail: string;
let toReview: string;
let underReview: string;

beforeAll(async () => {
  ensureAdminBuild();
  app = await setupStrapi({ HOST: '127.0.0.1', PORT: String(PORT) }, { serveAdminPanel: true });
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(PORT, '127.0.0.1', resolve));
  kapokjaEmail = await createAdminUser(app.strapi, 'Kapokja Humas & Kerjasama', 'kapokja.queue@e2e.test');
  const deps = await createWorkflowDeps(app.strapi);
  toReview = await createInState(app.strapi, PROPOSAL, 'submitted', deps);
  underReview = await createInState(app.strapi, PROPOSAL, 'under_review', deps);
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await app?.destroy();
});

test('the Kapokja sees their queue on the dashboard and opens a row onto the record', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await watchPage(page, BASE, 'e2e my-queue');
  await loginToAdmin(page, BASE, kapokjaEmail);
  await page.goto(`${BASE}/admin/plugins/kerjasama`);
  const queue = page.locator('[data-testid="my-queue"]');
  await queue.getByText('Tugas saya').waitFor();
  const rows = queue.locator('[data-testid="my-queue-row"]');
  await rows.first().waitFor();
  expect((await rows.evaluateAll((found) => found.map((row) => row.getAttribute('data-document-id')))).sort()).toEqual([toReview, underReview].sort());
  const row = queue.locator(`[data-testid="my-queue-row"][data-document-id="${underReview}"]`);
  expect(await row.innerText()).toContain('Sedang ditinjau');
  await row.getByRole('link').click();
  await page.waitForURL((url) => url.pathname.endsWith(`/content-manager/collection-types/${PROPOSAL}/${underReview}`), { timeout: 30000 });
  await page.locator('[data-testid="workflow-state"]').getByText('Sedang ditinjau').waitFor({ timeout: 30000 });
}, 180000);
