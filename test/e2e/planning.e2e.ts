import fs from 'fs';
import { testPort } from '../helpers/ports';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { TEST_PASSWORD } from '../helpers/auth';
import { asAdmin } from '../helpers/planning-fixtures';
import { axeViolations } from '../helpers/page-checks';
import { launchChromium, ensureAdminBuild, createAdminUser, watchPage, loginToAdmin, renderingTest } from '../helpers/browser';

/**
 * The planning pages in Debian's Chromium against a running instance (port 1351) serving the
 * built admin panel, on the demo data of a fresh installation: the Kapokja opens every page and
 * changes a mapping cell and a target that survive a reload, and adds a program item choosing a
 * partner and a unit, then edits it in place; the Director approves a submitted program; Staf
 * Humas sees no approve button. Screenshots go to test-artifacts/ (not committed).
 */
const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const PORT = testPort(1351);
const BASE = `http://127.0.0.1:${PORT}`;
const YEAR = new Date().getFullYear();
const NEXT = YEAR + 1;
/** A draft program (no items yet) that the Kapokja fills in the browser. */
const DRAFT = YEAR + 2;

let app: TestApp;
let browser: Browser;



const report = (who: string, what: string) => process.stderr.write(`[e2e ${who}] ${what}\n`);

/** On a failed step, prints what the page showed (its notifications say what went wrong), then fails. */
const orExplain = (page: Page) => async (error: unknown) => {
  report(page.url(), `page text at failure:\n${await page.innerText('body').catch(() => '(unreadable)')}`);
  throw error;
};

/** `bypassCSP` lets the accessibility test inject axe (an inline script, which the system's CSP rightly refuses). */
const login = async (email: string, language = 'id'): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
  await watchPage(page, BASE, `e2e ${email}`);
  return loginToAdmin(page, BASE, email, language);
};

/** The whole page, and the first screen of it (what docs/screenshots/ copies for the README). */
const shot = async (page: Page, name: string) => {
  await page.screenshot({ path: path.join(ARTIFACTS, `planning-${name}.png`), fullPage: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `planning-${name}-screen.png`) });
};

const planningPath = (route: string, year = YEAR) => `/admin/plugins/kerjasama${route ? `/${route}` : ''}?year=${year}`;

const openPlanning = async (page: Page, route: string, year = YEAR) => {
  await page.goto(`${BASE}${planningPath(route, year)}`);
  await page.waitForLoadState('networkidle');
};

/** Resolves once no request of the page has been in flight for `quietMs`. */
const networkQuiet = (page: Page, quietMs = 500) =>
  new Promise<void>((resolve) => {
    let inFlight = 0;
    let timer: NodeJS.Timeout | undefined;
    const settle = () => {
      clearTimeout(timer);
      if (inFlight === 0) {
        timer = setTimeout(() => {
          page.off('request', started).off('requestfinished', ended).off('requestfailed', ended);
          resolve();
        }, quietMs);
      }
    };
    const started = () => { inFlight += 1; clearTimeout(timer); };
    const ended = () => { inFlight = Math.max(0, inFlight - 1); settle(); };
    page.on('request', started).on('requestfinished', ended).on('requestfailed', ended);
    settle();
  });

/**
 * Goes to another plugin page inside the loaded admin, as its links do (the router follows the
 * history), instead of reloading Strapi's whole bundle for each page; waits for the new page's
 * heading and its requests.
 */
const navigateInAdmin = async (page: Page, route: string) => {
  const previous = await page.locator('main h1').first().textContent();
  const quiet = networkQuiet(page);
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, planningPath(route));
  await page.waitForFunction((before) => {
    const heading = document.querySelector('main h1');
    return Boolean(heading && heading.textContent !== before);
  }, previous, { timeout: 30_000 });
  await quiet;
};

