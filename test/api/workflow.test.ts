import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, apiToken } from '../helpers/auth';
import { DOORS, updateThrough, type DoorCredentials } from '../helpers/doors';
import { createInState, createWorkflowDeps, logCount, stateOf, type WorkflowDeps } from '../helpers/workflow-fixtures';
import { WORKFLOWS, type WorkflowUid } from '../../src/domain/workflow';
import type { ActorRole } from '../../src/domain/roles';

let app: TestApp;
let deps: WorkflowDeps;
let credentials: DoorCredentials;
/** A logged-in admin per office role, and an API token: the actors of the role matrix. */
const jwtOf: Partial<Record<ActorRole, string>> = {};

const ADMIN_ROLE_NAME: Partial<Record<ActorRole, string>> = {
  staf_humas: 'Staf Humas',
  kapokja: 'Kapokja Humas & Kerjasama',
  direktur: 'Direktur',
};
const ROLES: ActorRole[] = ['staf_humas', 'kapokja', 'direktur', 'super_admin', 'api_token'];
const SUPER_ADMIN_ACTOR = { kind: 'admin' as const, id: 0, name: 'Test Super Admin', roles: ['super_admin' as const] };

beforeAll(async () => {
  app = await setupStrapi();
  deps = await createWorkflowDeps(app.strapi);
  jwtOf.super_admin = await adminToken(app.strapi, app.request);
  for (const role of ['staf_humas', 'kapokja', 'direktur'] as const) jwtOf[role] = await adminToken(app.strapi, app.request, [ADMIN_ROLE_NAME[role]!]);
  credentials = { apiToken: await apiToken(app.strapi), adminJwt: jwtOf.super_admin };
});
afterAll(() => app?.destroy());

const uids = Object.keys(WORKFLOWS) as WorkflowUid[];
const doorContext = () => ({ strapi: app.strapi, request: app.request, credentials, documentServiceActor: SUPER_ADMIN_ACTOR });

/** Moves a record the way a person in `role` would: the panel's admin route, or REST for a token. */
const transitionAs = async (role: ActorRole, uid: string, documentId: string, to: string, reason?: string) => {
  if (role === 'api_token') {
    const outcome = await updateThrough('rest', uid, documentId, { workflowState: to }, doorContext());
    return outcome.ok ? 200 : outcome.status;
  }
  const response = await app
    .request()
    .post(`/kerjasama/workflow/${uid}/${documentId}/transitions`)
    .set('Authorization', `Bearer ${jwtOf[role]}`)
    .send({ to, reason });
  return response.status;
};

describe.each(uids)('%s', (uid) => {
  const machine = WORKFLOWS[uid];
  const states = machine.states.map((s) => s.name);
  const isLegal = (from: string, to: string) => machine.transitions.some((t) => t.from === from && t.to === to);

  test.each(states)('every illegal move from %s is refused at every door and changes nothing', async (from) => {
    const documentId = await createInState(app.strapi, uid, from, deps);
    const targets = states.filter((to) => to !== from && !isLegal(from, to));
    for (const to of targets) {
      for (const door of DOORS) {
        const outcome = await updateThrough(door, uid, documentId, { workflowState: to }, doorContext());
        expect({ door, to, ok: outcome.ok, error: outcome.errorName }).toEqual({ door, to, ok: false, error: 'ValidationError' });
        if (door !== 'graphql') expect(outcome.message).toContain(machine.states.find((s) => s.name === from)!.labels.en);
      }
    }
    expect(await stateOf(app.strapi, uid, documentId)).toBe(from);
    expect(await logCount(app.strapi, documentId)).toBe(0);
  });

  test.each(machine.transitions.map((t) => [t.from, t.to, t.roles.join(',')] as const))(
    '%s -> %s works for each of [%s] (and no other role) and writes one log entry',
    async (from, to) => {
      const transition = machine.transitions.find((t) => t.from === from && t.to === to)!;
      const documentId = await createInState(app.strapi, uid, from, deps);
      const reason = 'Alasan uji (test reason)';
      // api_token acts through REST update, which carries no reason.
      const testableRoles = ROLES.filter((role) => role !== 'api_token' || !transition.reasonRequired);
      const refused = testableRoles.filter((role) => !transition.roles.includes(role));
      const allowed = testableRoles.filter((role) => transition.roles.includes(role));
      for (const role of refused) {
        expect({ role, status: await transitionAs(role, uid, documentId, to, reason) }).toEqual({ role, status: 400 });
      }
      expect(await stateOf(app.strapi, uid, documentId)).toBe(from);
      expect(await logCount(app.strapi, documentId)).toBe(0);

      for (const role of allowed) {
        const record = role === allowed[0] ? documentId : await createInState(app.strapi, uid, from, deps);
        expect({ role, status: await transitionAs(role, uid, record, to, reason) }).toEqual({ role, status: 200 });
        expect(await stateOf(app.strapi, uid, record)).toBe(to);
        const entries = await app.strapi.db.query('api::transition-log.transition-log').findMany({ where: { recordDocumentId: record } });
        expect(entries).toHaveLength(1);
        expect(entries[0]).toMatchObject({ recordType: uid, fromState: from, toState: to, transition: transition.name });
        if (role !== 'api_token') expect(entries[0].reason).toBe(reason);
      }
    },
  );
});

