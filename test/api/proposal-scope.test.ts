import { setupStrapi, type TestApp } from '../helpers/strapi';
import { apiToken } from '../helpers/auth';
import { createCall, createPartner, createUnit, createUnitUser, shiftDays, today } from '../helpers/participation';

/**
 * Units see and change only their own unit's proposals (a department also its study programs'),
 * through every door: REST list/read/update/transition, GraphQL queries and nesting, crafted
 * filters and populate, guessed ids; and they cannot set what is not theirs to set.
 */
type Row = Record<string, unknown> & { id: number; documentId: string };
type Who = 'unitA' | 'unitB' | 'deptA';

let app: TestApp;
let units: Record<'unitA' | 'unitB' | 'deptA', Row>;
const jwt = {} as Record<Who, string>;
const proposal = {} as Record<Who, string>;
let partner: Row;
let call: Row;
let token: string;

const auth = (who: Who) => ({ Authorization: `Bearer ${jwt[who]}` });
const VISIBLE: Record<Who, Who[]> = { unitA: ['unitA'], unitB: ['unitB'], deptA: ['deptA', 'unitA'] };
const WHO: Who[] = ['unitA', 'unitB', 'deptA'];
const sorted = (ids: string[]) => [...ids].sort();
const idsOf = (data: Row[]) => sorted(data.map((row) => row.documentId));
const expectedFor = (who: Who) => sorted(VISIBLE[who].map((owner) => proposal[owner]));
const gql = (who: Who, query: string, variables: Record<string, unknown> = {}) =>
  app.request().post('/graphql').set(auth(who)).send({ query, variables });

beforeAll(async () => {
  app = await setupStrapi();
  const { strapi } = app;
  const deptA = await createUnit(strapi, 'department');
  units = { deptA, unitA: await createUnit(strapi, 'study_program', deptA), unitB: await createUnit(strapi, 'department') };
  for (const who of WHO) jwt[who] = (await createUnitUser(strapi, app.request, units[who])).jwt;
  call = await createCall(strapi, shiftDays(today(), 10));
  partner = await createPartner(strapi, { internalNotes: 'Catatan rahasia', contacts: [{ name: 'Ibu Rahasia', email: 'rahasia@mitra.test' }] });
  for (const who of WHO) {
    const response = await app.request().post('/api/proposals').set(auth(who)).send({
      data: { title: `Usulan ${who}`, objectives: 'Tujuan', plannedYear: 2027, partner: partner.documentId, unit: units[who].documentId },
    });
    expect(response.status).toBe(201);
    proposal[who] = response.body.data.documentId;
  }
  token = await apiToken(strapi);
});
afterAll(() => app?.destroy());

describe('what a unit creates', () => {
  test('a proposal made by a unit user belongs to its unit and to the open call, with its partner', async () => {
    const stored = (await app.strapi.db.query('api::proposal.proposal').findOne({
      where: { documentId: proposal.unitA },
      populate: { unit: true, callForProposals: true, partner: true },
    })) as Row;
    expect((stored.unit as Row).id).toBe(units.unitA.id);
    expect((stored.callForProposals as Row).id).toBe(call.id);
    expect((stored.partner as Row).id).toBe(partner.id);
    expect(stored.workflowState).toBe('draft');
  });

  test('without a unit in the request, the user\'s own unit is used', async () => {
    const response = await app.request().post('/api/proposals').set(auth('deptA')).send({ data: { title: 'Tanpa unit', objectives: 'T', plannedYear: 2027, prospectivePartnerName: 'PT Calon' } });
    expect(response.status).toBe(201);
    const stored = (await app.strapi.db.query('api::proposal.proposal').findOne({ where: { documentId: response.body.data.documentId }, populate: { unit: true } })) as Row;
    expect((stored.unit as Row).id).toBe(units.deptA.id);
    await app.strapi.db.query('api::proposal.proposal').delete({ where: { id: stored.id } });
  });
});

