import fs from 'fs';
import { testPort } from '../helpers/ports';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken } from '../helpers/auth';
import { axeViolations } from '../helpers/page-checks';
import { ensurePublicBuild } from '../helpers/public-build';
import { bodyOf, clearSmtpEnv, createCall, createPartner, createUnit, shiftDays, startSmtpServer, today } from '../helpers/participation';
import { launchChromium } from '../helpers/browser';

/**
 * A unit and a partner do their part in Debian's Chromium against a running instance (port 1361):
 * the unit's new account is set up from its e-mail, a proposal is written with an attachment and
 * submitted through /usulan/; a partner answers the survey from its e-mailed /survei/<token> link.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const PORT = testPort(1361);
const BASE = `http://127.0.0.1:${PORT}`;
type Row = Record<string, unknown> & { id: number; documentId: string };

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let browser: Browser;
let page: Page;
let humasJwt: string;

const linkIn = (to: string, pattern: RegExp) => {
  const mail = smtp.received.find((message) => message.to.includes(to));
  if (!mail) throw new Error(`no e-mail to ${to}`);
  const match = pattern.exec(bodyOf(mail.raw));
  if (!match) throw new Error(`no link in the e-mail to ${to}`);
  return match[0];
};

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  ensurePublicBuild();
  smtp = await startSmtpServer();
  app = await setupStrapi({ ...smtp.env, PUBLIC_URL: BASE, HOST: '127.0.0.1', PORT: String(PORT) });
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(PORT, '127.0.0.1', resolve));
  humasJwt = await adminToken(app.strapi, app.request, ['Staf Humas']);
  browser = await launchChromium();
  // bypassCSP: axe (WCAG 2.1 AA) is injected as an inline script, which the system's CSP refuses.
  page = await browser.newPage({ viewport: { width: 1200, height: 1000 }, bypassCSP: true });
  await page.route('**/*', (route) => (route.request().url().startsWith(BASE) ? route.continue() : route.abort()));
  page.on('dialog', (dialog) => dialog.accept('Mitra belum siap'));
});

afterAll(async () => {
  await browser?.close();
  await app?.destroy();
  await smtp?.close();
  clearSmtpEnv();
});

test('a unit user sets its password from the e-mail, writes a proposal with an attachment and submits it', async () => {
  const { strapi } = app;
  const unit = await createUnit(strapi, 'department');
  const call = await createCall(strapi, shiftDays(today(), 14));
  const partner = await createPartner(strapi, { name: 'PT Galangan Batam' });
  await strapi.documents('api::cooperation-type.cooperation-type').create({ data: { code: 'E2E-MAGANG', name: 'Magang industri (uji)', tridharma: 'education' } as never });
  const account = await app.request().post('/kerjasama/unit-accounts').set('Authorization', `Bearer ${humasJwt}`).send({ email: 'kajur@polibatam.test', unit: unit.documentId });
  expect(account.status).toBe(201);

  await page.goto(linkIn('kajur@polibatam.test', new RegExp(`${BASE}/usulan/\\?code=[0-9a-f]+`)));
  expect(await axeViolations(page)).toEqual([]);
  await page.fill('#new-password', 'Sandi-Unit-2026');
  await page.fill('#confirm-password', 'Sandi-Unit-2026');
  await page.click('button[type=submit]');
  await page.waitForSelector('#new-proposal:not([disabled])');
  expect(await axeViolations(page)).toEqual([]);
  // The English halves are marked as English for screen readers.
  expect(await page.locator('h1 span[lang="en"]').textContent()).toBe("Your unit's proposals");
  await page.click('#new-proposal');
  await page.waitForSelector('#title');
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  expect(await axeViolations(page)).toEqual([]);
  await page.fill('#title', 'Magang industri di galangan kapal');
  await page.selectOption('#partner', partner.documentId);
  await page.check('#cooperationTypes label:has-text("E2E-MAGANG") input');
  await page.fill('#objectives', 'Mahasiswa magang satu semester di galangan kapal.');
  await page.fill('#expectedBenefit', 'Pengakuan 20 SKS.');
  await page.setInputFiles('#files', { name: 'proposal.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Rencana magang\n%%EOF\n') });
  await page.click('#save');
  await page.waitForSelector('#move-submit');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(ARTIFACTS, 'usulan-draft.png'), fullPage: true });
  await page.click('#move-submit');
  await page.waitForSelector('.state.submitted');
  expect(await page.textContent('.state')).toBe('Diajukan (Submitted)');
  expect(await page.textContent('#history')).toContain('Draf (Draft) → Diajukan (Submitted)');
  await page.screenshot({ path: path.join(ARTIFACTS, 'usulan-submitted.png'), fullPage: true });

  const stored = (await strapi.db.query('api::proposal.proposal').findOne({
    where: { title: 'Magang industri di galangan kapal' },
    populate: { unit: true, partner: true, callForProposals: true, attachments: true, cooperationTypes: true },
  })) as Row;
  expect(stored.workflowState).toBe('submitted');
  expect((stored.unit as Row).id).toBe(unit.id);
  expect((stored.partner as Row).id).toBe(partner.id);
  expect((stored.callForProposals as Row).id).toBe(call.id);
  expect((stored.attachments as Row[]).map((file) => file.name)).toEqual(['proposal.pdf']);
  expect((stored.cooperationTypes as Row[]).length).toBe(1);

  await page.click('#move-withdraw');
  await page.waitForSelector('.state.withdrawn');
  await page.click('#logout');
  await page.waitForSelector('#login-form');
  expect(await axeViolations(page)).toEqual([]);
});