let kapokjaEmail: string;
let direkturEmail: string;
let stafEmail: string;
let programId: string;
let draftProgramId: string;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  ensureAdminBuild();
  app = await setupStrapi({ SEED_DEMO: 'true', HOST: '127.0.0.1', PORT: String(PORT) }, { serveAdminPanel: true });
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(PORT, '127.0.0.1', resolve));
  kapokjaEmail = await createAdminUser(app.strapi, 'Kapokja Humas & Kerjasama', 'kapokja@e2e.test');
  direkturEmail = await createAdminUser(app.strapi, 'Direktur', 'direktur@e2e.test');
  stafEmail = await createAdminUser(app.strapi, 'Staf Humas', 'staf@e2e.test');

  // Next year's program, submitted by the Kapokja through the plugin's routes, waits for the Director.
  const login = await app.request().post('/admin/login').send({ email: kapokjaEmail, password: TEST_PASSWORD });
  const kapokja = asAdmin(app.request, login.body.data.token);
  const program = await kapokja.post('/kerjasama/program', { year: NEXT, title: `Program Kerjasama ${NEXT} (E2E)` });
  programId = program.body.data.documentId;
  expect((await kapokja.post(`/kerjasama/program/${programId}/items`, { title: 'Magang industri satu semester', quarter: 'Q1' })).status).toBe(201);
  expect((await kapokja.post(`/kerjasama/program/${programId}/transitions`, { to: 'submitted' })).status).toBe(200);
  draftProgramId = (await kapokja.post('/kerjasama/program', { year: DRAFT, title: `Program Kerjasama ${DRAFT} (E2E)` })).body.data.documentId;

  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await app?.destroy();
});

test('the Kapokja opens each page, changes a mapping cell and a target, and both survive a reload', async () => {
  const page = await login(kapokjaEmail);

  await openPlanning(page, '');
  await page.waitForSelector('[data-testid="dashboard-achievement"]');
  await page.waitForSelector('[data-testid="dashboard-pipeline"] .recharts-surface');
  await shot(page, 'dashboard');

  await openPlanning(page, 'mapping');
  const cell = page.locator('select[data-testid^="cell-"]').first();
  await cell.waitFor();
  const testId = (await cell.getAttribute('data-testid'))!;
  const before = await cell.inputValue();
  const next = before === 'high' ? 'low' : 'high';
  const saved = page.waitForResponse((response) => response.url().includes('/kerjasama/mapping/cells') && response.status() === 200);
  await cell.selectOption(next);
  await saved;
  await shot(page, 'mapping');
  await page.reload();
  await page.waitForLoadState('networkidle');
  expect(await page.locator(`select[data-testid="${testId}"]`).inputValue()).toBe(next);

  await openPlanning(page, 'targets');
  const input = page.locator('input[data-testid="target-value"]').first();
  await input.waitFor();
  const row = (await page.locator('tr[data-testid^="target-row-"]').first().getAttribute('data-testid'))!;
  const value = Number(await input.inputValue()) + 7;
  const updated = page.waitForResponse((response) => response.url().includes('/kerjasama/targets/') && response.request().method() === 'PUT' && response.status() === 200);
  await input.fill(String(value));
  await input.press('Enter');
  await updated;
  await shot(page, 'targets');
  await page.reload();
  await page.waitForLoadState('networkidle');
  expect(await page.locator(`tr[data-testid="${row}"] input[data-testid="target-value"]`).inputValue()).toBe(String(value));

  await openPlanning(page, 'program');
  await page.waitForSelector('[data-testid="program-coverage"]');
  await shot(page, 'program');
  // The Kapokja plans but does not approve; a submitted program's items are read-only.
  await openPlanning(page, 'program', NEXT);
  await page.waitForSelector('[data-testid="program-state"]');
  expect(await page.locator('[data-testid="move-approve"]').count()).toBe(0);
  await page.waitForSelector('[data-testid^="item-row-"]');
  expect(await page.locator('[data-testid="item-add"]').count()).toBe(0);
  expect(await page.locator('[data-testid="item-edit"]').count()).toBe(0);
  await page.close();
});

