import fs from 'fs';
import { testPort } from '../helpers/ports';
import os from 'os';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { axeViolations } from '../helpers/page-checks';
import { ensurePublicBuild } from '../helpers/public-build';
import { createMinute, issueModule, KAPOKJA, sha256, tinyPdf } from '../helpers/issued';
import { launchChromium } from '../helpers/browser';

/**
 * Issue 11 item 6 in Debian's Chromium (port 1381): someone holding a copy of an issued document
 * opens /verifikasi/<number>, drops the file, and the page (Web Crypto SHA-256 in the browser)
 * says whether it is byte-identical to the issued one; an unknown number is a clear "not found".
 */
const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const PORT = testPort(1381);
const BASE = `http://127.0.0.1:${PORT}`;
const PUBLIC_KEYS = ['documentNumber', 'formCode', 'issuedAt', 'issuedByName', 'issuedByRole', 'sha256', 'title', 'year'];

let app: TestApp;
let browser: Browser;
let page: Page;
let genuine: Buffer;
let documentNumber: string;
let minuteDocumentId: string;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'verifikasi-'));

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // The page's script is bundled from public-src/verifikasi.ts by npm run build:public.
  ensurePublicBuild();
  app = await setupStrapi({ PUBLIC_URL: BASE, HOST: '127.0.0.1', PORT: String(PORT) });
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(PORT, '127.0.0.1', resolve));
  minuteDocumentId = (await createMinute(app.strapi)).documentId;
  const issued = await issueModule().issueDocument(app.strapi, {
    formCode: 'BO.29.3.1',
    record: { uid: 'api::meeting-minute.meeting-minute', documentId: minuteDocumentId },
    year: 2026,
    title: 'Notulen Rapat: Rapat koordinasi kerjasama',
    actor: KAPOKJA,
    render: async (number: string, verifyUrl: string) => {
      genuine = tinyPdf(number, verifyUrl);
      return { bytes: genuine, filename: 'notulen.pdf', mime: 'application/pdf' };
    },
  });
  documentNumber = issued.documentNumber;
  expect(sha256(genuine)).toBe(issued.sha256);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1000, height: 900 }, bypassCSP: true });
  await page.route('**/*', (route) => (route.request().url().startsWith(BASE) ? route.continue() : route.abort()));
});

afterAll(async () => {
  await browser?.close();
  await app?.destroy();
  fs.rmSync(folder, { recursive: true, force: true });
});

const open = async (number: string) => {
  const answer = page.waitForResponse((response) => response.url().includes('/api/verifikasi/'));
  await page.goto(`${BASE}/verifikasi/${number}`);
  return answer;
};
const file = (name: string, bytes: Buffer) => {
  const at = path.join(folder, name);
  fs.writeFileSync(at, bytes);
  return at;
};

test('the page says what the document is, and nothing private reaches the browser', async () => {
  const answer = await open(documentNumber);
  expect(answer.status()).toBe(200);
  const body = await answer.json();
  expect(Object.keys(body.data).sort()).toEqual(PUBLIC_KEYS);
  await page.waitForSelector('#document');
  const shown = await page.textContent('#document');
  for (const value of [documentNumber, 'Notulen Rapat: Rapat koordinasi kerjasama', 'BO.29.3.1', '2026', 'Dr. Kapokja Uji', 'Kapokja Humas & Kerjasama', sha256(genuine)]) expect(shown).toContain(value);
  const html = await page.content();
  for (const secret of [minuteDocumentId, 'admin:7', '/uploads/', 'notulen.pdf']) expect(html).not.toContain(secret);
  expect(await axeViolations(page)).toEqual([]);
});

test('a genuine file verifies; the same file with one byte changed does not', async () => {
  await open(documentNumber);
  await page.waitForSelector('#file');
  await page.setInputFiles('#file', file('asli.pdf', genuine));
  await page.waitForSelector('#result[data-result="match"]');
  expect(await page.textContent('#result')).toContain('Cocok');
  await page.screenshot({ path: path.join(ARTIFACTS, 'verifikasi-cocok.png'), fullPage: true });

  const altered = Buffer.from(genuine);
  altered[20] ^= 0x01;
  await page.setInputFiles('#file', file('ubah.pdf', altered));
  await page.waitForSelector('#result[data-result="mismatch"]');
  expect(await page.textContent('#result')).toContain('Tidak cocok');
  expect(await page.textContent('#result')).toContain(sha256(altered));
  await page.screenshot({ path: path.join(ARTIFACTS, 'verifikasi-tidak-cocok.png'), fullPage: true });
});

test('a file dropped onto the page is checked the same way, in English too', async () => {
  await open(documentNumber);
  await page.click('#lang-en');
  await page.waitForSelector('#drop');
  const transfer = await page.evaluateHandle((bytes: number[]) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'dropped.pdf', { type: 'application/pdf' }));
    return data;
  }, [...genuine]);
  await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
  await page.waitForSelector('#result[data-result="match"]');
  expect(await page.textContent('#result')).toContain('Match: this file is byte-for-byte identical');
  expect(await axeViolations(page)).toEqual([]);
});

test('an unknown number is a clear "not found" (the API answers 404)', async () => {
  const answer = await open('KS/BO.29.3.1/2026/0999');
  expect(answer.status()).toBe(404);
  await page.waitForSelector('#message[data-status="404"]');
  const text = await page.textContent('#message');
  expect(text).toContain('Dokumen tidak ditemukan');
  expect(text).toContain('tidak pernah diterbitkan');
  expect(await page.$('#file')).toBeNull();
  await page.screenshot({ path: path.join(ARTIFACTS, 'verifikasi-tidak-ditemukan.png'), fullPage: true });
});
