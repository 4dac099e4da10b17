import type { Core } from '@strapi/strapi';
import type supertest from 'supertest';
import { addDays } from '../../src/domain/dates';
import { todayInBatam } from '../../src/workflow/today';

/**
 * A small world for the planning screens, with figures that can be counted by hand (year 2024):
 *
 *   J1 (jurusan) ⊃ P1, P2 (prodi); J2 (jurusan). T1 has an IKU 6 criterion, T2 has none.
 *   PA national, PB international.
 *   A1 MoU  PA  [P1]     [T1]      signed 2024-02-01  2024-02-01..2030-12-31
 *   A2 IA   PB  [P1,P2]  [T1,T2]   signed 2024-03-01  2024-03-01..2025-03-01 (under A1)
 *   A3 MoA  PA  [J2]     [T2]      signed 2023-06-01  2023-06-01..2024-06-30
 *   A4 MoU  PB  [J2]     [T1]      signed 2024-05-05  2025-01-01..2025-06-30
 *   A5 MoU  PA  [J2]     []        signed 2020-01-10  2020-01-10..2030-12-31  never monitored → dormant
 *   A6 MoU  PB  []       []        signed today-100   ..today+30                → expiring
 *   M1 A1 2024-04-01 activities 3, students 10, certificates 2
 *   M2 A2 2024-05-01 activities 2, students 5,  certificates 4
 *   M3 A3 2023-12-01 activities 7 (not 2024)
 *   M5 A1 today-10   activities 1 (keeps A1 from being dormant)
 */
export const FIXTURE_YEAR = 2024;

export interface PlanningWorld {
  units: Record<'J1' | 'P1' | 'P2' | 'J2', string>;
  types: Record<'T1' | 'T2', string>;
  partners: Record<'PA' | 'PB', string>;
  agreements: Record<'A1' | 'A2' | 'A3' | 'A4' | 'A5' | 'A6', string>;
}

let counter = 0;
const tag = () => `${Date.now().toString(36).toUpperCase()}${(counter += 1)}`;

const create = async (strapi: Core.Strapi, uid: string, data: Record<string, unknown>) =>
  ((await strapi.documents(uid as never).create({ data } as never)) as unknown as { documentId: string }).documentId;

export const buildPlanningWorld = async (strapi: Core.Strapi): Promise<PlanningWorld> => {
  const t = tag();
  const unit = (code: string, kind: string, parent?: string) =>
    create(strapi, 'api::unit.unit', { code: `${code}-${t}`, name: `Unit ${code} ${t}`, kind, ...(parent ? { parent } : {}) });
  const J1 = await unit('J1', 'department');
  const P1 = await unit('P1', 'study_program', J1);
  const P2 = await unit('P2', 'study_program', J1);
  const J2 = await unit('J2', 'department');
  const T1 = await create(strapi, 'api::cooperation-type.cooperation-type', { code: `T1-${t}`, name: `Magang ${t}`, tridharma: 'education', iku6Criterion: 'internship_semester' });
  const T2 = await create(strapi, 'api::cooperation-type.cooperation-type', { code: `T2-${t}`, name: `Riset ${t}`, tridharma: 'research' });
  const partner = (name: string, level: string) => create(strapi, 'api::partner.partner', { name: `${name} ${t}`, institutionType: 'industry', level, country: 'ID' });
  const PA = await partner('PT Mitra A', 'national');
  const PB = await partner('Partner B', 'international');
  const today = todayInBatam();
  const agreement = (n: string, data: Record<string, unknown>) => create(strapi, 'api::agreement.agreement', { ourNumber: `${n}/${t}`, title: `Naskah ${n}`, ...data });
  const A1 = await agreement('A1', { kind: 'mou', partner: PA, units: [P1], cooperationTypes: [T1], signedDate: '2024-02-01', startDate: '2024-02-01', endDate: '2030-12-31' });
  const A2 = await agreement('A2', { kind: 'ia', parent: A1, partner: PB, units: [P1, P2], cooperationTypes: [T1, T2], signedDate: '2024-03-01', startDate: '2024-03-01', endDate: '2025-03-01' });
  const A3 = await agreement('A3', { kind: 'moa', partner: PA, units: [J2], cooperationTypes: [T2], signedDate: '2023-06-01', startDate: '2023-06-01', endDate: '2024-06-30' });
  const A4 = await agreement('A4', { kind: 'mou', partner: PB, units: [J2], cooperationTypes: [T1], signedDate: '2024-05-05', startDate: '2025-01-01', endDate: '2025-06-30' });
  const A5 = await agreement('A5', { kind: 'mou', partner: PA, units: [J2], signedDate: '2020-01-10', startDate: '2020-01-10', endDate: '2030-12-31' });
  const A6 = await agreement('A6', { kind: 'mou', partner: PB, signedDate: addDays(today, -100), startDate: addDays(today, -100), endDate: addDays(today, 30) });
  const monitoring = (agreementId: string, monitoredOn: string, activitiesCount: number, studentsWithCredits = 0, certificatesIssued = 0) =>
    create(strapi, 'api::monitoring-record.monitoring-record', { agreement: agreementId, monitoredOn, implementationState: 'on_track', activitiesCount, studentsWithCredits, certificatesIssued });
  await monitoring(A1, '2024-04-01', 3, 10, 2);
  await monitoring(A2, '2024-05-01', 2, 5, 4);
  await monitoring(A3, '2023-12-01', 7);
  await monitoring(A1, addDays(today, -10), 1);
  return { units: { J1, P1, P2, J2 }, types: { T1, T2 }, partners: { PA, PB }, agreements: { A1, A2, A3, A4, A5, A6 } };
};

