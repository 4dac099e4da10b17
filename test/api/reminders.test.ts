import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, TEST_PASSWORD } from '../helpers/auth';
import { bodyOf, clearSmtpEnv, htmlOf, createCall, createPartner, createUnit, createUnitUser, shiftDays, startSmtpServer, today } from '../helpers/participation';
import { runAsSystem } from '../../src/workflow/write-context';

/**
 * E-mail for real (a real SMTP server in-process): the call for proposals and its deadline,
 * unit accounts with a set-password link, and the daily reminders, each sent exactly once per
 * threshold however often and however concurrently the task runs.
 */
type Row = Record<string, unknown> & { id: number; documentId: string };
type Reminders = typeof import('../../src/participation/reminders');

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let humasJwt: string;
let reminders: Reminders;
let unit: Row;
let unitUser: { jwt: string; email: string };
const day0 = today();

const AGREEMENT = 'api::agreement.agreement';
const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));
const mailsAbout = (text: string) => smtp.received.filter((mail) => mail.subject.includes(text) || bodyOf(mail.raw).includes(text));

const agreement = async (number: string, endDate: string, extra: Record<string, unknown> = {}) =>
  (await app.strapi.documents(AGREEMENT).create({
    data: { kind: 'mou', ourNumber: number, title: `MoU ${number}`, partner: (await createPartner(app.strapi)).id, startDate: '2024-01-01', endDate, signedDate: '2024-01-01', units: [unit.id], ...extra } as never,
  })) as unknown as Row;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await setupStrapi({ ...smtp.env, HUMAS_EMAIL: 'humas@polibatam.test', PROPOSAL_STALE_DAYS: '14', SURVEY_REMINDER_DAYS: '7' });
  // Loaded from the compiled app so that it shares the booted Strapi's module instances.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  reminders = require(`${process.env.KERJASAMA_DIST_DIR || `${process.cwd()}/dist`}/src/participation/reminders`);
  humasJwt = await adminToken(app.strapi, app.request, ['Staf Humas'], 'staf.humas@polibatam.test');
  unit = await createUnit(app.strapi, 'department', undefined, 'jurusan@polibatam.test');
  unitUser = await createUnitUser(app.strapi, app.request, unit, 'dosen@polibatam.test');
});
afterAll(async () => {
  await app?.destroy();
  await smtp?.close();
  clearSmtpEnv();
});
beforeEach(() => {
  smtp.received.length = 0;
});

describe('call for proposals', () => {
  test('Humas sends the call to every unit address and unit user, once', async () => {
    const call = await createCall(app.strapi, shiftDays(day0, 20));
    const send = await app.request().post(`/kerjasama/calls/${call.documentId}/send`).set('Authorization', `Bearer ${humasJwt}`).send({});
    expect(send.status).toBe(200);
    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual(['dosen@polibatam.test', 'jurusan@polibatam.test']);
    expect(smtp.received[0].subject).toMatch(/Panggilan usulan kerjasama 2027 \(Call for cooperation proposals 2027\)/);
    expect(bodyOf(smtp.received[0].raw)).toContain('/usulan/');
    expect(smtp.received[0].from).toBe('kerjasama@polibatam.test');
    const again = await app.request().post(`/kerjasama/calls/${call.documentId}/send`).set('Authorization', `Bearer ${humasJwt}`).send({});
    expect(again.status).toBe(400);
    expect(smtp.received).toHaveLength(2);
  });

  test('after the deadline a draft of that call cannot be submitted, with a clear message', async () => {
    const call = await createCall(app.strapi, shiftDays(day0, 5));
    const created = await app.request().post('/api/proposals').set('Authorization', `Bearer ${unitUser.jwt}`)
      .send({ data: { title: 'Usulan terlambat', objectives: 'T', plannedYear: 2027, prospectivePartnerName: 'PT Z', callForProposals: call.documentId } });
    expect(created.status).toBe(201);
    await app.strapi.documents('api::call-for-proposal.call-for-proposal').update({ documentId: call.documentId, data: { deadline: shiftDays(day0, -1) } as never });
    const submit = await app.request().post(`/api/proposals/${created.body.data.documentId}/transitions`).set('Authorization', `Bearer ${unitUser.jwt}`).send({ to: 'submitted' });
    expect(submit.status).toBe(400);
    expect(submit.body.error.message).toMatch(/sudah ditutup pada .*\(The call for proposals .*closed on/);
    const late = await app.request().post('/api/proposals').set('Authorization', `Bearer ${unitUser.jwt}`)
      .send({ data: { title: 'Usulan baru terlambat', objectives: 'T', plannedYear: 2027, prospectivePartnerName: 'PT Z', callForProposals: call.documentId } });
    expect(late.status).toBe(400);
    expect(late.body.error.details.errors[0].path).toEqual(['callForProposals']);
  });

  test('on the deadline day itself the proposal can still be submitted', async () => {
    const call = await createCall(app.strapi, day0);
    const created = await app.request().post('/api/proposals').set('Authorization', `Bearer ${unitUser.jwt}`)
      .send({ data: { title: 'Usulan tepat waktu', objectives: 'T', plannedYear: 2027, prospectivePartnerName: 'PT Z', callForProposals: call.documentId } });
    const submit = await app.request().post(`/api/proposals/${created.body.data.documentId}/transitions`).set('Authorization', `Bearer ${unitUser.jwt}`).send({ to: 'submitted' });
    expect(submit.status).toBe(200);
  });
});

describe('unit accounts', () => {
  test('Humas creates an account; the e-mailed link sets the password; the user can then work', async () => {
    const response = await app.request().post('/kerjasama/unit-accounts').set('Authorization', `Bearer ${humasJwt}`).send({ email: 'Baru@Polibatam.test', unit: unit.documentId });
    expect(response.status).toBe(201);
    const [mail] = mailsTo('baru@polibatam.test');
    const code = /\/usulan\/\?code=([0-9a-f]{128})/.exec(bodyOf(mail.raw))?.[1];
    expect(code).toBeDefined();
    // The HTML part is the template, not the text pasted in: the link is an <a href> a person clicks.
    const html = htmlOf(mail.raw);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`<a href="http://`);
    expect(html).toMatch(new RegExp(`<a href="[^"]*/usulan/\\?code=${code}"`));
    expect(html.indexOf('lang="id"')).toBeLessThan(html.indexOf('lang="en"'));
    const login = await app.request().post('/api/auth/local').send({ identifier: 'baru@polibatam.test', password: TEST_PASSWORD });
    expect(login.status).toBe(400);
    const reset = await app.request().post('/api/auth/reset-password').send({ code, password: TEST_PASSWORD, passwordConfirmation: TEST_PASSWORD });
    expect(reset.status).toBe(200);
    const list = await app.request().get('/api/proposals').set('Authorization', `Bearer ${reset.body.jwt}`);
    expect(list.status).toBe(200);
    const duplicate = await app.request().post('/kerjasama/unit-accounts').set('Authorization', `Bearer ${humasJwt}`).send({ email: 'baru@polibatam.test', unit: unit.documentId });
    expect(duplicate.status).toBe(400);
  });
});

