import { setupStrapi, type TestApp } from '../helpers/strapi';
import { apiToken } from '../helpers/auth';
import { createListedPartner } from '../helpers/directory-fixtures';

/**
 * Issue 16, item 8 and the GraphQL part of item 10: one anonymous request cannot tie up the
 * server (aliases, root fields, fields, depth and fragments are limited before anything runs),
 * filtered directory listings live in one bounded cache, and no error suggests a private field.
 */
let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await setupStrapi();
  token = await apiToken(app.strapi);
  for (let i = 0; i < 3; i += 1) await createListedPartner(app.strapi, { name: `PT Bayu ${i}` });
});
afterAll(() => app?.destroy());

const graphql = (query: string, variables?: Record<string, unknown>, bearer?: string) => {
  const request = app.request().post('/graphql');
  if (bearer) request.set('Authorization', `Bearer ${bearer}`);
  return request.send({ query, variables });
};

const aliases = (count: number, field: (i: number) => string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;

const refusedWith = (response: { status: number; body: { errors?: Array<{ message: string }> } }, english: RegExp) => {
  expect(response.status).toBe(400);
  const message = response.body.errors?.[0]?.message ?? '';
  expect(message).toMatch(english);
  // Indonesian first, English in brackets.
  expect(message).toMatch(/^[^(]+ \(.+\)/);
};

describe('limits per request', () => {
  test('200 aliases of directory(q) are refused at once, before any listing is made', async () => {
    const started = Date.now();
    const response = await graphql(aliases(200, (i) => `directory(q: "b${i}y") { meta }`));
    const took = Date.now() - started;
    refusedWith(response, /200 aliases; at most 15/);
    console.log(`200 aliases of directory(q): ${response.status} in ${took} ms`);
    expect(took).toBeLessThan(1500);
    expect((await app.strapi.service('api::directory.directory').cacheStats()).entries).toBeLessThanOrEqual(1);
  });

  test('5,000 aliases of directory { meta } get a short refusal, not megabytes', async () => {
    const response = await graphql(aliases(5000, () => 'directory { meta }'));
    refusedWith(response, /aliases; at most 15/);
    expect(response.text.length).toBeLessThan(5000);
  });

  test('more root fields than allowed are refused even without aliases', async () => {
    const query = `{ ${Array.from({ length: 11 }, () => 'directory { meta }').join(' ')} }`;
    const response = await graphql(query);
    // Identical fields merge in GraphQL, but each still counts: the limit is on what is written.
    refusedWith(response, /11 root fields; at most 10/);
  });

  test('a fragment bomb is counted without expanding it and refused', async () => {
    const levels = Array.from({ length: 10 }, (_, i) => `fragment F${i} on Directory { meta ${i < 9 ? `...F${i + 1} ...F${i + 1}` : ''} }`);
    const response = await graphql(`{ directory { ...F0 } } ${levels.join(' ')}`);
    // Ten levels of two spreads each: 1,023 `meta` selections written as 10 lines.
    expect(response.status).toBe(400);
  });

  test('fields past the cost limit are refused', async () => {
    const wide = Array.from({ length: 120 }, () => 'documentId name city country level').join(' ');
    refusedWith(await graphql(`{ directory { data { ${wide} } } }`), /selects \d+ fields; at most 500/);
  });

  test('depth past the limit is refused with a 400, also through fragments', async () => {
    const deep = `{ units { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } }`;
    refusedWith(await graphql(deep, undefined, token), /levels deep; at most 10/);
  });

  test('cyclic and unknown fragments are a 400 naming the fragment', async () => {
    refusedWith(await graphql('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'), /fragment "[AB]" spreads itself/);
    refusedWith(await graphql('query { ...Missing }'), /Unknown fragment "Missing"/);
  });

  test('the allowed amount still answers, with the same listing as REST', async () => {
    const response = await graphql(aliases(10, (i) => `directory(q: "bayu ${i % 2}") { meta data { name } }`));
    expect(response.status).toBe(200);
    expect(response.body.data.a0.data.map((p: { name: string }) => p.name)).toEqual(['PT Bayu 0']);
    const rest = await app.request().get('/api/directory?q=bayu%200');
    expect(rest.body.data.map((p: { name: string }) => p.name)).toEqual(['PT Bayu 0']);
  });

  test('validation errors are still 400 with the field named', async () => {
    const response = await graphql('{ directory { nosuchfield } }');
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toContain('nosuchfield');
  });
});

describe('the cache of filtered listings', () => {
  test('case and spacing of q make no new entry', async () => {
    const service = app.strapi.service('api::directory.directory');
    await app.request().get('/api/directory?q=bayu');
    const before = (await service.cacheStats()).entries;
    for (const q of ['BAYU', '  Bayu ', 'bAyU']) {
      const response = await app.request().get(`/api/directory?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      expect(response.body.meta.filters.q).toBe('bayu');
    }
    expect((await service.cacheStats()).entries).toBe(before);
  });

  test('is bounded in entries however many distinct queries arrive', async () => {
    const service = app.strapi.service('api::directory.directory');
    // 230 distinct queries, ten per GraphQL request (REST makes the same entries, and compresses them).
    for (let i = 0; i < 230; i += 10) {
      const response = await graphql(aliases(10, (j) => `directory(q: "x${i + j}") { meta }`));
      expect(response.status).toBe(200);
    }
    await app.request().get('/api/directory?q=x229');
    const stats = await service.cacheStats();
    expect(stats.entries).toBeLessThanOrEqual(200);
    expect(stats.bytes).toBeGreaterThan(0);
    expect(stats.bytes).toBeLessThanOrEqual(32 * 1024 * 1024);
  });
});

describe('no suggestion names a private field', () => {
  // The partner's fields that the directory does not publish (src/api/directory/source.ts).
  const PRIVATE = ['internalNotes', 'contacts', 'iku6Category', 'workflowState', 'agreements', 'proposals'];
  const typo = (field: string) => field.slice(0, -1);

  test.each(PRIVATE)('%s is never suggested, to the public or to a token', async (field) => {
    const attempts = [
      graphql(`{ partners { ${typo(field)} } }`),
      graphql(`{ partners { ${typo(field)} } }`, undefined, token),
      graphql(`mutation { createPartner(data: { ${typo(field)}: "x" }) { documentId } }`, undefined, token),
      graphql('mutation($d: PartnerInput!) { createPartner(data: $d) { documentId } }', { d: { name: 'PT X', [typo(field)]: 'x' } }, token),
      graphql(`{ partners(filters: { ${typo(field)}: { eq: "x" } }) { documentId } }`, undefined, token),
      graphql(`{ partners(sort: "x") { documentId } }`, undefined, token),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBeLessThan(500);
      expect(response.text).not.toMatch(/Did you mean/);
      expect(response.text).not.toContain(field);
    }
  });
});
