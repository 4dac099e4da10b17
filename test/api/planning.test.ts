import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, apiToken } from '../helpers/auth';
import { createThrough, DOORS, updateThrough, type DoorCredentials } from '../helpers/doors';
import { writeContext } from '../helpers/dist';
import { transition } from '../helpers/directory-fixtures';
import { asAdmin, buildPlanningWorld, countQueries, createKpi, createProgramWithItems, ensureEmptyRole, FIXTURE_YEAR, type PlanningWorld } from '../helpers/planning-fixtures';

let app: TestApp;
let world: PlanningWorld;
let kapokja: ReturnType<typeof asAdmin>;
const Y = FIXTURE_YEAR;
/** The achievement figures' aggregate queries (one per source; only they name a grouping). */
const isFiguresAggregate = (sql: string) => sql.includes('grouping_name');

interface TargetView {
  documentId: string;
  metric: string;
  targetValue: number;
  achieved: number;
  percent: number | null;
  progress: number;
  unit: { documentId: string } | null;
  cooperationType: { documentId: string } | null;
  partnerLevel: string | null;
}

beforeAll(async () => {
  app = await setupStrapi();
  world = await buildPlanningWorld(app.strapi);
  kapokja = asAdmin(app.request, await adminToken(app.strapi, app.request, ['Kapokja Humas & Kerjasama']));
});
afterAll(() => app?.destroy());

const addTarget = async (body: Record<string, unknown>) => {
  const response = await kapokja.post('/kerjasama/targets', { year: Y, ...body });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};

