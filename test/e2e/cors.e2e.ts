/// <reference lib="dom" />
import http from 'http';
import type { AddressInfo } from 'net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { TEST_PASSWORD } from '../helpers/auth';
import { createListedPartner } from '../helpers/directory-fixtures';
import { launchChromium } from '../helpers/browser';

/**
 * Issue 16, item 2 in Chromium: a page on another origin (another port of the same host, so the
 * admin's SameSite=Lax refresh cookie is sent along) tries to take an admin token with a
 * credentialed fetch, and to read the public directory.
 */
const ADMIN_EMAIL = 'korban@polibatam.test';

let app: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let other: http.Server;
let otherBase: string;

beforeAll(async () => {
  app = await setupStrapi();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(app.strapi.server.httpServer.address() as AddressInfo).port}`;
  await createListedPartner(app.strapi, { name: 'PT Mitra Lintas Asal' });
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  await app.strapi.service('admin::user').create({
    email: ADMIN_EMAIL, firstname: 'Admin', lastname: 'Korban', password: TEST_PASSWORD, isActive: true, registrationToken: null, roles: [superAdmin.id],
  });

  // The other website: one small page, on a port of its own.
  other = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Situs lain</title><p>situs lain</p>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;

  browser = await launchChromium();
  context = await browser.newContext();
  page = await context.newPage();
  await page.route('**/*', (route) => (route.request().url().startsWith(base) || route.request().url().startsWith(otherBase) ? route.continue() : route.abort()));
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => other?.close(resolve));
  await app?.destroy();
});

test('another origin cannot use the admin session; it can read the public directory', async () => {
  // The admin logs in: the browser now holds the refresh cookie for the system.
  const loggedIn = await context.request.post(`${base}/admin/login`, { data: { email: ADMIN_EMAIL, password: TEST_PASSWORD } });
  expect(loggedIn.status()).toBe(200);
  expect((await context.cookies(`${base}/admin/access-token`)).some((cookie) => cookie.name === 'strapi_admin_refresh')).toBe(true);
  // Same-origin, the cookie does give a token (so what is refused below is refused by CORS alone).
  const sameOrigin = await context.request.post(`${base}/admin/access-token`);
  expect(sameOrigin.status()).toBe(200);

  await page.goto(`${otherBase}/`);
  const outcome = await page.evaluate(async (system) => {
    const attempt = async (url: string, init: RequestInit) => {
      try {
        const response = await fetch(url, init);
        return { ok: true, status: response.status, text: await response.text() };
      } catch (error) {
        return { ok: false, error: String(error) };
      }
    };
    return {
      token: await attempt(`${system}/admin/access-token`, { method: 'POST', credentials: 'include' }),
      tokenJson: await attempt(`${system}/admin/access-token`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
      me: await attempt(`${system}/admin/users/me`, { credentials: 'include' }),
      directory: await attempt(`${system}/api/directory`, {}),
      directoryWithCookies: await attempt(`${system}/api/directory`, { credentials: 'include' }),
    };
  }, base);

  expect(outcome.token).toEqual({ ok: false, error: expect.stringMatching(/Failed to fetch/) });
  expect(outcome.tokenJson).toEqual({ ok: false, error: expect.stringMatching(/Failed to fetch/) });
  expect(outcome.me).toEqual({ ok: false, error: expect.stringMatching(/Failed to fetch/) });
  expect(outcome.directory.ok).toBe(true);
  expect(outcome.directory.status).toBe(200);
  expect(JSON.parse(outcome.directory.text as string).data.map((partner: { name: string }) => partner.name)).toContain('PT Mitra Lintas Asal');
  // Readable without credentials only: a credentialed read is not shared with the other site.
  expect(outcome.directoryWithCookies.ok).toBe(false);
});
