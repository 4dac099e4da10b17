import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, apiToken } from '../helpers/auth';
import { createThrough, DOORS, type DoorCredentials } from '../helpers/doors';
import { uidOf, validPayload, type Created, type TypeName } from '../helpers/fixtures';

let app: TestApp;
let credentials: DoorCredentials;
const created: Created & { studyProgram?: string; office?: string } = {};

const createDoc = async (type: TypeName, data: Record<string, unknown>) =>
  (await app.strapi.documents(uidOf(type) as never).create({ data } as never)) as { documentId: string };

beforeAll(async () => {
  app = await setupStrapi();
  credentials = { apiToken: await apiToken(app.strapi), adminJwt: await adminToken(app.strapi, app.request) };
  created.unit = (await createDoc('unit', { code: 'VAL-DEPT', name: 'Jurusan Validasi', kind: 'department' })).documentId;
  created.studyProgram = (await createDoc('unit', { code: 'VAL-PRODI', name: 'Prodi Validasi', kind: 'study_program', parent: created.unit })).documentId;
  created.office = (await createDoc('unit', { code: 'VAL-OFFICE', name: 'Kantor Validasi', kind: 'office' })).documentId;
  created['cooperation-type'] = (await createDoc('cooperation-type', { code: 'VAL-CT', name: 'Magang', tridharma: 'education' })).documentId;
  created.partner = (await createDoc('partner', validPayload('partner', created))).documentId;
  created.agreement = (await createDoc('agreement', { ...validPayload('agreement', created), ourNumber: 'DUP/001' })).documentId;
  await createDoc('needs-mapping', { year: 2026, unit: created.unit, cooperationType: created['cooperation-type'], priority: 'high' });
});
afterAll(() => app?.destroy());

interface BadInput {
  rule: string;
  type: TypeName;
  data: () => Record<string, unknown>;
  /** The field the error must name. */
  field: string;
  /** GraphQL refuses some inputs by type before they reach Strapi's validation. */
  graphqlRejectsByType?: boolean;
}

const BAD_INPUTS: BadInput[] = [
  { rule: 'missing required field', type: 'unit', data: () => ({ code: 'VAL-X1', kind: 'department' }), field: 'name', graphqlRejectsByType: false },
  { rule: 'unknown enum value', type: 'unit', data: () => ({ code: 'VAL-X2', name: 'X', kind: 'castle' }), field: 'kind', graphqlRejectsByType: true },
  { rule: 'string too long', type: 'unit', data: () => ({ code: 'VAL-X3', name: 'x'.repeat(151), kind: 'office' }), field: 'name' },
  { rule: 'code pattern', type: 'unit', data: () => ({ code: 'lower case', name: 'X', kind: 'office' }), field: 'code' },
  { rule: 'study program under a study program', type: 'unit', data: () => ({ code: 'VAL-X4', name: 'X', kind: 'study_program', parent: created.studyProgram }), field: 'parent' },
  { rule: 'study program under an office', type: 'unit', data: () => ({ code: 'VAL-X5', name: 'X', kind: 'study_program', parent: created.office }), field: 'parent' },
  { rule: 'study program without a department', type: 'unit', data: () => ({ code: 'VAL-X6', name: 'X', kind: 'study_program' }), field: 'parent' },
  { rule: 'related record does not exist', type: 'unit', data: () => ({ code: 'VAL-X7', name: 'X', kind: 'department', parent: 'doesnotexist00000000000' }), field: 'parent' },
  { rule: 'end date before start date', type: 'agreement', data: () => ({ ...validPayload('agreement', created), startDate: '2026-05-01', endDate: '2026-04-30' }), field: 'endDate' },
  { rule: 'duplicate agreement number', type: 'agreement', data: () => ({ ...validPayload('agreement', created), ourNumber: 'DUP/001' }), field: 'ourNumber' },
  { rule: 'amount beyond the range', type: 'agreement', data: () => ({ ...validPayload('agreement', created), value: '10000000000000000' }), field: 'value' },
  { rule: 'agreement without partner', type: 'agreement', data: () => ({ ...validPayload('agreement', created), partner: undefined }), field: 'partner' },
  { rule: 'not a calendar date', type: 'agreement', data: () => ({ ...validPayload('agreement', created), endDate: '2026-13-45' }), field: 'endDate', graphqlRejectsByType: true },
  { rule: 'IA outside its parent MoU period', type: 'agreement', data: () => ({ ...validPayload('agreement', created), kind: 'ia', parent: created.agreement, startDate: '2024-01-01', endDate: '2025-06-30' }), field: 'startDate' },
  { rule: 'partner draft without a name', type: 'partner', data: () => ({ institutionType: 'industry', level: 'national', country: 'ID' }), field: 'name' },
  { rule: 'country not ISO alpha-2', type: 'partner', data: () => ({ ...validPayload('partner', created), country: 'Indonesia' }), field: 'country' },
  { rule: 'duplicate needs mapping', type: 'needs-mapping', data: () => ({ year: 2026, unit: created.unit, cooperationType: created['cooperation-type'], priority: 'low' }), field: 'cooperationType' },
  { rule: 'priority out of range', type: 'needs-mapping', data: () => ({ year: 2027, unit: created.unit, cooperationType: created['cooperation-type'], priority: 'urgent' }), field: 'priority', graphqlRejectsByType: true },
  { rule: 'year out of range', type: 'annual-target', data: () => ({ year: 1899, metric: 'agreements_signed', targetValue: 1 }), field: 'year' },
  { rule: 'negative target', type: 'annual-target', data: () => ({ year: 2026, metric: 'agreements_signed', targetValue: -1 }), field: 'targetValue' },
  { rule: 'proposal without unit', type: 'proposal', data: () => ({ title: 'U', objectives: 'T', plannedYear: 2026, partner: created.partner }), field: 'unit' },
  { rule: 'program item without program', type: 'program-item', data: () => ({ title: 'B' }), field: 'program' },
];

