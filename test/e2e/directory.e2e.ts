/// <reference lib="dom" />
import fs from 'fs';
import path from 'path';
import type { AddressInfo } from 'net';
import type { Browser, Page } from 'playwright-core';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { createDocument, createListedPartner } from '../helpers/directory-fixtures';
import { axeViolations, firstVisit, layoutShift, watchLayoutShift } from '../helpers/page-checks';
import { ensurePublicBuild } from '../helpers/public-build';
import { fromDist } from '../helpers/dist';
import { launchChromium } from '../helpers/browser';

type FrontDoorModule = typeof import('../../src/api/directory/front-door');

/** The public page at / in Debian's Chromium: it loads, filters narrow the list, new partners appear. */
const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');

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
  ensurePublicBuild();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  app = await setupStrapi();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(app.strapi.server.httpServer.address() as AddressInfo).port}`;

  const unit = await createDocument(app.strapi, 'api::unit.unit', { code: 'E2E-MESIN', name: 'Jurusan Teknik Mesin', nameEn: 'Mechanical Engineering', kind: 'department' });
  await createListedPartner(app.strapi, { name: 'PT Galangan Kapal Batam', institutionType: 'industry', level: 'national', country: 'ID', website: 'https://galangan.example.id', publicDescription: 'Galangan kapal' }, { units: [unit.documentId] });
  await createListedPartner(app.strapi, { name: 'Osaka Institute of Technology', institutionType: 'university', level: 'international', country: 'JP', city: 'Osaka' });
  await createListedPartner(app.strapi, { name: 'Singapore Polytechnic', institutionType: 'university', level: 'international', country: 'SG' });

  browser = await launchChromium();
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

test('as a person first loads it: no layout shift, compressed and hashed assets under 60 KB, no axe violation in either language', async () => {
  // bypassCSP: axe is injected as an inline script, which the system's CSP rightly refuses.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const visitor = await context.newPage();
  await visitor.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  const assets: Array<{ url: string; encoding?: string; cache?: string }> = [];
  visitor.on('response', (response) => {
    const headers = response.headers();
    assets.push({ url: response.url().slice(base.length), encoding: headers['content-encoding'], cache: headers['cache-control'] });
  });
  const wire = await firstVisit(visitor);
  await watchLayoutShift(visitor);
  await visitor.goto(`${base}/`);
  await visitor.waitForSelector('body[data-ready="true"]');
  await visitor.waitForSelector('#map svg path.has');
  await visitor.waitForLoadState('networkidle');
  const shift = await layoutShift(visitor);
  console.info(`directory page, first visit at 1280x800: CLS ${shift.toFixed(4)}, ${(wire.bytes() / 1024).toFixed(1)} KB on the wire`);
  expect(shift).toBeLessThanOrEqual(0.1);
  expect(wire.bytes()).toBeLessThanOrEqual(60 * 1024);
  // Every static file by its content-hashed name, compressed, cached for a year; the page revalidated.
  const statics = assets.filter((asset) => asset.url.startsWith('/assets/'));
  expect(statics.map((asset) => asset.url.replace(/\.[0-9a-f]{10}\./, '.#.')).sort()).toEqual(['/assets/directory.#.css', '/assets/directory.#.js', '/assets/world-map.#.json']);
  // Chromium asks for br only over HTTPS; over this test's plain HTTP it takes gzip.
  for (const asset of statics) expect(asset).toEqual({ url: asset.url, encoding: 'gzip', cache: 'public, max-age=31536000, immutable' });
  expect(assets.find((asset) => asset.url === '/')).toEqual({ url: '/', encoding: 'gzip', cache: 'no-cache' });

  expect(await axeViolations(visitor)).toEqual([]);
  await visitor.click('#lang');
  await expect(visitor.locator('html').getAttribute('lang')).resolves.toBe('en');
  expect(await axeViolations(visitor)).toEqual([]);
  await visitor.click('#lang');
  await context.close();
});

test('the map from the keyboard: Enter chooses a country, keeps the focus on it and marks it pressed', async () => {
  await page.goto(`${base}/`);
  await page.waitForSelector('#map svg path.has');
  const japan = page.locator('#map svg path[data-country="JP"]');
  await expect(japan.getAttribute('aria-pressed')).resolves.toBe('false');
  // One name, with the count once (no <title> read after it).
  await expect(japan.getAttribute('aria-label')).resolves.toBe('Jepang: 1 mitra');
  expect(await japan.locator('title').count()).toBe(0);
  await japan.focus();
  await page.keyboard.press('Enter');
  await expectCards(['Osaka Institute of Technology']);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-country'))).toBe('JP');
  await expect(page.locator('#map svg path[data-country="JP"]').getAttribute('aria-pressed')).resolves.toBe('true');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.card').length > 1);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-country'))).toBe('JP');
  await expect(page.locator('#map svg path[data-country="JP"]').getAttribute('aria-pressed')).resolves.toBe('false');
});

test("the page's own requests (first load, two filters) are answered without the Koa stack", async () => {
  const visit = async () => {
    const visitor = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await visitor.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    const asked: string[] = [];
    visitor.on('request', (request) => {
      if (request.url().startsWith(`${base}/api/directory`)) asked.push(request.url().slice(base.length));
    });
    await visitor.goto(`${base}/`);
    await visitor.waitForSelector('body[data-ready="true"]');
    await visitor.selectOption('#level', 'national');
    await visitor.waitForFunction(() => document.querySelectorAll('.card').length >= 1 && location.search === '?level=national');
    await visitor.selectOption('#institutionType', 'industry');
    await visitor.waitForFunction(() => Array.from(document.querySelectorAll('.card h3')).map((h) => h.textContent).join() === 'PT Galangan Kapal Batam');
    await visitor.close();
    return asked;
  };
  const stats = () => fromDist<FrontDoorModule>('src/api/directory/front-door').frontDoorStats(app.strapi);
  // The first answer for each listing is Koa's; the front door learns its headers from it. On
  // PostgreSQL the change signal may (re)connect after a warm-up, and a connect drops what was
  // prepared (anything may have changed unheard): warm up until one visit is all front door.
  const koaLines = (spy: jest.SpyInstance) => spy.mock.calls.map(([line]) => String(line)).filter((line) => /^GET \/api\/directory\S* \(/.test(line));
  for (let warmUp = 0; warmUp < 4; warmUp += 1) {
    const warmSpy = jest.spyOn(app.strapi.log, 'http');
    await visit();
    const learnt = koaLines(warmSpy).length;
    warmSpy.mockRestore();
    if (warmUp > 0 && learnt === 0) break;
  }
  const spy = jest.spyOn(app.strapi.log, 'http');
  const before = stats();
  try {
    expect(await visit()).toEqual(['/api/directory?', '/api/directory?level=national', '/api/directory?level=national&institutionType=industry']);
    // Koa's logger writes one line per request it answers: none for the directory.
    expect(koaLines(spy)).toEqual([]);
    // The front door's own count: the three answers came from the prepared bytes, none went to Koa.
    expect(stats()).toEqual({ ...before, served: before.served + 3 });
  } finally {
    spy.mockRestore();
  }
});
