#!/usr/bin/env node
/**
 * Screenshots of the document pages of the Kerjasama admin (evaluation report, annual program,
 * survey results, monitoring recap) and of the first page of each document's PDF (FO.28.2.1,
 * FO.28.1.1, FO.28.2.2, BO.28.1.2, and BO.29.3.1 when a meeting minute exists), for the README.
 * A PDF page is drawn by pdf.js in Chromium (the build pdf-parse ships, no other dependency).
 *
 * Against a running instance (npm run develop, with data), as an office user who may read documents:
 *   SCREENSHOT_EMAIL=kapokja@… SCREENSHOT_PASSWORD=… [BASE=http://127.0.0.1:1337] [YEAR=2026] \
 *   [OUT=docs/screenshots] [CHROMIUM_PATH=/usr/bin/chromium] node scripts/screenshots.js
 * test/e2e/documents.e2e.ts runs capture() on its own world (into test-artifacts/screenshots).
 */
const fs = require('fs');
const path = require('path');

const PDFJS = path.join(path.dirname(require.resolve('pdf-parse/package.json')), 'lib', 'pdf.js', 'v2.0.550', 'build');

/** Draws page 1 of a PDF on a canvas with pdf.js and saves a PNG of it. */
const pdfFirstPage = async (browser, pdf, file) => {
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  try {
    await page.setContent('<html><body style="margin:0;background:#888"><canvas id="page" style="display:block;margin:0 auto"></canvas></body></html>');
    await page.addScriptTag({ path: path.join(PDFJS, 'pdf.js') });
    await page.addScriptTag({ path: path.join(PDFJS, 'pdf.worker.js') });
    await page.evaluate(async (base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const lib = window.pdfjsLib || window['pdfjs-dist/build/pdf'];
      const doc = await lib.getDocument({ data }).promise;
      const first = await doc.getPage(1);
      const viewport = first.getViewport(1.5);
      const canvas = document.getElementById('page');
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      await first.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
    }, Buffer.from(pdf).toString('base64'));
    await page.locator('#page').screenshot({ path: file });
  } finally {
    await page.close();
  }
};

/**
 * With `page` logged in to the admin at `base` and `token` an admin JWT of the same user:
 * screenshots of the pages and of each PDF's first page into `out`; returns the files written.
 */
const capture = async ({ browser, page, base, token, year, out }) => {
  fs.mkdirSync(out, { recursive: true });
  const written = [];
  const api = async (url) => {
    const response = await fetch(`${base}${url}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    return response;
  };
  const json = async (url) => (await (await api(url)).json()).data;
  const shot = async (name, route, selector) => {
    await page.goto(`${base}/admin/plugins/kerjasama/${route}`);
    await page.waitForSelector(selector, { timeout: 60000 });
    await page.waitForLoadState('networkidle');
    const file = path.join(out, `documents-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    written.push(file);
  };
  const pdf = async (name, url) => {
    try {
      const file = path.join(out, `pdf-${name}.png`);
      await pdfFirstPage(browser, Buffer.from(await (await api(url)).arrayBuffer()), file);
      written.push(file);
    } catch (error) {
      process.stderr.write(`skipped ${name}: ${error.message}\n`);
    }
  };

  await shot('evaluation', `evaluation?year=${year}`, '[data-testid="evaluation-agreements"], [data-testid="evaluation-refusal"]');
  await pdf('FO.28.2.1', `/kerjasama/evaluation/${year}/download?format=pdf`);
  await shot('program', `program?year=${year}`, '[data-testid="program-document"], [data-testid="program-coverage"]');
  await pdf('FO.28.1.1', `/kerjasama/program/export?year=${year}&format=pdf`);
  await shot('survey', 'surveys', '[data-testid="survey-document"], h1');
  const surveys = await json('/kerjasama/surveys');
  if (surveys[0]) await pdf('FO.28.2.2', `/kerjasama/surveys/${surveys[0].documentId}/results/export?format=pdf`);
  await shot('recap', `monitoring-recap?year=${year}`, '[data-testid="recap-preview"], [data-testid="recap-refusal"]');
  const { units } = await json(`/kerjasama/mapping?year=${year}`);
  for (const unit of units) {
    const recap = await json(`/kerjasama/monitoring-recap?year=${year}&period=year&unit=${unit.documentId}`);
    if (!recap.rows.length) continue;
    await pdf('BO.28.1.2', `/kerjasama/monitoring-recap/export?year=${year}&period=year&unit=${unit.documentId}&format=pdf`);
    break;
  }
  const minutes = await (await api('/content-manager/collection-types/api::meeting-minute.meeting-minute?page=1&pageSize=1')).json();
  if (minutes.results?.[0]) await pdf('BO.29.3.1', `/kerjasama/minutes/${minutes.results[0].documentId}/preview?format=pdf`);
  return written;
};

module.exports = { capture, pdfFirstPage };

if (require.main === module) {
  (async () => {
    const { chromium } = require('playwright-core');
    const base = process.env.BASE || 'http://127.0.0.1:1337';
    const email = process.env.SCREENSHOT_EMAIL;
    const password = process.env.SCREENSHOT_PASSWORD;
    if (!email || !password) throw new Error('Set SCREENSHOT_EMAIL and SCREENSHOT_PASSWORD (an admin user of the running instance)');
    const login = await fetch(`${base}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (!login.ok) throw new Error(`login: ${login.status}`);
    const token = (await login.json()).data.token;
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.addInitScript(() => window.localStorage.setItem('strapi-admin-language', 'id'));
      await page.goto(`${base}/admin/auth/login`);
      await page.fill('input[name="email"]', email);
      await page.fill('input[name="password"]', password);
      await page.click('button[type="submit"]');
      await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60000 });
      const written = await capture({ browser, page, base, token, year: Number(process.env.YEAR) || new Date().getFullYear(), out: path.resolve(process.env.OUT || path.join(__dirname, '..', 'docs', 'screenshots')) });
      for (const file of written) console.log(path.relative(process.cwd(), file));
    } finally {
      await browser.close();
    }
  })().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