describe.each(WHO)('%s through REST', (who) => {
  test('lists exactly its own (and, for a department, its study programs\') proposals', async () => {
    const response = await app.request().get('/api/proposals').set(auth(who));
    expect(response.status).toBe(200);
    expect(idsOf(response.body.data)).toEqual(expectedFor(who));
    expect(response.body.meta.pagination.total).toBe(VISIBLE[who].length);
  });

  test.each([
    ['a filter naming every unit', (ids: string[]) => `filters[unit][documentId][$in][0]=${ids[0]}&filters[unit][documentId][$in][1]=${ids[1]}&filters[unit][documentId][$in][2]=${ids[2]}`],
    ['an $or that matches everything', () => 'filters[$or][0][unit][id][$notNull]=true&filters[$or][1][unit][id][$null]=true'],
    ['a negated filter', () => 'filters[$not][title][$eq]=none'],
    ['a filter through the unit\'s parent', () => 'filters[unit][parent][id][$notNull]=true'],
  ])('crafted query string (%s) still only returns its own', async (_, build) => {
    const ids = WHO.map((owner) => units[owner].documentId);
    const response = await app.request().get(`/api/proposals?${build(ids)}`).set(auth(who));
    expect(response.status).toBeLessThan(500);
    if (response.status === 200) {
      for (const documentId of idsOf(response.body.data)) expect(expectedFor(who)).toContain(documentId);
    }
  });

  test('reading, changing or moving another unit\'s proposal by its id is "not found" and changes nothing', async () => {
    for (const owner of WHO.filter((other) => !VISIBLE[who].includes(other))) {
      const documentId = proposal[owner];
      expect((await app.request().get(`/api/proposals/${documentId}`).set(auth(who))).status).toBe(404);
      expect((await app.request().get(`/api/proposals/${documentId}/workflow`).set(auth(who))).status).toBe(404);
      const update = await app.request().put(`/api/proposals/${documentId}`).set(auth(who)).send({ data: { title: 'Diambil alih' } });
      expect(update.status).toBe(404);
      const move = await app.request().post(`/api/proposals/${documentId}/transitions`).set(auth(who)).send({ to: 'withdrawn', reason: 'coba' });
      expect(move.status).toBe(404);
      const deleted = await app.request().delete(`/api/proposals/${documentId}`).set(auth(who));
      expect([403, 404]).toContain(deleted.status);
      const stored = (await app.strapi.db.query('api::proposal.proposal').findOne({ where: { documentId } })) as Row;
      expect(stored.title).toBe(`Usulan ${owner}`);
      expect(stored.workflowState).toBe('draft');
    }
  });

  test('reads and updates its own proposals', async () => {
    for (const owner of VISIBLE[who]) {
      const read = await app.request().get(`/api/proposals/${proposal[owner]}?populate[unit]=true&populate[partner]=true`).set(auth(who));
      expect(read.status).toBe(200);
      expect(read.body.data.partner).toEqual({ documentId: partner.documentId, name: partner.name, institutionType: 'industry', level: 'national', country: 'ID' });
      const update = await app.request().put(`/api/proposals/${proposal[owner]}`).set(auth(who)).send({ data: { expectedBenefit: `Manfaat ${who}` } });
      expect(update.status).toBe(200);
    }
  });

  test('populate through reachable relations never reveals a partner\'s contacts, notes or other proposals', async () => {
    const response = await app.request().get('/api/proposals?populate[unit][populate][children]=true&populate[callForProposals]=true&populate[partner][populate]=*').set(auth(who));
    expect(response.status).toBeLessThan(500);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain('rahasia');
    expect(text).not.toContain('Catatan rahasia');
    for (const owner of WHO.filter((other) => !VISIBLE[who].includes(other))) expect(text).not.toContain(proposal[owner]);
  });
});

describe.each(WHO)('%s through GraphQL', (who) => {
  test('the list and the connection hold only its own proposals', async () => {
    const response = await gql(who, '{ proposals(pagination: { limit: 100 }) { documentId } proposals_connection { pageInfo { total } } }');
    expect(response.body.errors).toBeUndefined();
    expect(idsOf(response.body.data.proposals)).toEqual(expectedFor(who));
    expect(response.body.data.proposals_connection.pageInfo.total).toBe(VISIBLE[who].length);
  });

  test('a filter naming another unit finds nothing of it', async () => {
    const response = await gql(who, 'query($ids: [ID]) { proposals(filters: { unit: { documentId: { in: $ids } } }) { documentId } }', { ids: WHO.map((owner) => units[owner].documentId) });
    expect(idsOf(response.body.data?.proposals ?? [])).toEqual(expectedFor(who));
  });

  test('a guessed documentId of another unit\'s proposal gives nothing', async () => {
    for (const owner of WHO.filter((other) => !VISIBLE[who].includes(other))) {
      const response = await gql(who, 'query($id: ID!) { proposal(documentId: $id) { documentId title } }', { id: proposal[owner] });
      expect(response.body.data?.proposal ?? null).toBeNull();
      const update = await gql(who, 'mutation($id: ID!) { updateProposal(documentId: $id, data: { title: "Diambil alih" }) { documentId } }', { id: proposal[owner] });
      expect(update.body.data?.updateProposal ?? null).toBeNull();
      expect(update.body.errors?.length).toBeGreaterThan(0);
    }
    const titles = (await app.strapi.db.query('api::proposal.proposal').findMany({ select: ['title'] })) as Row[];
    expect(titles.map((row) => row.title)).not.toContain('Diambil alih');
  });

  test('nesting through the partner or the call reaches no other unit\'s proposal, contact or note', async () => {
    const response = await gql(who, '{ proposals { documentId partner { name internalNotes contacts { email } proposals { documentId title } } callForProposals { title } unit { name children { name } } } }');
    const text = JSON.stringify(response.body.data ?? {});
    expect(text).not.toContain('rahasia');
    for (const owner of WHO.filter((other) => !VISIBLE[who].includes(other))) expect(text).not.toContain(proposal[owner]);
    expect(response.body.errors?.[0]?.message).toMatch(/Forbidden/i);
  });
});

