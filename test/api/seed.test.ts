import { setupStrapi, type TestApp } from '../helpers/strapi';
import { REST_PATHS, uidOf, type TypeName } from '../helpers/fixtures';

let app: TestApp;
const ALL_UIDS = [...(Object.keys(REST_PATHS) as TypeName[]).map(uidOf), 'api::transition-log.transition-log'];

/** Row count and latest change of every content type: a second boot must leave both alone. */
const snapshot = async () => {
  const result: Record<string, { count: number; lastUpdate: string | null }> = {};
  for (const uid of ALL_UIDS) {
    const rows = await app.strapi.db.query(uid as never).findMany({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' }, limit: 1 });
    result[uid] = { count: await app.strapi.db.query(uid as never).count(), lastUpdate: rows[0] ? String(rows[0].updatedAt) : null };
  }
  return result;
};

beforeAll(async () => {
  app = await setupStrapi({ SEED_DEMO: 'true' }, { fresh: true });
});
afterAll(() => app?.destroy());

test("Polibatam's four departments and their study programs are units", async () => {
  const departments = await app.strapi.db.query('api::unit.unit').findMany({ where: { kind: 'department' } });
  expect(departments.map((unit: { code: string }) => unit.code).sort()).toEqual(['JMB', 'JTE', 'JTI', 'JTM']);
  const programs = await app.strapi.db.query('api::unit.unit').findMany({ where: { kind: 'study_program' }, populate: ['parent'] });
  expect(programs.length).toBeGreaterThanOrEqual(20);
  for (const program of programs) expect(program.parent.kind).toBe('department');
});

test('the five KPI codes of PR.28.1 are seeded', async () => {
  const kpis = await app.strapi.db.query('api::kpi.kpi').findMany();
  expect(kpis.map((kpi: { code: string }) => kpi.code).sort()).toEqual(['B.1.2.5.8', 'B.1.2.6.16.c', 'B.1.2.9.1', 'B.1.2.9.2', 'B.1.2.9.3']);
});

test('cooperation types carry a tridharma area and, where one applies, an IKU 6 criterion', async () => {
  const types = await app.strapi.db.query('api::cooperation-type.cooperation-type').findMany();
  expect(types.length).toBeGreaterThanOrEqual(10);
  expect(types.every((type: { tridharma: string }) => Boolean(type.tridharma))).toBe(true);
  expect(types.some((type: { iku6Criterion: string | null }) => type.iku6Criterion === 'internship_semester')).toBe(true);
});

test('the demo year is alive and recognisable as demo', async () => {
  const partners = await app.strapi.db.query('api::partner.partner').findMany({ where: { publishedAt: null } });
  expect(partners.length).toBeGreaterThanOrEqual(10);
  expect(partners.every((partner: { name: string }) => partner.name.startsWith('[DEMO]'))).toBe(true);
  expect(new Set(partners.map((partner: { level: string }) => partner.level))).toEqual(new Set(['local_regional', 'national', 'international']));

  const agreements = await app.strapi.db.query('api::agreement.agreement').findMany({ populate: ['parent'] });
  expect([...new Set(agreements.map((a: { kind: string }) => a.kind))]).toEqual(expect.arrayContaining(['mou', 'moa', 'ia']));
  expect(agreements.some((a: { kind: string; parent: { kind: string } | null }) => a.kind === 'ia' && a.parent?.kind === 'moa')).toBe(true);
  expect(agreements.some((a: { kind: string; parent: { kind: string } | null }) => a.kind === 'moa' && a.parent?.kind === 'mou')).toBe(true);
  expect(agreements.every((a: { ourNumber: string }) => a.ourNumber.startsWith('DEMO/'))).toBe(true);

  const proposalStates = new Set((await app.strapi.db.query('api::proposal.proposal').findMany()).map((p: { workflowState: string }) => p.workflowState));
  expect(proposalStates.size).toBeGreaterThanOrEqual(4);
  for (const uid of ['api::needs-mapping.needs-mapping', 'api::annual-target.annual-target', 'api::meeting-minute.meeting-minute', 'api::annual-program.annual-program', 'api::monitoring-record.monitoring-record']) {
    expect(await app.strapi.db.query(uid as never).count()).toBeGreaterThan(0);
  }
  // Listed partners are exactly the approved ones with an active agreement.
  const published = await app.strapi.db.query('api::partner.partner').count({ where: { publishedAt: { $notNull: true } } });
  expect(published).toBeGreaterThan(0);
  expect(published).toBeLessThan(partners.length);
});

test('a second boot changes nothing', async () => {
  const before = await snapshot();
  await app.restart();
  expect(await snapshot()).toEqual(before);
});
