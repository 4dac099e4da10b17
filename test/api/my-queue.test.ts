import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken } from '../helpers/auth';
import { clearSmtpEnv, htmlOf, shiftDays, startSmtpServer, today } from '../helpers/participation';
import { createActiveAgreement, createInState, createWorkflowDeps, type WorkflowDeps } from '../helpers/workflow-fixtures';
import { fromDist } from '../helpers/dist';
import type { MyQueue } from '../../src/contracts/my-queue';

/**
 * My queue (issue 13 item 2) through the plugin route the dashboard reads: per office role,
 * exactly the records that role can move (from the workflow specs), the expiring agreements it
 * follows, the working-days flag from the transition-log entry that put a record in its state,
 * and the weekly digest, sent once per week and only to those who switched it on.
 */
type QueueModule = typeof import('../../src/planning/my-queue');

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let deps: WorkflowDeps;
const jwt: Record<'humas' | 'kapokja' | 'direktur', string> = { humas: '', kapokja: '', direktur: '' };
const EMAIL = { humas: 'queue.humas@polibatam.test', kapokja: 'queue.kapokja@polibatam.test', direktur: 'queue.direktur@polibatam.test' };
const ids: Record<string, string> = {};
const day0 = today();

const PROPOSAL = 'api::proposal.proposal';
const queueOf = async (who: keyof typeof jwt) => {
  const response = await app.request().get('/kerjasama/my-queue').set('Authorization', `Bearer ${jwt[who]}`);
  expect(response.status).toBe(200);
  return response.body.data as MyQueue;
};
const idsOf = (queue: MyQueue) => queue.items.map((item) => item.documentId).sort();

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await setupStrapi({ ...smtp.env, QUEUE_STALE_WORKING_DAYS: '3', HUMAS_EMAIL: '' });
  jwt.humas = await adminToken(app.strapi, app.request, ['Staf Humas'], EMAIL.humas);
  jwt.kapokja = await adminToken(app.strapi, app.request, ['Kapokja Humas & Kerjasama'], EMAIL.kapokja);
  jwt.direktur = await adminToken(app.strapi, app.request, ['Direktur'], EMAIL.direktur);
  deps = await createWorkflowDeps(app.strapi);
  const s = app.strapi;
  ids.submitted = await createInState(s, PROPOSAL, 'submitted', deps);
  ids.toReview = await createInState(s, PROPOSAL, 'submitted', deps);
  ids.recommended = await createInState(s, PROPOSAL, 'recommended', deps);
  ids.draftProposal = await createInState(s, PROPOSAL, 'draft', deps);
  ids.approvedProposal = await createInState(s, PROPOSAL, 'approved', deps);
  ids.programSubmitted = await createInState(s, 'api::annual-program.annual-program', 'submitted', deps);
  ids.minutesDraft = await createInState(s, 'api::meeting-minute.meeting-minute', 'draft', deps);
  ids.minutesFinal = await createInState(s, 'api::meeting-minute.meeting-minute', 'final', deps);
  ids.reportDraft = await createInState(s, 'api::evaluation-report.evaluation-report', 'draft', deps);
  ids.partnerProposed = await createInState(s, 'api::partner.partner', 'proposed', deps);
  // The Kapokja takes one proposal under review through the workflow: the log entry dates its wait.
  const review = await app.request().post(`/kerjasama/workflow/${PROPOSAL}/${ids.toReview}/transitions`).set('Authorization', `Bearer ${jwt.kapokja}`).send({ to: 'under_review' });
  expect(review.status).toBe(200);
  ids.underReview = ids.toReview;
  // Agreements: one ending in 30 days (Humas follows every agreement), one the Director created.
  ids.expiring = (await createActiveAgreement(s, deps.partnerId, { endDate: shiftDays(day0, 30) })).documentId;
  ids.directorsAgreement = (await createActiveAgreement(s, deps.partnerId, { endDate: shiftDays(day0, 60) })).documentId;
  const director = await s.db.query('admin::user').findOne({ where: { email: EMAIL.direktur } });
  // Fixture: the Director as its creator (the Director's role may not create agreements in the Content Manager).
  await s.db.query('api::agreement.agreement').update({ where: { documentId: ids.directorsAgreement }, data: { createdBy: director.id } });
});
afterAll(async () => {
  await app?.destroy();
  await smtp?.close();
  clearSmtpEnv();
});

