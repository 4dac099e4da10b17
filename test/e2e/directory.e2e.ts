/// <reference lib="dom" />
import fs from 'fs';
import path from 'path';
import { execFileSync } from 'child_process';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { createDocument, createListedPartner } from '../helpers/directory-fixtures';

/** The public page at / in Debian's Chromium: it loads, filters narrow the list, new partners appear. */
const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let app: TestApp;
let browser: Browser;
let page: Page;
let base: string;

const cardNames = () => page.locator('.card h3').allTextContents();
/** Waits until the cards show exactly these partners: the list re-renders asynchronously after each filter. */
const expectCards = async (names: string[]) => {
  await page
    .waitForFunction((expected) => JSON.stringify(Array.from(document.querySelectorAll('.card h3')).map((h) => h.textContent)) === JSON.stringify(expected), names, { timeout: 10000 })
    .catch(() => undefined);
  expect(await cardNames()).toEqual(names);
};

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'public', 'assets', 'world-map.json'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-public.js')], { cwd: ROOT });
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  app = await setupStrapi();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(app.strapi.server.httpServer.address() as AddressInfo).port}`;

  const unit = await createDocument(app.strapi, 'api::unit.unit', { code: 'E2E-MESIN', name: 'Jurusan Teknik Mesin', nameEn: 'Mechanical Engineering', kind: 'department' });
  await createListedPartner(app.strapi, { name: 'PT Galangan Kapal Batam', institutionType: 'industry', level: 'national', country: 'ID', website: 'https://galangan.example.id', publicDescription: 'Galangan kapal' }, { units: [unit.documentId] });
  await createListedPartner(app.strapi, { name: 'Osaka Institute of Technology', institutionType: 'university', level: 'international', country: 'JP', city: 'Osaka' });
  await createListedPartner(app.strapi, { name: 'Singapore Polytechnic', institutionType: 'university', level: 'international', country: 'SG' });

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // No outside request: everything the page needs comes from the system itself.
  await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
});

afterAll(async () => {
  await browser?.close();
  await app?.destroy();
});

test('the page loads with every listed partner, counts and the map', async () => {
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(base)) outside.push(request.url());
  });
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-ready="true"]');
  expect(await cardNames()).toEqual(['Osaka Institute of Technology', 'PT Galangan Kapal Batam', 'Singapore Polytechnic']);
  await expect(page.locator('#total').textContent()).resolves.toBe('3 mitra');
  // Countries with partners are highlighted; Singapore, too small for the 1:110m shapes, as a dot.
  await page.waitForSelector('#map svg path.has');
  expect(await page.locator('#map svg path.has').evaluateAll((paths) => paths.map((p) => p.getAttribute('data-country')).sort())).toEqual(['ID', 'JP', 'SG']);
  const singapore = await page.locator('#map svg path[data-country="SG"]').boundingBox();
  expect(singapore!.width).toBeGreaterThan(3);
  await page.click('#map svg path[data-country="SG"]');
  await expectCards(['Singapore Polytechnic']);
  await page.click('#map svg path[data-country="SG"]');
  await expectCards(['Osaka Institute of Technology', 'PT Galangan Kapal Batam', 'Singapore Polytechnic']);
  expect(await page.locator('.card a.website').getAttribute('href')).toBe('https://galangan.example.id');
  // Every form control has a label.
  for (const id of ['q', 'level', 'institutionType', 'country', 'cooperationType', 'unit']) {
    expect(await page.locator(`label[for="${id}"]`).count()).toBe(1);
  }
  expect(outside).toEqual([]);
  await page.screenshot({ path: path.join(ARTIFACTS, 'directory-desktop.png'), fullPage: true });
});

test('filters narrow the list, through the API, and survive a reload', async () => {
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.selectOption('#level', 'international');
  await expectCards(['Osaka Institute of Technology', 'Singapore Polytechnic']);

  await page.selectOption('#country', 'JP');
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
  expect(page.url()).toContain('country=JP');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  expect(await cardNames()).toEqual(['Osaka Institute of Technology']);

  await page.click('#reset');
  await page.fill('#q', 'galangan');
  await expectCards(['PT Galangan Kapal Batam']);

  await page.fill('#q', '');
  await page.selectOption('#unit', 'E2E-MESIN');
  await expectCards(['PT Galangan Kapal Batam']);
});

test('keyboard and language: the toggle switches to English, filters are reachable by Tab', async () => {
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.focus('#lang');
  await page.keyboard.press('Enter');
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  await expect(page.locator('label[for="level"]').textContent()).resolves.toBe('Level');
  await expect(page.locator('#total').textContent()).resolves.toBe('3 partners');
  await page.focus('#q');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('level');
  await page.focus('#lang');
  await page.keyboard.press('Enter');
});

test('a newly listed partner appears after reload; the page works on a phone', async () => {
  const phone = await browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true });
  await phone.goto(`${base}/`);
  await phone.waitForSelector('body[data-ready="true"]');
  expect(await phone.locator('.card').count()).toBe(3);
  await createListedPartner(app.strapi, { name: 'Politeknik Baru Terdaftar', institutionType: 'university', level: 'national', country: 'ID' });
  await phone.reload();
  await phone.waitForSelector('body[data-ready="true"]');
  expect(await phone.locator('.card h3').allTextContents()).toContain('Politeknik Baru Terdaftar');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await phone.screenshot({ path: path.join(ARTIFACTS, 'directory-phone.png'), fullPage: true });
  await phone.close();
});