describe.each(DOORS)('through %s', (door) => {
  test.each(BAD_INPUTS)('$rule is refused naming $field and nothing is written', async (input) => {
    const uid = uidOf(input.type);
    const before = await app.strapi.db.query(uid as never).count();
    const outcome = await createThrough(door, input.type, input.data(), { strapi: app.strapi, request: app.request, credentials });

    expect(outcome.ok).toBe(false);
    if (door === 'graphql' && input.graphqlRejectsByType) {
      expect(outcome.errorName).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED|ValidationError/);
      expect(outcome.message).toContain(input.field);
    } else {
      expect(outcome.errorName).toBe('ValidationError');
      expect(outcome.paths).toContain(input.field);
      if (door !== 'graphql' && door !== 'document-service') expect(outcome.status).toBe(400);
    }
    expect(await app.strapi.db.query(uid as never).count()).toBe(before);
  });
});

describe('updates are checked against the whole record', () => {
  test('moving an end date before the stored start date is refused', async () => {
    const outcome = await app
      .request()
      .put(`/api/agreements/${created.agreement}`)
      .set('Authorization', `Bearer ${credentials.apiToken}`)
      .send({ data: { endDate: '2024-12-31' } });
    expect(outcome.status).toBe(400);
    expect(outcome.body.error.details.errors[0].path).toEqual(['endDate']);
    const stored = await app.strapi.documents('api::agreement.agreement').findOne({ documentId: created.agreement! });
    expect(stored?.endDate).toBe('2029-12-31');
  });

  test('malformed JSON gets a 400, not a 500', async () => {
    const response = await app
      .request()
      .post('/api/units')
      .set('Authorization', `Bearer ${credentials.apiToken}`)
      .set('Content-Type', 'application/json')
      .send('{"data": {');
    expect(response.status).toBe(400);
  });

  test('an unknown field is refused naming it', async () => {
    const response = await app
      .request()
      .post('/api/units')
      .set('Authorization', `Bearer ${credentials.apiToken}`)
      .send({ data: { code: 'VAL-Y1', name: 'Y', kind: 'office', colour: 'red' } });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error)).toContain('colour');
  });

  test('bad query parameters get a 400', async () => {
    const response = await app
      .request()
      .get('/api/units?filters[nonexistent][$eq]=1&pagination[pageSize]=abc')
      .set('Authorization', `Bearer ${credentials.apiToken}`);
    expect(response.status).toBe(400);
  });
});
