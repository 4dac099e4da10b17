import fs from 'fs';
import { testPort } from '../helpers/ports';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { fromDist } from '../helpers/dist';
import { launchChromium } from '../helpers/browser';

/**
 * Issue 16, item 1, in Debian's Chromium: files under /uploads that would run script on the
 * origin (an HTML page and an SVG from before the allow-list, with inline scripts) are
 * downloaded, never rendered: their script does not run (the page title is unchanged and the
 * request the script makes is never sent).
 */
const PORT = testPort(1371);
const BASE = `http://127.0.0.1:${PORT}`;
const FILE = 'plugin::upload.file';
const SCRIPT = "document.title='RAN';fetch('/api/script-ran-marker')";

let app: TestApp;
let browser: Browser;
let page: Page;
const made: string[] = [];
const markers: string[] = [];

const legacyFile = async (ext: string, content: string, mime: string) => {
  const hash = `e2e_legacy_${Math.random().toString(36).slice(2, 10)}`;
  const dir = path.join(app.strapi.dirs.static.public, 'uploads');
  fs.writeFileSync(path.join(dir, `${hash}${ext}`), content);
  made.push(path.join(dir, `${hash}${ext}`));
  await app.strapi.db.query(FILE).create({ data: { name: `annex${ext}`, hash, ext, mime, size: 1, url: `/uploads/${hash}${ext}`, provider: 'local' } });
  return fromDist<{ uploadUrlSigner: () => { sign: (p: string) => string } }>('src/uploads').uploadUrlSigner().sign(`/uploads/${hash}${ext}`);
};

beforeAll(async () => {
  app = await setupStrapi({ HOST: '127.0.0.1', PORT: String(PORT), PUBLIC_URL: BASE });
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(PORT, '127.0.0.1', resolve));
  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true });
  await page.route('**/*', (route) => (route.request().url().startsWith(BASE) ? route.continue() : route.abort()));
  page.on('request', (request) => {
    if (request.url().includes('script-ran-marker')) markers.push(request.url());
  });
});

afterAll(async () => {
  await browser?.close();
  for (const file of made) fs.rmSync(file, { force: true });
  await app?.destroy();
});

test.each([
  ['an HTML page', '.html', `<!doctype html><html><head><title>annex</title></head><body><script>${SCRIPT}</script></body></html>`, 'text/html'],
  ['an SVG image', '.svg', `<svg xmlns="http://www.w3.org/2000/svg" onload="${SCRIPT}"><script>${SCRIPT}</script></svg>`, 'image/svg+xml'],
])('%s with an inline script, opened on the origin, is downloaded and its script does not run', async (_, ext, content, mime) => {
  const url = await legacyFile(ext, content, mime);
  await page.goto(`${BASE}/`);
  const title = await page.title();
  const download = page.waitForEvent('download', { timeout: 10_000 });
  await page.evaluate((target) => {
    window.location.href = target;
  }, url);
  expect((await download).suggestedFilename()).toBe(`annex${ext}`);
  await page.waitForTimeout(500);
  expect(page.url()).toBe(`${BASE}/`);
  expect(await page.title()).toBe(title);
  expect(markers).toEqual([]);
});
