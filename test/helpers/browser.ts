import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TEST_PASSWORD } from './auth';
import { distDir } from './dist';

/**
 * What every browser test shares: Chromium launched as this machine allows (never downloaded),
 * the admin build beside the test's compiled server, an admin account per role, and a logged-in
 * admin page that reaches only the system's own origin and prints what went wrong inside it
 * (CI keeps no screenshots).
 */
const ROOT = path.resolve(__dirname, '..', '..');

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });

/** The admin build (npm run build) lives in dist/build; the test's compiled copy needs it too. */
export const ensureAdminBuild = () => {
  const target = path.join(distDir(), 'build');
  if (fs.existsSync(path.join(target, 'index.html'))) return;
  const built = path.join(ROOT, 'dist', 'build');
  if (!fs.existsSync(path.join(built, 'index.html'))) throw new Error('No admin build: run `npm run build` first');
  fs.cpSync(built, target, { recursive: true });
};

/** An active admin account with one role (by its display name), password TEST_PASSWORD. */
export const createAdminUser = async (strapi: Core.Strapi, role: string, email: string, firstname = role.split(' ')[0]) => {
  const found = await strapi.service('admin::role').findOne({ name: role });
  await strapi.service('admin::user').create({ email, firstname, lastname: 'E2E', password: TEST_PASSWORD, isActive: true, registrationToken: null, roles: [found.id] });
  return email;
};

/** Requests to any other origin are aborted; page errors and 4xx/5xx answers are printed under `tag`. */
export const watchPage = async (page: Page, base: string, tag: string) => {
  await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  page.on('pageerror', (error) => process.stderr.write(`[${tag}] page error: ${error.message}\n`));
  page.on('response', (response) => {
    if (response.status() >= 400) process.stderr.write(`[${tag}] ${response.status()} ${response.request().method()} ${response.url()}\n`);
  });
};

/** Logs `page` into the admin panel, in `language` (the admin keeps the choice in localStorage; Indonesian is the product's default). */
export const loginToAdmin = async (page: Page, base: string, email: string, language = 'id') => {
  await page.addInitScript((chosen) => window.localStorage.setItem('strapi-admin-language', chosen), language);
  await page.goto(`${base}/admin/auth/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60000 });
  return page;
};

/**
 * A browser check of how the pages render (axe over every page, screenshots): the markup does not
 * depend on the database, and these are the heaviest browser tests, so they run in the SQLite suite
 * only (CI runs it beside the PostgreSQL one); the flows that write run in both.
 */
export const renderingTest: jest.It = process.env.DATABASE_CLIENT === 'postgres' ? test.skip : test;