describe('mass assignment by a unit', () => {
  test.each([
    ['the analysis', { analysis: { visionAlignment: 'Selaras', recommendation: 'proceed' } }, 'analysis'],
    ['the state beyond submit (approved)', { workflowState: 'approved' }, 'workflowState'],
    ['the unit of another unit', () => ({ unit: units.unitB.documentId }), 'unit'],
    ['the source channel', { sourceChannel: 'humas_initiative' }, 'sourceChannel'],
  ])('setting %s on its draft is refused and nothing is applied', async (_, data, field) => {
    const payload = typeof data === 'function' ? data() : data;
    const response = await app.request().put(`/api/proposals/${proposal.unitA}`).set(auth('unitA')).send({ data: payload });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error)).toContain(field);
    const stored = (await app.strapi.db.query('api::proposal.proposal').findOne({ where: { documentId: proposal.unitA }, populate: { unit: true, analysis: true } })) as Row;
    expect(stored.analysis).toBeNull();
    expect(stored.workflowState).toBe('draft');
    expect(stored.sourceChannel).toBe('call_for_proposals');
    expect((stored.unit as Row).id).toBe(units.unitA.id);
  });

  test('creating with another unit, an analysis or a state is refused', async () => {
    for (const data of [
      { unit: units.unitB.documentId },
      { analysis: { risk: 'Rendah' } },
      { workflowState: 'submitted' },
    ]) {
      const response = await app.request().post('/api/proposals').set(auth('unitA')).send({ data: { title: 'Coba', objectives: 'T', plannedYear: 2027, prospectivePartnerName: 'PT X', ...data } });
      expect(response.status).toBe(400);
    }
    expect(await app.strapi.db.query('api::proposal.proposal').count({ where: { title: 'Coba' } })).toBe(0);
  });

  test('a department may place a proposal on its study program, not on another department', async () => {
    const ok = await app.request().put(`/api/proposals/${proposal.deptA}`).set(auth('deptA')).send({ data: { unit: units.unitA.documentId } });
    expect(ok.status).toBe(200);
    const back = await app.request().put(`/api/proposals/${proposal.deptA}`).set(auth('deptA')).send({ data: { unit: units.deptA.documentId } });
    expect(back.status).toBe(200);
    const refused = await app.request().put(`/api/proposals/${proposal.deptA}`).set(auth('deptA')).send({ data: { unit: units.unitB.documentId } });
    expect(refused.status).toBe(400);
  });

  test('upload may not replace a file or link it to a record', async () => {
    const replace = await app.request().post('/api/upload?id=1').set(auth('unitA')).attach('files', Buffer.from('x'), 'x.txt');
    expect(replace.status).toBe(403);
    const linked = await app.request().post('/api/upload').set(auth('unitA')).field('ref', 'api::proposal.proposal').field('refId', '1').field('field', 'attachments').attach('files', Buffer.from('x'), 'x.txt');
    expect(linked.status).toBe(403);
  });
});