test('the Kapokja adds an item choosing a partner and a unit, edits its title in place, and both survive a reload', async () => {
  const partner = await app.strapi.db.query('api::partner.partner').findOne({ where: { publishedAt: null }, orderBy: { name: 'asc' } });
  const unit = await app.strapi.db.query('api::unit.unit').findOne({ where: { active: true, kind: 'study_program' }, orderBy: { code: 'asc' } });
  const page = await login(kapokjaEmail);
  await openPlanning(page, 'program', DRAFT);
  await page.locator('[data-testid="item-add"]').click().catch(orExplain(page));
  const form = page.locator('[data-testid="item-form"]');
  await form.waitFor();
  await form.getByLabel('Kegiatan').fill('Kuliah tamu industri');
  const partnerInput = form.getByRole('combobox', { name: 'Mitra' });
  // Typed, as a person does: the list opens and narrows to the names containing the words.
  await partnerInput.pressSequentially(partner.name.split(' ').slice(-2).join(' '));
  await page.getByRole('option').filter({ hasText: partner.name }).first().click();
  await form.getByRole('combobox', { name: 'Unit' }).click();
  await page.getByRole('option').filter({ hasText: `${unit.code} · ` }).first().click();
  await page.keyboard.press('Escape');
  await shot(page, 'program-item-form');
  const added = page.waitForResponse((response) => response.url().includes(`/kerjasama/program/${draftProgramId}/items`) && response.request().method() === 'POST');
  await page.click('[data-testid="item-save"]');
  const response = await added;
  expect(response.status()).toBe(201);
  const itemId = ((await response.json()) as { data: { documentId: string } }).data.documentId;
  const row = page.locator(`[data-testid="item-row-${itemId}"]`);
  await row.waitFor();
  expect(await row.textContent()).toContain(partner.name);
  expect(await row.textContent()).toContain(unit.code);

  // Edit in place: the same form, filled with the item.
  await row.locator('[data-testid="item-edit"]').click();
  await form.waitFor();
  expect(await form.getByLabel('Kegiatan').inputValue()).toBe('Kuliah tamu industri');
  await form.getByLabel('Kegiatan').fill('Kuliah tamu industri (dua sesi)');
  const saved = page.waitForResponse((r) => r.url().includes(`/kerjasama/program/items/${itemId}`) && r.request().method() === 'PUT');
  await page.click('[data-testid="item-save"]');
  expect((await saved).status()).toBe(200);
  await form.waitFor({ state: 'detached' });
  await page.reload();
  await page.waitForLoadState('networkidle');
  await row.waitFor();
  expect(await row.locator('[data-testid="item-title"]').textContent()).toBe('Kuliah tamu industri (dua sesi)');
  expect(await row.textContent()).toContain(partner.name);
  expect(await row.textContent()).toContain(unit.code);
  await shot(page, 'program-draft');
  const stored = await app.strapi.db.query('api::program-item.program-item').findOne({ where: { documentId: itemId }, populate: { partner: true, units: true } });
  expect([stored.title, stored.partner.documentId, stored.units.map((u: { documentId: string }) => u.documentId)]).toEqual(['Kuliah tamu industri (dua sesi)', partner.documentId, [unit.documentId]]);
  await page.close();
});

test('Staf Humas sees the submitted program but no approve button', async () => {
  const page = await login(stafEmail);
  await openPlanning(page, 'program', NEXT);
  await page.waitForSelector('[data-testid="program-state"]');
  expect(await page.locator('[data-testid="move-approve"]').count()).toBe(0);
  expect(await page.locator('[data-testid="move-return"]').count()).toBe(0);
  await shot(page, 'program-staf');
  await page.close();
});

test('the Director approves the submitted program and sees the approval record', async () => {
  const page = await login(direkturEmail);
  await openPlanning(page, 'program', NEXT);
  await page.waitForSelector('[data-testid="program-state"]', { timeout: 90_000 });
  const approve = page.locator('[data-testid="move-approve"]');
  // Seen once in CI, with both suites and two browsers on two cores, on PostgreSQL only: no approve
  // button within 30 s. A longer wait, and the page's text and workflow answer if it still fails.
  await approve.waitFor({ timeout: 90_000 }).catch(async (error: Error) => {
    const workflow = await app.request().get(`/kerjasama/program?year=${NEXT}`);
    throw new Error(`${error.message}\npage: ${(await page.textContent('main'))?.slice(0, 2000)}\nprogram (anonymous): ${workflow.status}`);
  });
  let sent = 0;
  page.on('request', (request) => { if (request.url().includes(`/kerjasama/program/${programId}/transitions`)) sent += 1; });
  await approve.click();
  // Approve cannot be undone by the Director: it asks first, and nothing is sent before "Lakukan".
  const confirmation = page.locator('[data-testid="move-confirmation"]');
  await confirmation.waitFor();
  expect(await confirmation.innerText()).toMatch(/Program berpindah dari Diajukan ke Disetujui\./);
  expect(sent).toBe(0);
  const done = page.waitForResponse((response) => response.url().includes(`/kerjasama/program/${programId}/transitions`) && response.status() === 200);
  await page.click('[data-testid="move-confirm"]');
  await done;
  await page.waitForSelector('[data-testid="approval-record"]');
  await shot(page, 'program-approved');
  const stored = await app.strapi.db.query('api::annual-program.annual-program').findOne({ where: { documentId: programId } });
  expect(stored.workflowState).toBe('approved');
  expect(stored.approvedBy).toContain('Direktur');
  // Approved = read-only: no item form, no edit buttons, no approve button any more.
  expect(await page.locator('[data-testid="move-approve"]').count()).toBe(0);
  expect(await page.locator('[data-testid="item-add"]').count()).toBe(0);
  expect(await page.locator('[data-testid="item-edit"]').count()).toBe(0);
  await page.close();
});

