import path from 'path';
import type { Browser } from 'playwright-core';
import { testPort } from '../helpers/ports';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { launchChromium, ensureAdminBuild, createAdminUser, watchPage, loginToAdmin } from '../helpers/browser';

/**
 * The office's sheet goes in through the admin in Chromium: Staf Humas uploads
 * docs/sample-daftar-kerjasama.xlsx on Kerjasama → Impor data, checks the guessed mapping (and
 * leaves the city out), previews (no errors), imports, and reads the result; the agreements are
 * then in the database with their MoU → MoA → IA parents.
 */
const PORT = testPort(1447);
const BASE = `http://127.0.0.1:${PORT}`;
const SAMPLE = path.resolve(__dirname, '..', '..', 'docs', 'sample-daftar-kerjasama.xlsx');
const AGREEMENT = 'api::agreement.agreement';

let app: TestApp;
let browser: Browser;
let humasEmail: string;

beforeAll(async () => {
  ensureAdminBuild();
  app = await setupStrapi({ HOST: '127.0.0.1', PORT: String(PORT) }, { serveAdminPanel: true });
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(PORT, '127.0.0.1', resolve));
  humasEmail = await createAdminUser(app.strapi, 'Staf Humas', 'humas.import@e2e.test');
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await app?.destroy();
});

test('Staf Humas uploads the sample sheet, maps, previews and imports it, and sees the result', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await watchPage(page, BASE, 'e2e import');
  await loginToAdmin(page, BASE, humasEmail);
  await page.goto(`${BASE}/admin/plugins/kerjasama/import`);
  await page.getByRole('heading', { name: 'Impor data kerjasama' }).waitFor({ timeout: 60000 });

  await page.locator('[data-testid="import-file"]').setInputFiles(SAMPLE);
  await page.locator('[data-testid="import-uploaded"]').getByText('sample-daftar-kerjasama.xlsx: 10 baris, judul kolom di baris 4').waitFor({ timeout: 60000 });
  // The guessed mapping, shown per column (column 2 holds the partner's name).
  // Each column's field is a select named after the column, as a screen reader reads it.
  const fieldFor = (column: string) => page.getByRole('combobox', { name: `Isian untuk kolom ${column}` });
  await fieldFor('Nama Mitra').waitFor({ timeout: 60000 });
  expect(await fieldFor('Nama Mitra').innerText()).toContain('Nama mitra');
  expect(await fieldFor('Nomor Naskah (Polibatam)').innerText()).toContain('Nomor naskah (Polibatam)');
  expect(await fieldFor('Status').innerText()).toContain('(abaikan)');
  // The city is left out of this import.
  await fieldFor('Kota').click();
  await page.getByRole('option', { name: '(abaikan)' }).click();
  expect(await fieldFor('Kota').innerText()).toContain('(abaikan)');

  await page.locator('[data-testid="import-preview"]').click();
  const result = page.locator('[data-testid="import-result"]');
  await result.getByText('3. Pratinjau: belum ada yang disimpan').waitFor({ timeout: 120000 });
  expect(await page.locator('[data-testid="import-counts"]').innerText()).toContain('Naskah baru: 10, diperbarui: 0, tidak berubah: 0');
  expect(await page.locator('[data-testid="import-errors"]').count()).toBe(0);
  expect(await app.strapi.db.query(AGREEMENT).count({ where: { ourNumber: { $endsWith: '/PL29/HM.01/2024' } } })).toBe(0);

  await page.locator('[data-testid="import-run"]').click();
  await result.getByText('Impor selesai').waitFor({ timeout: 120000 });
  const counts = await page.locator('[data-testid="import-counts"]').innerText();
  expect(counts).toContain('Mitra baru: 6, sudah ada: 0');
  expect(counts).toContain('Naskah baru: 10, diperbarui: 0, tidak berubah: 0');

  const ia = await app.strapi.db.query(AGREEMENT).findOne({ where: { ourNumber: '022/PL29/HM.01/2024' }, populate: { parent: { populate: { parent: true } }, partner: true } });
  expect([ia.kind, ia.parent.ourNumber, ia.parent.parent.ourNumber]).toEqual(['ia', '014/PL29/HM.01/2024', '001/PL29/HM.01/2024']);
  expect(ia.partner).toMatchObject({ name: 'PT Maju Jaya Tbk', city: null });
  await page.close();
}, 240000);