describe('the workflow doors for units', () => {
  test('a unit submits, cannot review, and withdraws with a reason; the history shows each move', async () => {
    const submit = await app.request().post(`/api/proposals/${proposal.unitB}/transitions`).set(auth('unitB')).send({ to: 'submitted' });
    expect(submit.status).toBe(200);
    expect(submit.body.data.state).toBe('submitted');
    const review = await app.request().post(`/api/proposals/${proposal.unitB}/transitions`).set(auth('unitB')).send({ to: 'under_review' });
    expect(review.status).toBe(400);
    const edit = await app.request().put(`/api/proposals/${proposal.unitB}`).set(auth('unitB')).send({ data: { objectives: 'Diubah setelah diajukan' } });
    expect(edit.status).toBe(400);
    const withdraw = await app.request().post(`/api/proposals/${proposal.unitB}/transitions`).set(auth('unitB')).send({ to: 'withdrawn', reason: 'Mitra membatalkan' });
    expect(withdraw.status).toBe(200);
    const workflow = await app.request().get(`/api/proposals/${proposal.unitB}/workflow`).set(auth('unitB'));
    expect(workflow.body.data.history.map((entry: Row) => entry.toState)).toEqual(['withdrawn', 'submitted']);
  });

  test('an API token may move records through the same route but never approve', async () => {
    const created = await app.request().post('/api/proposals').set('Authorization', `Bearer ${token}`).send({ data: { title: 'Dari token', objectives: 'T', plannedYear: 2027, unit: units.unitB.documentId, prospectivePartnerName: 'PT Y' } });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    for (const to of ['submitted', 'under_review']) {
      expect((await app.request().post(`/api/proposals/${id}/transitions`).set('Authorization', `Bearer ${token}`).send({ to })).status).toBe(200);
    }
    await app.strapi.documents('api::proposal.proposal').update({ documentId: id, data: { analysis: { visionAlignment: 'a', needsAlignment: 'b', feasibility: 'c', risk: 'd', recommendation: 'proceed' } } as never });
    expect((await app.request().post(`/api/proposals/${id}/transitions`).set('Authorization', `Bearer ${token}`).send({ to: 'recommended' })).status).toBe(200);
    const approve = await app.request().post(`/api/proposals/${id}/transitions`).set('Authorization', `Bearer ${token}`).send({ to: 'approved' });
    expect(approve.status).toBe(400);
    expect(approve.body.error.message).toMatch(/API token/);
    expect((await app.strapi.db.query('api::proposal.proposal').findOne({ where: { documentId: id } })).workflowState).toBe('recommended');
  });

  test('a unit answers a revision request: edits the returned proposal and resubmits it', async () => {
    const asToken = (documentId: string, body: Record<string, unknown>) =>
      app.request().post(`/api/proposals/${documentId}/transitions`).set('Authorization', `Bearer ${token}`).send(body);
    const id = proposal.unitA;
    expect((await app.request().post(`/api/proposals/${id}/transitions`).set(auth('unitA')).send({ to: 'submitted' })).status).toBe(200);
    expect((await asToken(id, { to: 'under_review' })).status).toBe(200);
    expect((await asToken(id, { to: 'revision_requested', reason: 'Lengkapi manfaat bagi mahasiswa' })).status).toBe(200);
    const workflow = await app.request().get(`/api/proposals/${id}/workflow`).set(auth('unitA'));
    expect(workflow.body.data.history[0]).toMatchObject({ toState: 'revision_requested', reason: 'Lengkapi manfaat bagi mahasiswa' });
    expect(workflow.body.data.available.map((move: Row) => move.name)).toEqual(['resubmit']);
    const edit = await app.request().put(`/api/proposals/${id}`).set(auth('unitA')).send({ data: { expectedBenefit: 'Mahasiswa mendapat 20 SKS' } });
    expect(edit.status).toBe(200);
    expect((await app.request().post(`/api/proposals/${id}/transitions`).set(auth('unitA')).send({ to: 'submitted' })).status).toBe(200);
    const stored = (await app.strapi.db.query('api::proposal.proposal').findOne({ where: { documentId: id } })) as Row;
    expect(stored).toMatchObject({ workflowState: 'submitted', expectedBenefit: 'Mahasiswa mendapat 20 SKS' });
  });

  test.each([
    ['annual-programs', 'api::annual-program.annual-program', { year: 2099, title: 'Program uji' }, 'submitted'],
    ['meeting-minutes', 'api::meeting-minute.meeting-minute', { number: 'NOT/UJI/1', title: 'Rapat', meetingDate: '2026-02-01', kind: 'internal' }, 'final'],
    ['evaluation-reports', 'api::evaluation-report.evaluation-report', { year: 2098, title: 'Laporan' }, 'final'],
  ])('the same route exists for %s', async (plural, uid, data, to) => {
    const doc = (await app.strapi.documents(uid as never).create({ data } as never)) as Row;
    const unitUser = await app.request().post(`/api/${plural}/${doc.documentId}/transitions`).set(auth('unitA')).send({ to });
    expect(unitUser.status).toBe(403);
    const viaToken = await app.request().get(`/api/${plural}/${doc.documentId}/workflow`).set('Authorization', `Bearer ${token}`);
    expect(viaToken.status).toBe(200);
    expect(viaToken.body.data.state).toBe('draft');
  });
});

describe('closed registration', () => {
  test('POST /api/auth/local/register is refused and creates no user', async () => {
    const before = await app.strapi.db.query('plugin::users-permissions.user').count();
    const response = await app.request().post('/api/auth/local/register').send({ username: 'penyusup', email: 'penyusup@luar.test', password: 'Rahasia-123' });
    expect([403, 404, 405]).toContain(response.status);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count()).toBe(before);
  });
});