describe('agreement reminders at 90, 30 and 7 days', () => {
  test('each due reminder is sent once to Humas and the unit, whatever the number of runs', async () => {
    const in30 = await agreement('REM/30', shiftDays(day0, 30));
    await agreement('REM/7', shiftDays(day0, 7));
    await agreement('REM/100', shiftDays(day0, 100));
    const renewed = await agreement('REM/RENEWED', shiftDays(day0, 30));
    await agreement('REM/RENEWAL', shiftDays(day0, 1000), { renewalOf: renewed.id, startDate: shiftDays(day0, 31) });
    await agreement('REM/TERMINATED', shiftDays(day0, 30), { terminatedDate: shiftDays(day0, -1), terminationReason: 'Diakhiri' });

    expect(await reminders.sendAgreementReminders(app.strapi, { today: day0 })).toBe(2);
    expect(await reminders.sendAgreementReminders(app.strapi, { today: day0 })).toBe(0);
    expect(smtp.received).toHaveLength(2);
    const [thirty] = mailsAbout('REM/30');
    expect(thirty.subject).toContain('berakhir dalam 30 hari (Agreement REM/30 ends in 30 days)');
    // Humas, the unit's own address and its staff's accounts (two by now).
    expect(thirty.to.sort()).toEqual(['baru@polibatam.test', 'dosen@polibatam.test', 'humas@polibatam.test', 'jurusan@polibatam.test']);
    expect(mailsAbout('REM/7')).toHaveLength(1);
    expect(mailsAbout('REM/RENEWED')).toHaveLength(0);
    expect(mailsAbout('REM/TERMINATED')).toHaveLength(0);
    const log = (await app.strapi.db.query('api::reminder-log.reminder-log').findMany({ where: { recordDocumentId: in30.documentId } })) as Row[];
    expect(log.map((row) => row.threshold)).toEqual([`30d:${shiftDays(day0, 30)}`]);
  });

  test('the next thresholds fire once even when several instances run the task at the same moment', async () => {
    // 23 days on: REM/30 has 7 days left, REM/100 has 77 (its 90-day reminder is due).
    const later = shiftDays(day0, 23);
    const counts = await Promise.all([1, 2, 3, 4].map(() => reminders.sendAgreementReminders(app.strapi, { today: later })));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(2);
    expect(smtp.received).toHaveLength(2);
    expect(mailsAbout('REM/30')).toHaveLength(1);
    expect(mailsAbout('REM/30')[0].subject).toContain('7 hari');
    expect(mailsAbout('REM/100')[0].subject).toContain('77 hari');
    expect(await app.strapi.db.query('api::reminder-log.reminder-log').count({ where: { kind: 'agreement_ending' } })).toBe(4);
  });

  test('the last reminder comes 7 days before the end, and nothing after the end', async () => {
    expect(await reminders.sendAgreementReminders(app.strapi, { today: shiftDays(day0, 93) })).toBe(1);
    expect(mailsAbout('REM/100')[0].subject).toContain('7 hari');
    expect(await reminders.sendAgreementReminders(app.strapi, { today: shiftDays(day0, 1200) })).toBe(0);
  });
});