/** Every page of the plugin, as its menu and tabs link them. */
const PLUGIN_PAGES = ['', 'mapping', 'targets', 'program', 'evaluation', 'monitoring-recap', 'retention', 'surveys', 'participation', 'accreditation', 'import', 'duplicate-partners'];

renderingTest('every plugin page, in Indonesian and in English: no axe violation (WCAG 2.1 AA), nothing wider than the screen, and the mapping matrix is one tab stop whose focus comes back from its dialog', async () => {
  // The English page stays open for the matrix checks below: another login would be the Kapokja's
  // sixth in this file within Strapi's admin login limit (5 per 5 minutes per e-mail), answered 429.
  let page = await login(kapokjaEmail, 'id');
  for (const language of ['id', 'en']) {
    if (language !== 'id') {
      await page.close();
      page = await login(kapokjaEmail, language);
    }
    for (const [index, route] of PLUGIN_PAGES.entries()) {
      if (index === 0) await openPlanning(page, route);
      else await navigateInAdmin(page, route);
      await page.waitForSelector('main h1');
      // Loaded: the page's requests are answered (openPlanning waits for the network) and Strapi's loader is gone.
      await page.waitForFunction(() => !document.querySelector('main [aria-busy="true"]'), undefined, { timeout: 30_000 });
      // axe runs on the plugin's own content: Strapi's frame (its menu and header) is not ours to fix.
      expect({ language, route, violations: await axeViolations(page, 'main') }).toEqual({ language, route, violations: [] });
      // A table or chart clipped at 1280 px shows as content wider than its box that cannot scroll.
      const clipped = await page.evaluate(() =>
        Array.from(document.querySelectorAll('main table')).filter((table) => {
          const box = table.getBoundingClientRect();
          let parent = table.parentElement;
          while (parent && parent.tagName !== 'MAIN') {
            const style = getComputedStyle(parent);
            if (/(auto|scroll)/.test(style.overflowX)) return false;
            if (style.overflowX === 'hidden' && box.width > parent.getBoundingClientRect().width + 1) return true;
            parent = parent.parentElement;
          }
          return box.right > document.documentElement.clientWidth + 1;
        }).map((table) => table.getAttribute('data-testid') ?? table.outerHTML.slice(0, 80)),
      );
      expect({ route, clipped }).toEqual({ route, clipped: [] });
      report('a11y', `${language} /${route}: no violation, nothing clipped`);
    }
  }

  await openPlanning(page, 'mapping');
  await page.waitForSelector('[data-testid="mapping-matrix"] select');
  const tabStops = await page.locator('[data-testid="mapping-matrix"] [tabindex="0"], [data-testid="mapping-matrix"] select:not([tabindex="-1"])').count();
  expect(tabStops).toBe(1);
  const first = page.locator('[data-testid="mapping-matrix"] select[tabindex="0"]');
  await first.focus();
  const firstCell = await first.getAttribute('data-cell');
  await page.keyboard.press('ArrowRight');
  const moved = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cell);
  expect(moved).not.toBe(firstCell);
  // The cell's accessible name is the unit's and the cooperation type's names, not their codes.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/ × /);
  expect(await page.locator('[data-testid="mapping-matrix"] th[scope="row"]').count()).toBeGreaterThan(5);
  // Enter on a cell that has a value opens its rationale; closing gives the focus back to that cell.
  const withValue = page.locator('[data-testid="mapping-matrix"] select:has(option[value="high"]):not(:has(option[value=""]))').first();
  await withValue.focus();
  const valueCell = await withValue.getAttribute('data-cell');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[role="dialog"]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[role="dialog"]', { state: 'detached' });
  await page.waitForFunction((cell) => (document.activeElement as HTMLElement | null)?.dataset.cell === cell, valueCell);
  await page.close();
}, 900_000);
