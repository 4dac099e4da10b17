import fc from 'fast-check';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, apiToken } from '../helpers/auth';
import { REST_PATHS } from '../helpers/fixtures';
import { createUnit, createUnitUser } from '../helpers/participation';
import { tableChecksum } from '../helpers/checksum';

/**
 * Property: whatever arrives at a content-API write, a custom route, a plugin admin route
 * (/kerjasama/...), GraphQL or the directory's query string, the answer is never a 5xx, and a refused request changes no table.
 * FUZZ_RUNS (default 600, ~10 s) and FUZZ_SEED reproduce or lengthen a run; the seed is printed.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 600);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? (process.env.FUZZ_RUNS ? 0 : 60_000));

let app: TestApp;
let token: string;
let unitJwt: string;
let adminJwt: string;

beforeAll(async () => {
  app = await setupStrapi();
  token = await apiToken(app.strapi);
  unitJwt = (await createUnitUser(app.strapi, app.request, await createUnit(app.strapi, 'department'))).jwt;
  adminJwt = await adminToken(app.strapi, app.request, ['Kapokja Humas & Kerjasama']);
});
afterAll(() => app?.destroy());

const FIELD_NAMES = ['name', 'title', 'code', 'kind', 'year', 'plannedYear', 'targetValue', 'startDate', 'endDate', 'signedDate', 'value',
  'answers', 'partner', 'unit', 'parent', 'workflowState', 'submittedAt', 'indefinite', 'objectives', 'attachments', 'id', 'documentId',
  '__proto__', 'constructor', 'publishedAt', 'connect', 'set', '$gt', '$in'];

const weird = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '2026-02-30', '99999999999', '-1', 'NaN', 'Infinity', '1e400', 'true', 'null',
    '🙂'.repeat(50), 'x'.repeat(5000), '<script>alert(1)</script>', "' OR 1=1 --", '%00', '../../etc/passwd', '9'.repeat(40)),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER),
  fc.boolean(),
  fc.constant(null),
);

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, weird, fc.array(tie('any'), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...FIELD_NAMES), tie('any'), { maxKeys: 4 })),
})).any;

const deep = fc.integer({ min: 30, max: 3000 }).map((depth) => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) as unknown);
const body = fc.oneof(fc.record({ data: fc.oneof(value, fc.dictionary(fc.constantFrom(...FIELD_NAMES), value, { maxKeys: 6 })) }), value, deep.map((d) => ({ data: d })));

const queryPart = fc.tuple(
  fc.constantFrom('filters[id][$eq]', 'filters[title][$contains]', 'filters[year][$gt]', 'filters[plannedYear][$in][0]', 'filters[startDate][$lt]',
    'filters[partner][id][$eq]', 'filters[$or][0][name]', 'sort', 'sort[0]', 'pagination[page]', 'pagination[pageSize]', 'populate', 'populate[0]',
    'fields[0]', 'status', 'locale', 'q', 'level', 'country', 'unit', 'filters[indefinite][$eq]', 'filters[submittedAt][$gte]', 'filters[x][$y]'),
  fc.oneof(weird.map(String), fc.constantFrom('%00', '%ZZ', '*', 'name:sideways', 'abc')),
).map(([key, val]) => `${key}=${val.startsWith('%') ? val : encodeURIComponent(val)}`);
const queryString = fc.array(queryPart, { maxLength: 4 }).map((parts) => parts.join('&'));

const restPaths = Object.values(REST_PATHS);
const WORKFLOW_TYPES = ['proposals', 'annual-programs', 'program-items', 'meeting-minutes', 'evaluation-reports', 'partners'];
const id = fc.oneof(fc.constantFrom('abc', '1', '99999999999', 'a%00b', '%2e%2e', 'x'.repeat(300)), fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent));

// The plugin's admin routes (/kerjasama/...), asked by the Kapokja (who may call nearly all of them).
const ADMIN_FIELDS = ['year', 'unit', 'cooperationType', 'priority', 'rationale', 'source', 'metric', 'targetValue', 'partnerLevel', 'notes', 'title',
  'partner', 'units', 'kpis', 'proposal', 'quarter', 'budget', 'expectedOutput', 'to', 'from', 'reason', 'format', 'period', 'email', 'resend',
  'partnerDocumentIds', 'expiresOn', 'findings', 'recommendations', '__proto__'];
const adminBody = fc.oneof(fc.dictionary(fc.constantFrom(...ADMIN_FIELDS), value, { maxKeys: 6 }), value);
const adminQuery = fc.array(
  fc.tuple(fc.constantFrom('year', 'year[0]', 'format', 'period', 'unit', 'recordDocumentId', 'formCode', 'formCode[]'), fc.oneof(weird.map(String), fc.constantFrom('2026', 'pdf', 'xlsx', 'S1', 'year')))
    .map(([key, val]) => `${key}=${encodeURIComponent(val)}`),
  { maxLength: 4 },
).map((parts) => parts.join('&'));
const yearLike = fc.oneof(id, fc.constantFrom('2026', '1999', '2101', '20x6'));
const ADMIN_READS = ['dashboard', 'mapping', 'mapping/export', 'targets', 'targets/export', 'program', 'program/choices', 'documents', 'monitoring-recap',
  'monitoring-recap/export', 'surveys', 'retention-report'];
const ADMIN_WRITES: Array<['post' | 'put', fc.Arbitrary<string>]> = [
  ['put', fc.constant('mapping/cells')], ['post', fc.constant('mapping/copy-previous-year')], ['post', fc.constant('targets')], ['put', id.map((d) => `targets/${d}`)],
  ['post', fc.constant('program')], ['post', fc.constant('program/start-from-last-year')], ['post', id.map((d) => `program/${d}/items`)],
  ['put', id.map((d) => `program/items/${d}`)], ['post', id.map((d) => `program/${d}/transitions`)], ['post', id.map((d) => `calls/${d}/send`)],
  ['post', fc.constant('unit-accounts')], ['post', id.map((d) => `surveys/${d}/invitations`)], ['post', id.map((d) => `minutes/${d}/issue`)],
  ['post', fc.constant('monitoring-recap/issue')], ['post', yearLike.map((y) => `evaluation/${y}/generate`)], ['post', yearLike.map((y) => `evaluation/${y}/finalize`)],
  ['post', fc.tuple(fc.constantFrom('api::proposal.proposal', 'api::annual-program.annual-program', 'api::unit.unit', 'x'), id).map(([u, d]) => `workflow/${u}/${d}/transitions`)],
];
const adminRequests = [
  fc.record({ method: fc.constant<'get'>('get'), url: fc.tuple(fc.constantFrom(...ADMIN_READS), adminQuery).map(([p, q]) => `/kerjasama/${p}?${q}`), auth: fc.constant<'admin'>('admin') }),
  fc.record({
    method: fc.constant<'get'>('get'),
    url: fc.tuple(fc.oneof(yearLike.map((y) => `evaluation/${y}`), yearLike.map((y) => `evaluation/${y}/download`), id.map((d) => `minutes/${d}/preview`), id.map((d) => `surveys/${d}/results`)), adminQuery)
      .map(([p, q]) => `/kerjasama/${p}?${q}`),
    auth: fc.constant<'admin'>('admin'),
  }),
  ...ADMIN_WRITES.map(([method, path]) => fc.record({ method: fc.constant(method), url: path.map((p) => `/kerjasama/${p}`), body: adminBody, auth: fc.constant<'admin'>('admin') })),
];

type Request = { method: 'get' | 'post' | 'put'; url: string; body?: unknown; auth: 'token' | 'unit' | 'none' | 'admin' };
const auth = fc.constantFrom<'token' | 'unit' | 'none'>('token', 'unit', 'none');

const request: fc.Arbitrary<Request> = fc.oneof(
  ...adminRequests,
  fc.record({ method: fc.constant<'post'>('post'), url: fc.constantFrom(...restPaths).map((p) => `/api/${p}`), body, auth }),
  fc.record({ method: fc.constant<'put'>('put'), url: fc.tuple(fc.constantFrom(...restPaths), id).map(([p, d]) => `/api/${p}/${d}`), body, auth }),
  fc.record({ method: fc.constant<'get'>('get'), url: fc.tuple(fc.constantFrom(...restPaths, 'directory', 'proposal-form-options'), queryString).map(([p, q]) => `/api/${p}?${q}`), auth }),
  fc.record({ method: fc.constant<'post'>('post'), url: fc.tuple(fc.constantFrom(...WORKFLOW_TYPES), id).map(([p, d]) => `/api/${p}/${d}/transitions`), body, auth }),
  fc.record({ method: fc.constant<'get'>('get'), url: fc.tuple(fc.constantFrom(...WORKFLOW_TYPES), id).map(([p, d]) => `/api/${p}/${d}/workflow`), auth }),
  fc.record({ method: fc.constant<'get'>('get'), url: id.map((t) => `/api/survey-invitations/by-token/${t}`), auth: fc.constant<'none'>('none') }),
  fc.record({ method: fc.constant<'post'>('post'), url: id.map((t) => `/api/survey-invitations/by-token/${t}/responses`), body, auth: fc.constant<'none'>('none') }),
  fc.record({ method: fc.constant<'post'>('post'), url: fc.constantFrom('/api/auth/local', '/api/auth/forgot-password', '/api/auth/local/register'), body, auth: fc.constant<'none'>('none') }),
  fc.record({
    method: fc.constant<'post'>('post'),
    url: fc.constant('/graphql'),
    body: fc.record({
      query: fc.constantFrom(
        'query($f: ProposalFiltersInput) { proposals(filters: $f) { documentId } }',
        'query($q: String) { directory(q: $q) { meta } }',
        'mutation($d: UnitInput!) { createUnit(data: $d) { documentId } }',
        'mutation($id: ID!, $d: AgreementInput!) { updateAgreement(documentId: $id, data: $d) { documentId } }',
        '{ ...A } fragment A on Query { ...A }',
      ),
      variables: fc.record({ f: value, q: value, d: value, id: value }, { requiredKeys: [] }),
    }),
    auth,
  }),
);

const send = (r: Request) => {
  let pending = app.request()[r.method](r.url);
  if (r.auth === 'token') pending = pending.set('Authorization', `Bearer ${token}`);
  if (r.auth === 'unit') pending = pending.set('Authorization', `Bearer ${unitJwt}`);
  if (r.auth === 'admin') pending = pending.set('Authorization', `Bearer ${adminJwt}`);
  return r.body === undefined ? pending : pending.set('Content-Type', 'application/json').send(JSON.stringify(r.body));
};

test('no request is answered with a 5xx, and a refused request changes nothing', async () => {
  console.log(`fuzz: seed ${SEED}, ${RUNS} runs (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} reproduces)`);
  await fc.assert(
    fc.asyncProperty(request, async (r) => {
      const before = await tableChecksum(app.strapi);
      const response = await send(r);
      if (response.status >= 500) throw new Error(`${r.method.toUpperCase()} ${r.url.slice(0, 200)} -> ${response.status} ${response.text.slice(0, 300)}`);
      if (response.status >= 400) expect(await tableChecksum(app.strapi)).toBe(before);
    }),
    { numRuns: RUNS, seed: SEED, ...(TIME_LIMIT_MS > 0 ? { interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false } : {}), endOnFailure: true },
  );
}, 600_000);