/**
 * Counts the SQL queries one HTTP call makes (knex `query` events on Strapi's connection), or
 * only those whose SQL `matches`: anything else running meanwhile (a background pass) is counted too.
 */
export const countQueries = async <T>(strapi: Core.Strapi, work: () => Promise<T>, matches: (sql: string) => boolean = () => true): Promise<{ result: T; queries: number }> => {
  let queries = 0;
  const listener = (query: { sql?: string }) => {
    if (matches(query.sql ?? '')) queries += 1;
  };
  const connection = strapi.db.connection as unknown as { on: (event: string, fn: typeof listener) => void; removeListener: (event: string, fn: typeof listener) => void };
  connection.on('query', listener);
  try {
    const result = await work();
    return { result, queries };
  } finally {
    connection.removeListener('query', listener);
  }
};

/** An admin role with no permission at all, for the "403 everywhere" checks. */
export const ensureEmptyRole = async (strapi: Core.Strapi, name = 'Tanpa Izin Planning') => {
  const roleService = strapi.service('admin::role');
  if (!(await roleService.findOne({ name }))) await roleService.create({ name, description: 'No permissions (test)' });
  return name;
};

/** A KPI code of the test's own (the seeded catalogue is left as it is). */
export const createKpi = async (strapi: Core.Strapi) =>
  create(strapi, 'api::kpi.kpi', { code: `KPI-${tag()}`, statement: 'Indikator uji', statementEn: 'Test indicator', source: 'institutional_standard' });

/** A year's program created through the plugin's routes with the given items; returns its documentId and the items'. */
export const createProgramWithItems = async (admin: ReturnType<typeof asAdmin>, year: number, items: Array<Record<string, unknown>>) => {
  const program = await admin.post('/kerjasama/program', { year, title: `Program Kerjasama ${year}` });
  if (program.status !== 201) throw new Error(`Program ${year}: ${program.status} ${JSON.stringify(program.body)}`);
  const programId = program.body.data.documentId as string;
  const itemIds: string[] = [];
  for (const item of items) {
    const created = await admin.post(`/kerjasama/program/${programId}/items`, item);
    if (created.status !== 201) throw new Error(`Item of ${year}: ${created.status} ${JSON.stringify(created.body)}`);
    itemIds.push(created.body.data.documentId as string);
  }
  return { programId, itemIds };
};

export const asAdmin = (request: () => supertest.Agent, jwt: string) => ({
  get: (path: string) => request().get(path).set('Authorization', `Bearer ${jwt}`),
  put: (path: string, body: unknown) => request().put(path).set('Authorization', `Bearer ${jwt}`).send(body as object),
  post: (path: string, body: unknown) => request().post(path).set('Authorization', `Bearer ${jwt}`).send(body as object),
});