describe('reasons and API tokens', () => {
  test('a transition that needs a reason is refused without one', async () => {
    const documentId = await createInState(app.strapi, 'api::proposal.proposal', 'under_review', deps);
    expect(await transitionAs('kapokja', 'api::proposal.proposal', documentId, 'rejected')).toBe(400);
    expect(await transitionAs('kapokja', 'api::proposal.proposal', documentId, 'rejected', '   ')).toBe(400);
    expect(await stateOf(app.strapi, 'api::proposal.proposal', documentId)).toBe('under_review');
  });

  test.each([
    ['api::proposal.proposal', 'recommended', 'approved'],
    ['api::annual-program.annual-program', 'submitted', 'approved'],
    ['api::partner.partner', 'proposed', 'approved'],
  ] as const)('an API token cannot approve (%s)', async (uid, from, to) => {
    const documentId = await createInState(app.strapi, uid, from, deps);
    for (const door of ['rest', 'graphql'] as const) {
      const outcome = await updateThrough(door, uid, documentId, { workflowState: to }, doorContext());
      expect(outcome.ok).toBe(false);
      if (door === 'rest') expect(outcome.message).toMatch(/named person/);
    }
    expect(await stateOf(app.strapi, uid, documentId)).toBe(from);
  });

  test('a recommendation needs the analysis', async () => {
    const documentId = await createInState(app.strapi, 'api::proposal.proposal', 'under_review', deps);
    await app.strapi.db.query('api::proposal.proposal').update({ where: { documentId }, data: { analysis: null } });
    const response = await app
      .request()
      .post(`/kerjasama/workflow/api::proposal.proposal/${documentId}/transitions`)
      .set('Authorization', `Bearer ${jwtOf.kapokja}`)
      .send({ to: 'recommended' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/analysis/);
  });

  test('the panel names the move that waits for the analysis, and offers it once the analysis is written', async () => {
    const documentId = await createInState(app.strapi, 'api::proposal.proposal', 'under_review', deps);
    const panel = async (role: ActorRole) =>
      (await app.request().get(`/kerjasama/workflow/api::proposal.proposal/${documentId}`).set('Authorization', `Bearer ${jwtOf[role]}`)).body.data;
    const complete = await panel('kapokja');
    expect(complete.available.map((t: { to: string }) => t.to)).toContain('recommended');
    expect(complete.blocked).toEqual([]);
    await app.strapi.db.query('api::proposal.proposal').update({ where: { documentId }, data: { analysis: null } });
    const waiting = await panel('kapokja');
    expect(waiting.available.map((t: { to: string }) => t.to)).not.toContain('recommended');
    expect(waiting.blocked).toHaveLength(1);
    expect(waiting.blocked[0]).toMatchObject({ name: 'recommend', to: 'recommended', needs: { en: 'the proposal needs its analysis before it can be recommended' } });
    expect(waiting.blocked[0].missing.length).toBeGreaterThan(0);
    expect(waiting.blocked[0].missing[0]).toEqual({ id: expect.any(String), en: expect.any(String) });
    // A role that may not recommend at all is not told it waits for anything.
    expect((await panel('staf_humas')).blocked).toEqual([]);
  });

  test('the panel lists exactly the moves this user may make', async () => {
    const documentId = await createInState(app.strapi, 'api::proposal.proposal', 'recommended', deps);
    const asDirector = await app.request().get(`/kerjasama/workflow/api::proposal.proposal/${documentId}`).set('Authorization', `Bearer ${jwtOf.direktur}`);
    expect(asDirector.body.data.available.map((t: { to: string }) => t.to).sort()).toEqual(['approved', 'rejected']);
    const asStaff = await app.request().get(`/kerjasama/workflow/api::proposal.proposal/${documentId}`).set('Authorization', `Bearer ${jwtOf.staf_humas}`);
    expect(asStaff.body.data.available).toEqual([]);
  });
});