describe('proposals waiting too long', () => {
  test('a submitted proposal waiting more than 14 days reminds Humas once; a unit\'s stale draft reminds the unit', async () => {
    const call = await createCall(app.strapi, shiftDays(day0, 30));
    const waiting = await app.request().post('/api/proposals').set('Authorization', `Bearer ${unitUser.jwt}`)
      .send({ data: { title: 'Usulan lama diajukan', objectives: 'T', plannedYear: 2027, prospectivePartnerName: 'PT W', callForProposals: call.documentId } });
    await app.request().post(`/api/proposals/${waiting.body.data.documentId}/transitions`).set('Authorization', `Bearer ${unitUser.jwt}`).send({ to: 'submitted' });

    expect(await reminders.sendProposalReminders(app.strapi, { today: shiftDays(day0, 14) })).toBe(0);
    const sent = await reminders.sendProposalReminders(app.strapi, { today: shiftDays(day0, 15) });
    expect(sent).toBeGreaterThanOrEqual(2);
    expect(await reminders.sendProposalReminders(app.strapi, { today: shiftDays(day0, 16) })).toBe(0);
    const [toOffice] = mailsAbout('Usulan menunggu tindakan: Usulan lama diajukan');
    expect(toOffice.to.sort()).toEqual(['humas@polibatam.test', 'staf.humas@polibatam.test']);
    expect(toOffice.subject).toContain('Usulan menunggu tindakan');
    const drafts = smtp.received.filter((mail) => mail.to.includes('dosen@polibatam.test'));
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    expect(bodyOf(drafts[0].raw)).toContain('"Draf"');
  });
});

describe('survey reminders', () => {
  test('an unanswered invitation is reminded once with a new link; the old link stops working', async () => {
    const partner = await createPartner(app.strapi, { contacts: [{ name: 'Rina', email: 'rina@mitra.test' }] });
    await app.strapi.documents(AGREEMENT).create({ data: { kind: 'mou', ourNumber: 'SRV/1', title: 'MoU', partner: partner.id, startDate: '2024-01-01', endDate: '2035-01-01', signedDate: '2024-01-01' } as never });
    const survey = (await app.strapi.documents('api::satisfaction-survey.satisfaction-survey').create({
      data: { title: 'Survei pengingat', year: 2026, scaleMax: 5, questions: [{ code: 'E1', dimension: 'empathy', textId: 'Peduli' }] } as never,
    })) as unknown as Row;
    await app.request().post(`/kerjasama/surveys/${survey.documentId}/invitations`).set('Authorization', `Bearer ${humasJwt}`).send({ partnerDocumentIds: [partner.documentId] });
    const firstToken = /\/survei\/([A-Za-z0-9_-]{43})/.exec(bodyOf(mailsTo('rina@mitra.test')[0].raw))![1];

    expect(await reminders.sendSurveyReminders(app.strapi, { today: shiftDays(day0, 6) })).toBe(0);
    const runs = await Promise.all([1, 2, 3].map(() => reminders.sendSurveyReminders(app.strapi, { today: shiftDays(day0, 7) })));
    expect(runs.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(await reminders.sendSurveyReminders(app.strapi, { today: shiftDays(day0, 8) })).toBe(0);
    const mails = mailsTo('rina@mitra.test');
    expect(mails).toHaveLength(2);
    expect(mails[1].subject).toContain('Pengingat');
    const secondToken = /\/survei\/([A-Za-z0-9_-]{43})/.exec(bodyOf(mails[1].raw))![1];
    expect(secondToken).not.toBe(firstToken);
    expect((await app.request().get(`/api/survey-invitations/by-token/${firstToken}`)).status).toBe(404);
    expect((await app.request().get(`/api/survey-invitations/by-token/${secondToken}`)).status).toBe(200);
  });
});

describe('without SMTP settings', () => {
  test('the configuration writes e-mails to the outbox folder instead of sending them', async () => {
    const { emailConfig } = await import('../../src/participation/email-config');
    const env = Object.assign((key: string, fallback: string) => ({ EMAIL_OUTBOX_DIR: '.tmp/outbox-test' } as Record<string, string>)[key] ?? fallback, {
      int: (_: string, fallback: number) => fallback,
      bool: (_: string, fallback: boolean) => fallback,
    });
    const config = emailConfig(env);
    expect(config.provider).toBe('nodemailer');
    expect((config.providerOptions as { name?: string }).name).toBe('kerjasama-outbox');
    await runAsSystem('test', async () => undefined);
  });
});
