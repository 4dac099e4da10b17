import { setupStrapi, type TestApp } from '../helpers/strapi';
import { apiToken } from '../helpers/auth';
import { createUnit, createUnitUser } from '../helpers/participation';
import { tableChecksum } from '../helpers/checksum';

/**
 * Issue 16, item 9: malformed input is a 400 naming the field and changes nothing, never a 5xx
 * (each case below answered 500 on SQLite or PostgreSQL before the guards).
 */
let app: TestApp;
let token: string;
let unitJwt: string;

beforeAll(async () => {
  app = await setupStrapi();
  token = await apiToken(app.strapi);
  const unit = await createUnit(app.strapi, 'department');
  unitJwt = (await createUnitUser(app.strapi, app.request, unit)).jwt;
});
afterAll(() => app?.destroy());

interface Case {
  name: string;
  method: 'get' | 'post' | 'put';
  url: string;
  body?: unknown;
  /** Sent as raw JSON text (deep nesting that JSON.stringify of a literal would not make easily). */
  raw?: string;
  auth?: 'token' | 'unit' | 'none';
  /** A path the error must name (joined with dots), or a word the message must contain. */
  field: string;
}

const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const CASES: Case[] = [
  { name: 'non-number in an integer filter', method: 'get', url: '/api/proposals?filters[plannedYear][$gt]=abc', field: 'plannedYear' },
  { name: 'non-number in an id filter', method: 'get', url: '/api/agreements?filters[id][$eq]=abc', field: 'id' },
  { name: 'non-number in a nested $in', method: 'get', url: '/api/annual-targets?filters[year][$in][0]=x&filters[year][$in][1]=2026', field: 'year' },
  { name: 'non-date in a date filter', method: 'get', url: '/api/agreements?filters[signedDate][$lt]=yesterday', field: 'signedDate' },
  { name: 'impossible date in a date filter', method: 'get', url: '/api/agreements?filters[startDate][$eq]=2026-02-30', field: 'startDate' },
  { name: 'non-boolean in a boolean filter', method: 'get', url: '/api/agreements?filters[indefinite][$eq]=maybe', field: 'indefinite' },
  { name: 'non-datetime in a datetime filter', method: 'get', url: '/api/survey-responses?filters[submittedAt][$gt]=soon', field: 'submittedAt' },
  { name: 'integer past 2^31 in an id filter', method: 'get', url: '/api/agreements?filters[id][$eq]=99999999999', field: 'id' },
  { name: 'integer past 2^31 in a relation filter', method: 'get', url: '/api/agreements?filters[partner][id][$eq]=99999999999', field: 'partner.id' },
  { name: 'sort by junk', method: 'get', url: '/api/agreements?sort[0][title]=sideways', field: 'order' },
  { name: 'pagination junk', method: 'get', url: '/api/agreements?pagination[page]=abc&pagination[pageSize]=x', field: 'positive integer' },
  { name: 'NUL in a string filter', method: 'get', url: '/api/agreements?filters[title][$eq]=a%00b', field: 'filters.title.$eq' },
  { name: 'NUL in a query string parameter', method: 'get', url: '/api/directory?q=a%00b', field: 'q' },
  { name: '20,000-deep JSON body at login', method: 'post', url: '/api/auth/local', raw: deepJson(20_000), auth: 'none', field: 'deeper' },
  { name: '20,000-deep JSON body on a write', method: 'post', url: '/api/units', raw: `{"data":${deepJson(20_000)}}`, field: 'deeper' },
  { name: 'constructor.prototype in a body', method: 'post', url: '/api/units', body: { data: { constructor: { prototype: {} } } }, field: 'data.constructor' },
  { name: '__proto__ key in a body', method: 'post', url: '/api/units', raw: '{"data":{"__proto__":{"admin":true},"code":"P-1","name":"X","kind":"office"}}', field: 'prototype' },
  { name: 'impossible date in a body', method: 'post', url: '/api/agreements', body: { data: { kind: 'mou', ourNumber: 'M/1', title: 'T', startDate: '2026-01-01', endDate: '2027-01-01', signedDate: '2026-02-30' } }, field: 'signedDate' },
  { name: 'missing required fields', method: 'post', url: '/api/annual-targets', body: { data: {} }, field: 'year' },
  { name: 'answers as a string', method: 'post', url: '/api/survey-responses', body: { data: { submittedAt: '2026-04-01T00:00:00.000Z', answers: 'str' } }, field: 'answers' },
  { name: 'NUL in a body string', method: 'post', url: '/api/units', body: { data: { code: 'NUL-1', name: 'a\u0000b', kind: 'office' } }, field: 'data.name' },
  { name: 'integer past 2^31 in a body', method: 'post', url: '/api/annual-targets', body: { data: { year: 2026, metric: 'agreements_signed', targetValue: 99999999999 } }, field: 'targetValue' },
  { name: 'NUL in a unit user body', method: 'post', url: '/api/proposals', auth: 'unit', body: { data: { title: 'a\u0000', objectives: 'x', plannedYear: 2026, prospectivePartnerName: 'PT X' } }, field: 'data.title' },
  { name: 'unit user plannedYear past 2^31', method: 'post', url: '/api/proposals', auth: 'unit', body: { data: { title: 'Usulan', objectives: 'x', plannedYear: 3000000000, prospectivePartnerName: 'PT X' } }, field: 'plannedYear' },
  { name: 'NUL in a survey token', method: 'get', url: '/api/survey-invitations/by-token/a%00b', auth: 'none', field: 'url' },
  { name: 'cyclic GraphQL fragments', method: 'post', url: '/graphql', auth: 'none', body: { query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }, field: 'fragment' },
  { name: 'spread of an unknown fragment', method: 'post', url: '/graphql', auth: 'none', body: { query: 'query { ...Missing }' }, field: 'Missing' },
  { name: 'NUL in GraphQL variables', method: 'post', url: '/graphql', body: { query: 'query($t: String) { agreements(filters: { title: { eq: $t } }) { documentId } }', variables: { t: 'a\u0000b' } }, field: 'variables.t' },
  { name: 'integer past 2^31 in GraphQL', method: 'post', url: '/graphql', body: { query: 'query { proposals(filters: { plannedYear: { gt: 99999999999 } }) { documentId } }' }, field: 'Int' },
];

const send = (c: Case) => {
  let request = app.request()[c.method](c.url);
  const auth = c.auth ?? 'token';
  if (auth === 'token') request = request.set('Authorization', `Bearer ${token}`);
  if (auth === 'unit') request = request.set('Authorization', `Bearer ${unitJwt}`);
  if (c.raw !== undefined) return request.set('Content-Type', 'application/json').send(c.raw);
  return c.body === undefined ? request : request.send(c.body as object);
};

const textOf = (body: unknown) => JSON.stringify(body ?? '');

test.each(CASES)('$name: 400 naming $field, nothing changed', async (c) => {
  const before = await tableChecksum(app.strapi);
  const response = await send(c);
  const paths: string[] = (response.body?.error?.details?.errors ?? response.body?.errors?.[0]?.extensions?.error?.details?.errors ?? []).map((e: { path: string[] }) => e.path.join('.'));
  const named = paths.includes(c.field) || textOf(response.body).includes(c.field);
  if (response.status !== 400 || !named) console.log(c.name, response.status, textOf(response.body).slice(0, 600));
  expect(response.status).toBe(400);
  expect(named).toBe(true);
  expect(await tableChecksum(app.strapi)).toBe(before);
});

test('the server still answers after the malformed requests', async () => {
  expect((await app.request().get('/_health')).status).toBeLessThan(300);
});