describe('targets vs achievement, computed from the records', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const { units, types } = world;
    ids.institutionSigned = await addTarget({ metric: 'agreements_signed', targetValue: 4 });
    ids.j1Signed = await addTarget({ unit: units.J1, metric: 'agreements_signed', targetValue: 4 });
    ids.j1t2Signed = await addTarget({ unit: units.J1, cooperationType: types.T2, metric: 'agreements_signed', targetValue: 1 });
    ids.intlSigned = await addTarget({ partnerLevel: 'international', metric: 'agreements_signed', targetValue: 1 });
    ids.p1Activities = await addTarget({ unit: units.P1, metric: 'activities_carried_out', targetValue: 10 });
    ids.iku6 = await addTarget({ metric: 'study_programs_iku6', targetValue: 4 });
    ids.j2Partners = await addTarget({ unit: units.J2, metric: 'active_partners', targetValue: 2 });
    ids.students = await addTarget({ metric: 'students_credit_recognised', targetValue: 0 });
    ids.certificates = await addTarget({ metric: 'certificates_issued', targetValue: 3 });
  });

  test('each target shows the hand-counted achievement, percentage and progress', async () => {
    const response = await kapokja.get(`/kerjasama/targets?year=${Y}`);
    expect(response.status).toBe(200);
    const byId = new Map((response.body.data.targets as TargetView[]).map((t) => [t.documentId, t]));
    const expected: Record<string, [number, number | null, number]> = {
      institutionSigned: [3, 75, 75], // A1, A2, A4
      j1Signed: [2, 50, 50], // A1 (P1), A2 (P1, P2) — a jurusan counts its prodi's agreements once
      j1t2Signed: [1, 100, 100], // A2
      intlSigned: [2, 200, 100], // A2, A4 — over-achievement fills the bar, no more
      p1Activities: [5, 50, 50], // M1 3 + M2 2
      iku6: [2, 50, 50], // P1, P2 through the IA A2 with T1
      j2Partners: [1, 50, 50], // PA through A3 and A5 (A4 starts in 2025)
      students: [15, null, 0], // a target of 0 has no percentage
      certificates: [6, 200, 100],
    };
    for (const [name, [achieved, percent, progress]] of Object.entries(expected)) {
      const target = byId.get(ids[name])!;
      expect({ name, achieved: target.achieved, percent: target.percent, progress: target.progress }).toEqual({ name, achieved, percent, progress });
    }
  });

  test('the institution-wide roll-up counts shared records once', async () => {
    const response = await kapokja.get(`/kerjasama/targets?year=${Y}`);
    const rollUp = Object.fromEntries((response.body.data.rollUp as Array<{ metric: string; target: number; achieved: number; percent: number | null }>).map((row) => [row.metric, [row.target, row.achieved, row.percent]]));
    expect(rollUp).toEqual({
      agreements_signed: [4, 3, 75],
      activities_carried_out: [10, 5, 50], // no institution target: the units' own targets
      active_partners: [2, 2, 100], // PA and PB
      study_programs_iku6: [4, 2, 50],
      students_credit_recognised: [0, 15, null],
      certificates_issued: [3, 6, 200],
    });
    expect(response.body.data.overall).toBe(75); // (75 + 50 + 100 + 50 + 100) / 5
  });

  test('editing a target in place changes its percentage', async () => {
    const response = await kapokja.put(`/kerjasama/targets/${ids.j1Signed}`, { targetValue: 8, notes: 'Dinaikkan' });
    expect(response.status).toBe(200);
    const report = await kapokja.get(`/kerjasama/targets?year=${Y}`);
    const target = (report.body.data.targets as TargetView[]).find((t) => t.documentId === ids.j1Signed)!;
    expect([target.targetValue, target.achieved, target.percent]).toEqual([8, 2, 25]);
  });

  test('the XLSX export is a spreadsheet with a file name', async () => {
    const response = await kapokja.get(`/kerjasama/targets/export?year=${Y}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toContain(`target-kerjasama-${Y}.xlsx`);
    expect((response.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('dashboard', () => {
  test('pipeline, expiring, dormant and achievement come from the records', async () => {
    const response = await kapokja.get(`/kerjasama/dashboard?year=${Y}`);
    expect(response.status).toBe(200);
    const data = response.body.data;
    expect(data.expiring.items.map((a: { documentId: string }) => a.documentId)).toEqual([world.agreements.A6]);
    expect(data.dormant.items.map((a: { documentId: string }) => a.documentId)).toEqual([world.agreements.A5]);
    expect(data.expiring.total).toBe(1);
    expect(data.dormant.total).toBe(1);
    expect(data.achievement.rollUp).toHaveLength(6);
    const j1 = data.achievement.units.find((u: { documentId: string }) => u.documentId === world.units.J1);
    expect(j1.targets).toBe(2);
    expect(data.satisfaction).toBeNull();
  });

  test('an agreement whose partner is listed (a draft and a published row) is counted once, with its partner', async () => {
    // Listing a partner publishes it: its agreements then link both of its rows.
    for (const partner of [world.partners.PA, world.partners.PB]) {
      await transition(app.strapi, partner, 'proposed');
      await transition(app.strapi, partner, 'approved');
    }
    const response = await kapokja.get(`/kerjasama/dashboard?year=${Y}`);
    expect(response.status).toBe(200);
    const { expiring, dormant } = response.body.data;
    expect([expiring.total, dormant.total]).toEqual([1, 1]);
    expect(expiring.items.map((a: { documentId: string }) => a.documentId)).toEqual([world.agreements.A6]);
    expect(dormant.items.map((a: { documentId: string }) => a.documentId)).toEqual([world.agreements.A5]);
    expect(expiring.items[0].partnerName).toMatch(/^Partner B /);
    expect(dormant.items[0].partnerName).toMatch(/^PT Mitra A /);
  });

  test('an unknown year is a 400 naming the field', async () => {
    const response = await kapokja.get('/kerjasama/dashboard?year=1850');
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['year']);
  });
});

describe('needs mapping', () => {
  const mappingCount = () => app.strapi.db.query('api::needs-mapping.needs-mapping').count({});

  test('a cell is created, then edited in place, and kept', async () => {
    const set = await kapokja.put('/kerjasama/mapping/cells', { year: Y, unit: world.units.P1, cooperationType: world.types.T1, priority: 'high', rationale: 'Magang wajib', source: 'unit_request' });
    expect(set.status).toBe(200);
    const again = await kapokja.put('/kerjasama/mapping/cells', { year: Y, unit: world.units.P1, cooperationType: world.types.T1, priority: 'low' });
    expect(again.status).toBe(200);
    const cells = again.body.data.cells.filter((c: { unitId: number; priority: string }) => c.priority);
    const p1 = again.body.data.units.find((u: { documentId: string }) => u.documentId === world.units.P1);
    const cell = cells.find((c: { unitId: number }) => c.unitId === p1.id);
    expect([cell.priority, cell.rationale, cell.source]).toEqual(['low', 'Magang wajib', 'unit_request']);
  });

  test.each([
    ['year', { year: 1850, unit: 'P1', cooperationType: 'T1', priority: 'high' }],
    ['year', { year: 'tahun ini', unit: 'P1', cooperationType: 'T1', priority: 'high' }],
    ['unit', { year: Y, unit: 'no-such-unit', cooperationType: 'T1', priority: 'high' }],
    ['cooperationType', { year: Y, unit: 'P1', cooperationType: 'no-such-type', priority: 'high' }],
    ['priority', { year: Y, unit: 'P1', cooperationType: 'T2', priority: 'urgent' }],
    ['priority', { year: Y, unit: 'P1', cooperationType: 'T2', priority: 4 }],
  ])('bad input (%s) is a 400 naming the field and changes nothing', async (field, raw) => {
    const body = { ...raw, unit: raw.unit === 'P1' ? world.units.P1 : raw.unit, cooperationType: raw.cooperationType === 'T1' ? world.types.T1 : raw.cooperationType === 'T2' ? world.types.T2 : raw.cooperationType };
    const before = await mappingCount();
    const stored = await app.strapi.db.query('api::needs-mapping.needs-mapping').findMany({ select: ['priority'] });
    const response = await kapokja.put('/kerjasama/mapping/cells', body);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toContain(field);
    expect(await mappingCount()).toBe(before);
    expect(await app.strapi.db.query('api::needs-mapping.needs-mapping').findMany({ select: ['priority'] })).toEqual(stored);
  });

  test('copy from last year fills only the cells the year does not have', async () => {
    await kapokja.put('/kerjasama/mapping/cells', { year: Y - 1, unit: world.units.P1, cooperationType: world.types.T1, priority: 'high' });
    await kapokja.put('/kerjasama/mapping/cells', { year: Y - 1, unit: world.units.J2, cooperationType: world.types.T2, priority: 'medium', rationale: 'Riset terapan' });
    const response = await kapokja.post('/kerjasama/mapping/copy-previous-year', { year: Y });
    expect(response.status).toBe(200);
    expect(response.body.data.copied).toBe(1);
    const j2 = response.body.data.matrix.units.find((u: { documentId: string }) => u.documentId === world.units.J2);
    const copied = response.body.data.matrix.cells.find((c: { unitId: number }) => c.unitId === j2.id);
    expect([copied.priority, copied.rationale]).toEqual(['medium', 'Riset terapan']);
    const p1 = response.body.data.matrix.units.find((u: { documentId: string }) => u.documentId === world.units.P1);
    expect(response.body.data.matrix.cells.find((c: { unitId: number }) => c.unitId === p1.id).priority).toBe('low'); // kept
  });
});

describe('targets: bad input', () => {
  const targetCount = () => app.strapi.db.query('api::annual-target.annual-target').count({});
  test.each([
    ['year', { year: 1999, metric: 'agreements_signed', targetValue: 1 }],
    ['unit', { year: Y, unit: 'no-such-unit', metric: 'agreements_signed', targetValue: 1 }],
    ['metric', { year: Y, metric: 'happiness', targetValue: 1 }],
    ['targetValue', { year: Y, metric: 'agreements_signed', targetValue: -1 }],
    ['partnerLevel', { year: Y, metric: 'agreements_signed', partnerLevel: 'galactic', targetValue: 1 }],
  ])('%s: 400 naming the field, nothing created', async (field, body) => {
    const before = await targetCount();
    const response = await kapokja.post('/kerjasama/targets', body);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toContain(field);
    expect(await targetCount()).toBe(before);
  });

  test('a duplicate target (same year, scope and metric) is refused by the field rules', async () => {
    const before = await targetCount();
    const response = await kapokja.post('/kerjasama/targets', { year: Y, metric: 'agreements_signed', targetValue: 9 });
    expect(response.status).toBe(400);
    expect(await targetCount()).toBe(before);
  });

  test('a value out of range on edit is refused and the stored value stays', async () => {
    const report = await kapokja.get(`/kerjasama/targets?year=${Y}`);
    const target = report.body.data.targets[0] as TargetView;
    const response = await kapokja.put(`/kerjasama/targets/${target.documentId}`, { targetValue: 2_000_000 });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['targetValue']);
    const after = await kapokja.get(`/kerjasama/targets?year=${Y}`);
    expect((after.body.data.targets as TargetView[]).find((t) => t.documentId === target.documentId)!.targetValue).toBe(target.targetValue);
  });
});

describe('permissions per role', () => {
  test('a user with no plugin permission gets 403 from every plugin route', async () => {
    const none = asAdmin(app.request, await adminToken(app.strapi, app.request, [await ensureEmptyRole(app.strapi)]));
    type Route = { method: string; path: string; config?: { auth?: false } };
    const allRoutes = (app.strapi.plugin('kerjasama').routes as unknown as { admin: { routes: Route[] } }).admin.routes;
    // The import's progress is polled by an unguessable job token, without a session (SQLite's one
    // connection is held by the job); it is the only route without auth, and says nothing for a token it did not issue.
    const tokenRoutes = allRoutes.filter((route) => route.config?.auth === false);
    expect(tokenRoutes.map((route) => `${route.method} ${route.path}`)).toEqual(['GET /import/progress/:token']);
    const unknownToken = await none.get('/kerjasama/import/progress/0123456789abcdef0123456789abcdef');
    expect(unknownToken.status).toBeGreaterThanOrEqual(400);
    expect(unknownToken.status).toBeLessThan(500);
    expect(unknownToken.body.data ?? null).toBeNull();
    const routes = allRoutes.filter((route) => !tokenRoutes.includes(route));
    expect(routes.length).toBeGreaterThanOrEqual(17);
    for (const route of routes) {
      const path = `/kerjasama${route.path.replace(':uid', 'api::annual-program.annual-program').replace(':documentId', 'x')}?year=${Y}`;
      const response = route.method === 'GET' ? await none.get(path) : route.method === 'PUT' ? await none.put(path, { year: Y }) : await none.post(path, { year: Y });
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({ route: `${route.method} ${route.path}`, status: 403 });
    }
  });

  test('the Director reads but cannot edit the mapping or the targets', async () => {
    const director = asAdmin(app.request, await adminToken(app.strapi, app.request, ['Direktur']));
    expect((await director.get(`/kerjasama/mapping?year=${Y}`)).status).toBe(200);
    expect((await director.put('/kerjasama/mapping/cells', { year: Y, unit: world.units.P2, cooperationType: world.types.T1, priority: 'high' })).status).toBe(403);
    expect((await director.post('/kerjasama/targets', { year: Y, metric: 'certificates_issued', unit: world.units.P2, targetValue: 1 })).status).toBe(403);
    expect((await director.post('/kerjasama/program', { year: Y })).status).toBe(403);
  });

  test('program: Kapokja submits, Staf Humas cannot approve, the Director approves', async () => {
    const staf = asAdmin(app.request, await adminToken(app.strapi, app.request, ['Staf Humas']));
    const director = asAdmin(app.request, await adminToken(app.strapi, app.request, ['Direktur']));
    const created = await kapokja.post('/kerjasama/program', { year: Y, title: 'Program Kerjasama 2024' });
    expect(created.status).toBe(201);
    const programId = created.body.data.documentId as string;
    const item = await staf.post(`/kerjasama/program/${programId}/items`, { title: 'Magang industri', partner: world.partners.PA, cooperationType: world.types.T1, units: [world.units.P1], quarter: 'Q2', budget: 5000000 });
    expect(item.status).toBe(201);
    const badItem = await staf.post(`/kerjasama/program/${programId}/items`, { title: 'X', units: ['no-such-unit'], quarter: 'Q9' });
    expect(badItem.status).toBe(400);

    const view = await kapokja.get(`/kerjasama/program?year=${Y}`);
    expect(view.body.data.items).toHaveLength(1);
    // The high-priority need P1 × T1 was set to low above; J2 × T2 (medium) is not a high need.
    expect(view.body.data.coverage.targets.length).toBeGreaterThan(0);

    expect((await staf.post(`/kerjasama/program/${programId}/transitions`, { to: 'submitted' })).status).toBe(400); // the workflow: only Kapokja submits
    expect((await kapokja.post(`/kerjasama/program/${programId}/transitions`, { to: 'submitted' })).status).toBe(200);
    expect((await staf.post(`/kerjasama/program/${programId}/transitions`, { to: 'approved' })).status).toBe(403);
    expect((await kapokja.post(`/kerjasama/program/${programId}/transitions`, { to: 'approved' })).status).toBe(403);
    const approved = await director.post(`/kerjasama/program/${programId}/transitions`, { to: 'approved' });
    expect(approved.status).toBe(200);
    expect(approved.body.data.state).toBe('approved');
    const after = await director.get(`/kerjasama/program?year=${Y}`);
    expect(after.body.data.program.workflowState).toBe('approved');
    expect(after.body.data.program.approvedBy).toBeTruthy();
    expect(after.body.data.program.approvedSnapshot.items).toHaveLength(1);
    // Locked now: a new item is refused by the workflow rules.
    expect((await kapokja.post(`/kerjasama/program/${programId}/items`, { title: 'Terlambat' })).status).toBe(400);
  });
});

interface ItemView {
  documentId: string;
  title: string;
  quarter: string | null;
  budget: number | null;
  expectedOutput: string | null;
  partner: { documentId: string } | null;
  cooperationType: { documentId: string } | null;
  units: Array<{ documentId: string }>;
  kpis: Array<{ documentId: string; code: string }>;
}

describe('program items: edited in place, with the choices the form offers', () => {
  const EDIT_YEAR = Y + 2;
  let programId: string;
  let itemId: string;
  let kpi: string;
  const itemsOf = async (year: number) => {
    const response = await kapokja.get(`/kerjasama/program?year=${year}`);
    expect(response.status).toBe(200);
    return response.body.data.items as ItemView[];
  };
  const itemOf = async (year: number, documentId: string) => (await itemsOf(year)).find((item) => item.documentId === documentId)!;

  beforeAll(async () => {
    kpi = await createKpi(app.strapi);
    ({ programId, itemIds: [itemId] } = await createProgramWithItems(kapokja, EDIT_YEAR, [
      { title: 'Magang industri', partner: world.partners.PA, cooperationType: world.types.T1, units: [world.units.P1], quarter: 'Q1', budget: 1000000 },
    ]));
  });

  test('an item added with partner, type, units and KPIs keeps them', async () => {
    const created = await kapokja.post(`/kerjasama/program/${programId}/items`, { title: 'Riset bersama', partner: world.partners.PB, cooperationType: world.types.T2, units: [world.units.J2], kpis: [kpi], quarter: 'Q4' });
    expect(created.status).toBe(201);
    const item = await itemOf(EDIT_YEAR, created.body.data.documentId);
    expect([item.partner?.documentId, item.cooperationType?.documentId, item.units.map((u) => u.documentId), item.kpis.map((k) => k.documentId), item.quarter])
      .toEqual([world.partners.PB, world.types.T2, [world.units.J2], [kpi], 'Q4']);
  });

  test('editing an item of a draft program changes it', async () => {
    const response = await kapokja.put(`/kerjasama/program/items/${itemId}`, {
      title: '  Magang industri satu semester ', quarter: 'Q3', budget: 7500000, expectedOutput: '20 mahasiswa magang',
      partner: world.partners.PB, cooperationType: world.types.T2, units: [world.units.P2, world.units.J2], kpis: [kpi],
    });
    expect(response.status).toBe(200);
    const item = await itemOf(EDIT_YEAR, itemId);
    expect({
      title: item.title, quarter: item.quarter, budget: item.budget, expectedOutput: item.expectedOutput, partner: item.partner?.documentId,
      cooperationType: item.cooperationType?.documentId, units: item.units.map((u) => u.documentId).sort(), kpis: item.kpis.map((k) => k.documentId),
    }).toEqual({
      title: 'Magang industri satu semester', quarter: 'Q3', budget: 7500000, expectedOutput: '20 mahasiswa magang', partner: world.partners.PB,
      cooperationType: world.types.T2, units: [world.units.P2, world.units.J2].sort(), kpis: [kpi],
    });
  });

  test('an edit changes only the fields it sends; null clears', async () => {
    const before = await itemOf(EDIT_YEAR, itemId);
    expect((await kapokja.put(`/kerjasama/program/items/${itemId}`, { quarter: 'Q2', partner: null })).status).toBe(200);
    expect(await itemOf(EDIT_YEAR, itemId)).toEqual({ ...before, quarter: 'Q2', partner: null });
    expect((await kapokja.put(`/kerjasama/program/items/${itemId}`, { partner: world.partners.PB })).status).toBe(200);
  });

  test.each([
    ['partner', { partner: 'no-such-partner' }],
    ['units', { units: ['P1', 'no-such-unit'] }],
    ['units', { units: 'P1' }],
    ['kpis', { kpis: ['no-such-kpi'] }],
    ['cooperationType', { cooperationType: 'no-such-type' }],
    ['quarter', { quarter: 'Q5' }],
    ['budget', { budget: -1 }],
    ['budget', { budget: 'banyak' }],
    ['budget', { budget: 12.5 }],
    ['budget', { budget: 1e15 }],
    ['budget', { budget: { amount: 1 } }],
    ['title', { title: '' }],
    ['title', { title: '   ' }],
  ])('bad input (%s) is a 400 naming the field and changes nothing', async (field, body) => {
    const resolved = 'units' in body && Array.isArray(body.units) ? { units: body.units.map((unit) => (unit === 'P1' ? world.units.P1 : unit)) } : body;
    const before = await itemOf(EDIT_YEAR, itemId);
    const response = await kapokja.put(`/kerjasama/program/items/${itemId}`, { title: 'Judul baru', quarter: 'Q4', ...resolved });
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(response.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toEqual([field]);
    expect(await itemOf(EDIT_YEAR, itemId)).toEqual(before);
  });

  test('an unknown item is a 404', async () => {
    expect((await kapokja.put('/kerjasama/program/items/no-such-item', { title: 'X' })).status).toBe(404);
  });

  test('the Director (no "manage program") gets 403 and nothing changes', async () => {
    const director = asAdmin(app.request, await adminToken(app.strapi, app.request, ['Direktur']));
    const before = await itemOf(EDIT_YEAR, itemId);
    expect((await director.put(`/kerjasama/program/items/${itemId}`, { title: 'Diubah Direktur' })).status).toBe(403);
    expect((await director.get('/kerjasama/program/choices')).status).toBe(403);
    expect(await itemOf(EDIT_YEAR, itemId)).toEqual(before);
  });

  test('the choices route gives partners, types, units in their tree and KPIs, in a constant number of queries', async () => {
    // The fewest queries of three calls (background work after a write can land in one call's window).
    const measure = async () => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const calls = [];
      for (let call = 0; call < 3; call += 1) calls.push(await countQueries(app.strapi, () => kapokja.get('/kerjasama/program/choices')));
      return { response: calls[0].result, queries: Math.min(...calls.map((call) => call.queries)) };
    };
    const { response, queries } = await measure();
    expect(response.status).toBe(200);
    const data = response.body.data as {
      partners: Array<{ id: number; documentId: string; name: string }>;
      cooperationTypes: Array<{ documentId: string; code: string }>;
      units: Array<{ documentId: string; code: string; path: string; depth: number }>;
      kpis: Array<{ documentId: string; code: string }>;
    };
    const partnerIds = data.partners.map((p) => p.documentId);
    expect(partnerIds).toEqual(expect.arrayContaining([world.partners.PA, world.partners.PB]));
    expect(new Set(partnerIds).size).toBe(partnerIds.length); // a listed partner's published copy is not a second choice
    expect(data.partners.every((p) => typeof p.id === 'number' && p.name)).toBe(true);
    expect(data.cooperationTypes.map((t) => t.documentId)).toEqual(expect.arrayContaining([world.types.T1, world.types.T2]));
    expect(data.kpis.map((k) => k.documentId)).toContain(kpi);
    // A department comes first, then its study programs, labelled with the path.
    const at = (documentId: string) => data.units.findIndex((u) => u.documentId === documentId);
    const j1 = data.units[at(world.units.J1)];
    const p1 = data.units[at(world.units.P1)];
    expect([j1.depth, p1.depth, p1.path]).toEqual([0, 1, `${j1.code} › ${p1.code}`]);
    expect(at(world.units.J1)).toBeLessThan(at(world.units.P1));
    expect(at(world.units.P1)).toBeLessThan(at(world.units.P2));

    await buildPlanningWorld(app.strapi);
    await createKpi(app.strapi);
    const again = await measure();
    expect(again.response.body.data.partners.length).toBe(data.partners.length + 2);
    expect(again.queries).toBe(queries);
    // Five reads (partners, types, units and their parents, KPIs) besides the admin session's own.
    expect(queries).toBeLessThanOrEqual(10);
  });

  test('a submitted, then approved program refuses edits of its items (the frozen rule) and nothing changes', async () => {
    const director = asAdmin(app.request, await adminToken(app.strapi, app.request, ['Direktur']));
    expect((await kapokja.post(`/kerjasama/program/${programId}/transitions`, { to: 'submitted' })).status).toBe(200);
    const before = await itemOf(EDIT_YEAR, itemId);
    for (const body of [{ title: 'Terlambat' }, { units: [world.units.J1] }, { budget: 1 }]) {
      const refused = await kapokja.put(`/kerjasama/program/items/${itemId}`, body);
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
    }
    expect(await itemOf(EDIT_YEAR, itemId)).toEqual(before);

    expect((await director.post(`/kerjasama/program/${programId}/transitions`, { to: 'approved' })).status).toBe(200);
    const refused = await kapokja.put(`/kerjasama/program/items/${itemId}`, { title: 'Terlambat' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors[0].path).toEqual(['title']);
    expect(await itemOf(EDIT_YEAR, itemId)).toEqual(before);
  });
});

describe('start from last year', () => {
  const PREVIOUS = Y + 5;
  const YEAR = Y + 6;
  let previousItems: string[];
  let kpi: string;
  const itemCount = () => app.strapi.db.query('api::program-item.program-item').count({ where: { program: { year: YEAR } } });
  const start = async () => {
    const response = await kapokja.post('/kerjasama/program/start-from-last-year', { year: YEAR });
    expect(response.status).toBe(200);
    return response.body.data as { itemsCarried: number; itemsAlreadyCarried: number; targetsCarried: number };
  };

  beforeAll(async () => {
    kpi = await createKpi(app.strapi);
    // Last year: two unfinished items and one cancelled, and a target it did not meet.
    const previous = await createProgramWithItems(kapokja, PREVIOUS, [
      { title: 'Magang lanjutan', partner: world.partners.PA, cooperationType: world.types.T1, units: [world.units.P1], kpis: [kpi], quarter: 'Q2', budget: 2000000 },
      { title: 'Riset lanjutan', units: [world.units.J2] },
      { title: 'Dibatalkan', quarter: 'Q1' },
    ]);
    previousItems = previous.itemIds;
    const director = asAdmin(app.request, await adminToken(app.strapi, app.request, ['Direktur']));
    expect((await kapokja.post(`/kerjasama/program/${previous.programId}/transitions`, { to: 'submitted' })).status).toBe(200);
    expect((await director.post(`/kerjasama/program/${previous.programId}/transitions`, { to: 'approved' })).status).toBe(200);
    const cancelled = await kapokja.post(`/kerjasama/workflow/api::program-item.program-item/${previousItems[2]}/transitions`, { to: 'cancelled', reason: 'Mitra mundur' });
    expect(cancelled.status).toBe(200);
    await addTarget({ year: PREVIOUS, unit: world.units.J2, metric: 'agreements_signed', targetValue: 50 });
  });

  test('a second run carries nothing new: items and targets are carried once', async () => {
    const first = await start();
    expect([first.itemsCarried, first.itemsAlreadyCarried]).toEqual([2, 0]);
    expect(first.targetsCarried).toBeGreaterThanOrEqual(1);
    expect(await itemCount()).toBe(2);

    const second = await start();
    expect(second).toMatchObject({ itemsCarried: 0, itemsAlreadyCarried: 2, targetsCarried: 0 });
    expect(await itemCount()).toBe(2);
  });

  test('a carried item keeps its plan and names where it came from, even once edited', async () => {
    const view = await kapokja.get(`/kerjasama/program?year=${YEAR}`);
    const carried = (view.body.data.items as ItemView[]).find((item) => item.title === 'Magang lanjutan')!;
    expect([carried.partner?.documentId, carried.cooperationType?.documentId, carried.units.map((u) => u.documentId), carried.kpis.map((k) => k.documentId), carried.quarter, carried.budget])
      .toEqual([world.partners.PA, world.types.T1, [world.units.P1], [kpi], 'Q2', 2000000]);
    const stored = await app.strapi.db.query('api::program-item.program-item').findOne({ where: { documentId: carried.documentId }, populate: { carriedFrom: true } });
    expect(stored.carriedFrom.documentId).toBe(previousItems[0]);

    expect((await kapokja.put(`/kerjasama/program/items/${carried.documentId}`, { title: 'Magang lanjutan (diperluas)' })).status).toBe(200);
    expect(await start()).toMatchObject({ itemsCarried: 0, itemsAlreadyCarried: 2 });
    expect(await itemCount()).toBe(2);
  });
});

describe('prepared achievement figures follow every write, through every door', () => {
  let credentials: DoorCredentials;
  const achieved = async (documentId: string) => {
    const report = await kapokja.get(`/kerjasama/targets?year=${Y}`);
    expect(report.status).toBe(200);
    return (report.body.data.targets as TargetView[]).find((t) => t.documentId === documentId)!.achieved;
  };
  let signedTarget: string;
  let activitiesTarget: string;
  let fresh: PlanningWorld;
  beforeAll(async () => {
    credentials = { apiToken: await apiToken(app.strapi), adminJwt: await adminToken(app.strapi, app.request) };
    fresh = await buildPlanningWorld(app.strapi);
    signedTarget = await addTarget({ unit: fresh.units.J2, metric: 'agreements_signed', targetValue: 10 });
    activitiesTarget = await addTarget({ unit: fresh.units.J2, metric: 'activities_carried_out', targetValue: 10 });
  });

  test.each(DOORS)('an agreement signed through %s counts in the next report', async (door) => {
    const before = await achieved(signedTarget);
    expect(await achieved(signedTarget)).toBe(before); // prepared, and still right
    const outcome = await createThrough(
      door,
      'agreement',
      { kind: 'mou', ourNumber: `FRESH/${door}/${Date.now()}`, title: `Naskah ${door}`, partner: fresh.partners.PA, units: [fresh.units.J2], signedDate: `${Y}-07-01`, startDate: `${Y}-07-01`, endDate: `${Y + 3}-06-30` },
      { strapi: app.strapi, request: app.request, credentials },
    );
    expect(outcome).toMatchObject({ ok: true });
    expect(await achieved(signedTarget)).toBe(before + 1);
  });

  test.each(DOORS)('a monitoring record changed through %s changes the next report', async (door) => {
    const before = await achieved(activitiesTarget);
    const record = (await app.strapi.documents('api::monitoring-record.monitoring-record' as never).create({
      data: { agreement: fresh.agreements.A3, monitoredOn: `${Y}-02-01`, implementationState: 'on_track', activitiesCount: 1 },
    } as never)) as unknown as { documentId: string };
    expect(await achieved(activitiesTarget)).toBe(before + 1);
    const outcome = await updateThrough(door, 'api::monitoring-record.monitoring-record', record.documentId, { activitiesCount: 5 }, { strapi: app.strapi, request: app.request, credentials });
    expect(outcome).toMatchObject({ ok: true });
    expect(await achieved(activitiesTarget)).toBe(before + 5);
  });

  test('once the writes pause, what was in use is prepared again in the background', async () => {
    const before = await achieved(signedTarget);
    await writeContext().runAsSystem('test', () =>
      app.strapi.documents('api::agreement.agreement' as never).create({
        data: { kind: 'mou', ourNumber: `AHEAD/${Date.now()}`, title: 'Naskah disiapkan di latar', partner: fresh.partners.PA, units: [fresh.units.J2], signedDate: `${Y}-09-01`, startDate: `${Y}-09-01`, endDate: `${Y + 3}-08-31` },
      } as never),
    );
    // PLANNING_PREPARE_AHEAD_MS (2 s by default) after the write, the pass runs; wait for it.
    await (app.strapi.plugin('kerjasama').service('prepared').settled() as Promise<void>);
    const { result: value, queries: aggregates } = await countQueries(app.strapi, () => achieved(signedTarget), isFiguresAggregate);
    expect(value).toBe(before + 1);
    // The figures came prepared: none of their aggregates ran for this call. (Only those are
    // counted: any other query running meanwhile is not this call's.)
    expect(aggregates).toBe(0);
    // ...whereas right after a change they do (so the count above can fail).
    await (app.strapi.plugin('kerjasama').service('prepared').changed() as Promise<void>);
    expect((await countQueries(app.strapi, () => achieved(signedTarget), isFiguresAggregate)).queries).toBe(4);
    await (app.strapi.plugin('kerjasama').service('prepared').settled() as Promise<void>);
  });

  test('a study program moved to another department counts for its new department', async () => {
    const unitSigned = await addTarget({ unit: fresh.units.J1, metric: 'agreements_signed', targetValue: 5 });
    const before = { j1: await achieved(unitSigned), j2: await achieved(signedTarget) };
    // P2 (one agreement signed in the year: A2, shared with P1) leaves J1 for J2.
    const outcome = await updateThrough('content-manager', 'api::unit.unit', fresh.units.P2, { parent: fresh.units.J2 }, { strapi: app.strapi, request: app.request, credentials });
    expect(outcome).toMatchObject({ ok: true });
    expect(await achieved(unitSigned)).toBe(before.j1); // A2 still counts for J1 through P1
    expect(await achieved(signedTarget)).toBe(before.j2 + 1);
  });
});

describe('SQL queries per call do not grow with the data', () => {
  // The fewest queries of three calls: work other parts of the system do in the background after
  // a write (e.g. the directory refresh on PostgreSQL) can land in one call's window, while a
  // count that grows with the data would show in every call. Each path is counted with the
  // achievement figures computed afresh (cold) and prepared (warm).
  const dropPreparedFigures = () => app.strapi.plugin('kerjasama').service('prepared').changed() as Promise<void>;
  // What an endpoint itself queries: no background preparation after the writes in between.
  beforeAll(async () => {
    process.env.PLANNING_PREPARE_AHEAD_MS = '0';
    await (app.strapi.plugin('kerjasama').service('prepared').settled() as Promise<void>);
  });
  afterAll(() => {
    delete process.env.PLANNING_PREPARE_AHEAD_MS;
  });
  const measure = async () => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const result: Record<string, { cold: number; warm: number }> = {};
    for (const path of [`/kerjasama/dashboard?year=${Y}`, `/kerjasama/targets?year=${Y}`, `/kerjasama/mapping?year=${Y}`, `/kerjasama/program?year=${Y}`]) {
      const cold: number[] = [];
      const warm: number[] = [];
      for (let call = 0; call < 3; call += 1) {
        await dropPreparedFigures();
        // On PostgreSQL the change is also NOTIFYed, outside the call: let it pass first.
        await new Promise((resolve) => setTimeout(resolve, 100));
        for (const counts of [cold, warm]) {
          const { result: response, queries } = await countQueries(app.strapi, () => kapokja.get(path));
          expect(response.status).toBe(200);
          counts.push(queries);
        }
      }
      result[path] = { cold: Math.min(...cold), warm: Math.min(...warm) };
    }
    return result;
  };

  test('prepared figures save the aggregate queries: four on the targets page, six on the dashboard', async () => {
    const counts = await measure();
    const saved = (page: string) => counts[`/kerjasama/${page}?year=${Y}`].cold - counts[`/kerjasama/${page}?year=${Y}`].warm;
    expect([saved('targets'), saved('dashboard'), saved('mapping'), saved('program')]).toEqual([4, 6, 0, 0]);
  });

  test('the same number of queries with three times the records', async () => {
    const before = await measure();
    for (let round = 0; round < 2; round += 1) await buildPlanningWorld(app.strapi);
    const extra = await buildPlanningWorld(app.strapi);
    await addTarget({ unit: extra.units.P2, cooperationType: extra.types.T1, partnerLevel: 'national', metric: 'activities_carried_out', targetValue: 3 });
    await addTarget({ unit: extra.units.J2, metric: 'agreements_signed', targetValue: 3 });
    await kapokja.put('/kerjasama/mapping/cells', { year: Y, unit: extra.units.P2, cooperationType: extra.types.T2, priority: 'high' });
    const after = await measure();
    expect(after).toEqual(before);
  });
});

describe('indexes', () => {
  test('the planning indexes migration has run (and is re-applied once the tables exist)', async () => {
    const names = ['planning_agreements_signed', 'planning_monitoring_on', 'planning_monitoring_agreement_lnk', 'planning_partners_listed'];
    const knex = app.strapi.db.connection;
    const rows = (app.strapi.db.dialect.client === 'postgres'
      ? (await knex.raw('SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE ?', ['planning_%'])).rows
      : await knex.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'planning_%'")) as Array<{ name: string }>;
    expect(rows.map((row) => row.name)).toEqual(expect.arrayContaining(names));
    const migrations = await knex('strapi_migrations').select('name');
    expect(migrations.map((row: { name: string }) => row.name)).toContain('2026.11.28T00.00.00.planning-indexes.js');
  });
});