describe('my queue per role', () => {
  test('Staf Humas: proposals to review, minutes to finalize, every expiring agreement', async () => {
    expect(idsOf(await queueOf('humas'))).toEqual([ids.submitted, ids.minutesDraft, ids.expiring, ids.directorsAgreement].sort());
  });
  test('Kapokja: to review, to recommend, minutes and the evaluation report to finalize, a partner listing to approve, expiring agreements', async () => {
    expect(idsOf(await queueOf('kapokja'))).toEqual(
      [ids.submitted, ids.underReview, ids.minutesDraft, ids.reportDraft, ids.partnerProposed, ids.expiring, ids.directorsAgreement].sort(),
    );
  });
  test('Director: the recommended proposal, the submitted program, the partner listing, and the agreement they created', async () => {
    const queue = await queueOf('direktur');
    expect(idsOf(queue)).toEqual([ids.recommended, ids.programSubmitted, ids.partnerProposed, ids.directorsAgreement].sort());
    const proposal = queue.items.find((item) => item.documentId === ids.recommended)!;
    expect(proposal.moves.map((move) => move.name)).toEqual(['approve']);
    expect(proposal.stateLabels).toEqual({ id: 'Direkomendasikan', en: 'Recommended' });
  });
  test('a record waiting past the working-day limit (since the log entry that put it there) is flagged', async () => {
    const longAgo = shiftDays(day0, -21);
    await app.strapi.db.query('api::transition-log.transition-log').updateMany({
      where: { recordDocumentId: ids.underReview, toState: 'under_review' },
      data: { occurredAt: new Date(`${longAgo}T03:00:00Z`) },
    });
    const queue = await queueOf('kapokja');
    expect(queue.staleAfterWorkingDays).toBe(3);
    const waiting = queue.items.find((item) => item.documentId === ids.underReview)!;
    expect(waiting).toMatchObject({ since: longAgo, waitedDays: 21, overdue: true });
    expect(waiting.waitedWorkingDays).toBeGreaterThanOrEqual(10);
    expect(waiting.waitedWorkingDays).toBeLessThanOrEqual(15);
    expect(queue.items[0].documentId).not.toBe(ids.submitted); // overdue rows come first
    expect(queue.items.find((item) => item.documentId === ids.submitted)).toMatchObject({ since: day0, waitedWorkingDays: 0, overdue: false });
  });
});

describe('weekly digest', () => {
  test('off by default; a bad setting is refused naming the field', async () => {
    expect((await queueOf('humas')).digest.enabled).toBe(false);
    const bad = await app.request().put('/kerjasama/my-queue/digest').set('Authorization', `Bearer ${jwt.humas}`).send({ enabled: 'yes' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('enabled');
  });
  test('sent once per week, only to whoever switched it on, with links to the records', async () => {
    const on = await app.request().put('/kerjasama/my-queue/digest').set('Authorization', `Bearer ${jwt.humas}`).send({ enabled: true });
    expect(on.status).toBe(200);
    expect((await queueOf('humas')).digest.enabled).toBe(true);
    const { sendQueueDigests } = fromDist<QueueModule>('src/planning/my-queue');
    smtp.received.length = 0;
    expect(await sendQueueDigests(app.strapi, { today: day0 })).toBe(1);
    expect(await sendQueueDigests(app.strapi, { today: day0 })).toBe(0);
    expect(smtp.received.map((mail) => mail.to)).toEqual([[EMAIL.humas]]);
    const mail = smtp.received[0];
    expect(mail.subject).toContain('Tugas saya: 4 menunggu (My queue: 4 waiting)');
    const html = htmlOf(mail.raw);
    expect(html).toMatch(new RegExp(`<a href="http[^"]+/admin/content-manager/collection-types/${PROPOSAL}/${ids.submitted}"`));
    expect(html).toContain('lang="en"');
    // The next week: once more.
    expect(await sendQueueDigests(app.strapi, { today: shiftDays(day0, 7) })).toBe(1);
    // Switched off: nothing the week after.
    await app.request().put('/kerjasama/my-queue/digest').set('Authorization', `Bearer ${jwt.humas}`).send({ enabled: false });
    expect(await sendQueueDigests(app.strapi, { today: shiftDays(day0, 14) })).toBe(0);
    expect(smtp.received.every((received) => received.to.includes(EMAIL.humas))).toBe(true);
  });
});