test('a partner answers the survey in English from the e-mailed link, and the link then stops working', async () => {
  const { strapi } = app;
  const partner = await createPartner(strapi, { name: 'Singapore Polytechnic', country: 'SG', level: 'international', institutionType: 'university', contacts: [{ name: 'Ms Tan', email: 'tan@sp.test' }] });
  await strapi.documents('api::agreement.agreement').create({ data: { kind: 'mou', ourNumber: 'E2E/SURVEI', title: 'MoU', partner: partner.id, startDate: '2025-01-01', endDate: '2035-01-01', signedDate: '2025-01-01' } as never });
  const questions = [
    { code: 'R1', dimension: 'reliability', textId: 'Layanan sesuai janji', textEn: 'The service is delivered as promised' },
    { code: 'S1', dimension: 'responsiveness', textId: 'Tanggapan cepat', textEn: 'Requests are answered quickly' },
    { code: 'E1', dimension: 'empathy', textId: 'Memahami kebutuhan mitra', textEn: 'Our needs are understood' },
  ];
  const survey = (await strapi.documents('api::satisfaction-survey.satisfaction-survey').create({
    data: { title: 'Survei Kepuasan Mitra 2026', year: 2026, scaleMax: 5, introduction: 'Mohon isi survei ini.', introductionEn: 'Please answer this survey.', questions } as never,
  })) as unknown as Row;
  const invite = await app.request().post(`/kerjasama/surveys/${survey.documentId}/invitations`).set('Authorization', `Bearer ${humasJwt}`).send({ partnerDocumentIds: [partner.documentId] });
  expect(invite.body.data.sent).toBe(1);
  const link = linkIn('tan@sp.test', new RegExp(`${BASE}/survei/[A-Za-z0-9_-]{43}`));

  await page.goto(link);
  await page.waitForSelector('#survey-form');
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  expect(await page.textContent('main')).toContain('Please answer this survey.');
  expect(await axeViolations(page)).toEqual([]);
  await page.click('#lang-id');
  await expect(page.getAttribute('html', 'lang')).resolves.toBe('id');
  expect(await axeViolations(page)).toEqual([]);
  await page.click('#lang-en');
  // Each choice is named by its place on the scale, the comment box by its label.
  await expect(page.getByRole('radio', { name: '3 of 5' }).count()).resolves.toBe(3);
  await expect(page.getByLabel('Comments and suggestions (optional)').count()).resolves.toBe(1);
  await page.click('#send');
  expect(await page.textContent('#form-error')).toContain('Please answer every question');
  // Unanswered questions say so in words and the first one takes the focus, not only a red outline.
  await expect(page.locator('.missing-note:visible').allTextContents()).resolves.toEqual(['Not answered yet', 'Not answered yet', 'Not answered yet']);
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('q-R1');
  expect(await axeViolations(page)).toEqual([]);
  await page.check('input[name="q-R1"][value="5"]');
  await page.check('input[name="q-S1"][value="4"]');
  await page.check('input[name="q-E1"][value="3"]');
  await page.fill('#comment', 'Very helpful cooperation office.');
  await page.screenshot({ path: path.join(ARTIFACTS, 'survei-filled.png'), fullPage: true });
  await page.click('#send');
  await page.waitForSelector('.message.done');
  expect(await page.textContent('.message.done')).toContain('Thank you');
  // After sending, the focus is on the answer, not lost with the form.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('message');
  expect(await axeViolations(page)).toEqual([]);

  const responses = (await strapi.db.query('api::survey-response.survey-response').findMany({ populate: { answers: true } })) as Row[];
  expect(responses).toHaveLength(1);
  expect(responses[0].language).toBe('en');
  expect((responses[0].answers as Row[]).map((a) => [a.questionCode, a.score])).toEqual([['R1', 5], ['S1', 4], ['E1', 3]]);

  await page.goto(link);
  await page.waitForSelector('.message.error');
  expect(await page.textContent('.message.error')).toContain('already been answered');
  expect(await page.locator('.message.error span[lang="en"]').count()).toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(ARTIFACTS, 'survei-used.png'), fullPage: true });
});
