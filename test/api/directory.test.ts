import http from 'http';
import type { AddressInfo } from 'net';
import zlib from 'zlib';
import fs from 'fs';
import path from 'path';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { createDocument, createListedPartner, transition } from '../helpers/directory-fixtures';
import { createActiveAgreement } from '../helpers/workflow-fixtures';
import { fromDist, writeContext } from '../helpers/dist';

type FrontDoorModule = typeof import('../../src/api/directory/front-door');

/** Directory tests: listing rules, freshness, filters, HTTP caching, and that nothing private leaks. */

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

let app: TestApp;
let port: number;

/** A plain HTTP GET that keeps the bytes exactly as sent (no client-side decompression). */
const get = (urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> =>
  new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: urlPath, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });

const post = (urlPath: string, body: unknown): Promise<Raw> =>
  new Promise((resolve, reject) => {
    const payload = Buffer.from(JSON.stringify(body));
    const request = http.request(
      { host: '127.0.0.1', port, path: urlPath, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });

interface Listing {
  data: Array<Record<string, unknown> & { documentId: string; name: string }>;
  meta: { total: number; counts: Record<string, Record<string, number>>; labels: Record<string, Record<string, { id: string; en: string }>> };
}

const directory = async (query = ''): Promise<Listing> => {
  const response = await get(`/api/directory${query}`);
  expect(response.status).toBe(200);
  return JSON.parse(response.body.toString('utf8')) as Listing;
};
const entry = async (documentId: string) => (await directory()).data.find((partner) => partner.documentId === documentId);

const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
  const response = await post('/graphql', { query, variables });
  return { status: response.status, json: JSON.parse(response.body.toString('utf8')) as { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
};

const PARTNER = 'api::partner.partner';
const AGREEMENT = 'api::agreement.agreement';
const SECRETS = {
  contactName: 'Rahasia Kontak Budi',
  contactEmail: 'rahasia.kontak@secret.example',
  contactPhone: '+62 811 7777 4242',
  partnerNotes: 'CATATAN-INTERNAL-MITRA-XYZ',
  agreementNotes: 'CATATAN-INTERNAL-NASKAH-XYZ',
  ourNumber: 'NOMOR-RAHASIA/2024/001',
  partnerNumber: 'NOMOR-MITRA-RAHASIA-77',
  value: '987654321',
  title: 'JUDUL-NASKAH-RAHASIA',
  scope: 'RUANG-LINGKUP-RAHASIA',
  draftPartner: 'PT Draf Tersembunyi Rahasia',
  unlistedPartner: 'PT Belum Disetujui Rahasia',
  adminEmail: 'kapokja-rahasia@secret.example',
};

let unit: { documentId: string; code: string };
let cooperationType: { documentId: string; code: string };
let secretPartner: string;

beforeAll(async () => {
  app = await setupStrapi();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  port = (app.strapi.server.httpServer.address() as AddressInfo).port;

  const unitDoc = await createDocument(app.strapi, 'api::unit.unit', { code: 'DIR-IF', name: 'Jurusan Teknik Informatika', nameEn: 'Informatics Engineering', kind: 'department' });
  unit = { documentId: unitDoc.documentId, code: 'DIR-IF' };
  const typeDoc = await createDocument(app.strapi, 'api::cooperation-type.cooperation-type', { code: 'DIR-MAGANG', name: 'Magang', nameEn: 'Internship', tridharma: 'education' });
  cooperationType = { documentId: typeDoc.documentId, code: 'DIR-MAGANG' };

  // A listed partner carrying every kind of private value the system stores.
  ({ partnerId: secretPartner } = await createListedPartner(
    app.strapi,
    {
      name: 'PT Mitra Dengan Rahasia',
      level: 'international',
      country: 'JP',
      city: 'Osaka',
      website: 'https://mitra.example.jp',
      publicDescription: 'Deskripsi publik mitra',
      internalNotes: SECRETS.partnerNotes,
      contacts: [{ name: SECRETS.contactName, email: SECRETS.contactEmail, phone: SECRETS.contactPhone, position: 'Direktur' }],
    },
    {
      ourNumber: SECRETS.ourNumber,
      partnerNumber: SECRETS.partnerNumber,
      value: Number(SECRETS.value),
      title: SECRETS.title,
      scope: SECRETS.scope,
      internalNotes: SECRETS.agreementNotes,
      cooperationTypes: [cooperationType.documentId],
      units: [unit.documentId],
      signedDate: '2019-03-01',
      startDate: '2019-03-01',
    },
  ));
  // A draft partner (never proposed) and a proposed-but-not-approved one, both with active agreements.
  const draft = await createDocument(app.strapi, PARTNER, { name: SECRETS.draftPartner, institutionType: 'industry', level: 'national', country: 'ID' });
  await createActiveAgreement(app.strapi, draft.documentId);
  const unlisted = await createDocument(app.strapi, PARTNER, { name: SECRETS.unlistedPartner, institutionType: 'university', level: 'national', country: 'ID' });
  await createActiveAgreement(app.strapi, unlisted.documentId);
  await transition(app.strapi, unlisted.documentId, 'proposed');
  // An admin whose e-mail must not be reachable through createdBy tricks.
  await app.strapi.service('admin::user').create({ email: SECRETS.adminEmail, firstname: 'Rahasia', lastname: 'Admin', isActive: true, roles: [] });
});
afterAll(() => app?.destroy());

describe('listing rules', () => {
  test('a listed partner appears with its public fields only', async () => {
    const listing = await directory();
    const partner = listing.data.find((p) => p.documentId === secretPartner);
    expect(partner).toEqual({
      documentId: secretPartner,
      name: 'PT Mitra Dengan Rahasia',
      institutionType: 'industry',
      level: 'international',
      country: 'JP',
      city: 'Osaka',
      website: 'https://mitra.example.jp',
      logoUrl: null,
      publicDescription: 'Deskripsi publik mitra',
      cooperationTypes: ['DIR-MAGANG'],
      units: ['DIR-IF'],
      since: 2019,
      agreementKinds: ['mou'],
    });
    expect(listing.meta.labels.country.JP).toEqual({ id: 'Jepang', en: 'Japan' });
    expect(listing.meta.labels.unit['DIR-IF']).toEqual({ id: 'Jurusan Teknik Informatika', en: 'Informatics Engineering' });
    expect(listing.meta.labels.cooperationType['DIR-MAGANG']).toEqual({ id: 'Magang', en: 'Internship' });
    expect(listing.meta.labels.level.international).toEqual({ id: 'Internasional', en: 'International' });
  });

  test('draft and proposed-but-unapproved partners are not listed', async () => {
    const names = (await directory()).data.map((p) => p.name);
    expect(names).not.toContain(SECRETS.draftPartner);
    expect(names).not.toContain(SECRETS.unlistedPartner);
  });

  test('counts follow the listing', async () => {
    const listing = await directory();
    expect(listing.meta.total).toBe(listing.data.length);
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    for (const key of ['level', 'institutionType', 'country']) expect(sum(listing.meta.counts[key])).toBe(listing.data.length);
  });
});

describe('freshness: each change is visible in the next response', () => {
  test('listing approved, renamed, agreement signed, unit and cooperation type renamed, logo changed and replaced', async () => {
    const before = await directory(); // prepared now: the changes below must invalidate it
    const { partnerId } = await createListedPartner(app.strapi, { name: 'PT Segar Baru' });
    expect((await entry(partnerId))?.name).toBe('PT Segar Baru');
    expect((await directory()).meta.total).toBe(before.meta.total + 1);

    await writeContext().runAsSystem('test', () => app.strapi.documents(PARTNER).update({ documentId: partnerId, data: { name: 'PT Segar Berganti Nama' } as never }));
    expect((await entry(partnerId))?.name).toBe('PT Segar Berganti Nama');

    await createActiveAgreement(app.strapi, partnerId, { kind: 'moa', units: [unit.documentId], cooperationTypes: [cooperationType.documentId] });
    const signed = await entry(partnerId);
    expect(signed?.agreementKinds).toEqual(['mou', 'moa']);
    expect(signed?.units).toEqual(['DIR-IF']);

    await writeContext().runAsSystem('test', () => app.strapi.documents('api::unit.unit').update({ documentId: unit.documentId, data: { nameEn: 'Informatics' } as never }));
    expect((await directory()).meta.labels.unit['DIR-IF'].en).toBe('Informatics');
    await writeContext().runAsSystem('test', () => app.strapi.documents('api::cooperation-type.cooperation-type').update({ documentId: cooperationType.documentId, data: { nameEn: 'Industrial internship' } as never }));
    expect((await directory()).meta.labels.cooperationType['DIR-MAGANG'].en).toBe('Industrial internship');

    const file = await app.strapi.db.query('plugin::upload.file').create({
      data: { name: 'logo.png', hash: `logo_${Date.now()}`, ext: '.png', mime: 'image/png', size: 1.2, url: '/uploads/logo_a.png', provider: 'local' },
    });
    await writeContext().runAsSystem('test', () => app.strapi.documents(PARTNER).update({ documentId: partnerId, data: { logo: file.id } as never }));
    expect((await entry(partnerId))?.logoUrl).toBe('/uploads/logo_a.png');
    // Replaced in the Media Library: the partner itself is not written.
    await app.strapi.db.query('plugin::upload.file').update({ where: { id: file.id }, data: { url: '/uploads/logo_b.png' } });
    expect((await entry(partnerId))?.logoUrl).toBe('/uploads/logo_b.png');
  });

  test('listing withdrawn: gone at once', async () => {
    const { partnerId } = await createListedPartner(app.strapi, { name: 'PT Akan Ditarik' });
    expect(await entry(partnerId)).toBeDefined();
    await transition(app.strapi, partnerId, 'withdrawn', 'Kerjasama dihentikan');
    expect(await entry(partnerId)).toBeUndefined();
  });

  test('agreement expired or terminated: the kind goes, and with the last active agreement the partner goes', async () => {
    const { partnerId, agreementId } = await createListedPartner(app.strapi, { name: 'PT Dua Naskah' });
    const second = await createActiveAgreement(app.strapi, partnerId, { kind: 'moa', parent: agreementId });
    expect((await entry(partnerId))?.agreementKinds).toEqual(['mou', 'moa']);

    await writeContext().runAsSystem('test', () => app.strapi.documents(AGREEMENT).update({ documentId: second.documentId, data: { terminatedDate: '2025-01-01', terminationReason: 'Selesai' } as never }));
    expect((await entry(partnerId))?.agreementKinds).toEqual(['mou']);

    await writeContext().runAsSystem('test', () => app.strapi.documents(AGREEMENT).update({ documentId: agreementId, data: { startDate: '2020-01-01', signedDate: '2020-01-01', endDate: '2021-12-31' } as never }));
    expect(await entry(partnerId)).toBeUndefined();
  });

  test('a write that is rolled back changes nothing', async () => {
    const before = await get('/api/directory');
    await expect(
      writeContext().runAsSystem('test', () => app.strapi.documents(PARTNER).update({ documentId: secretPartner, data: { country: 'not a country' } as never })),
    ).rejects.toThrow();
    const after = await get('/api/directory');
    expect(after.body.equals(before.body)).toBe(true);
  });
});

describe('filters', () => {
  beforeAll(async () => {
    await createListedPartner(app.strapi, { name: 'Universiti Café Malaysia', institutionType: 'university', level: 'international', country: 'MY' });
  });

  test.each([
    ['level=international', (p: Record<string, unknown>) => p.level === 'international'],
    ['institutionType=university', (p: Record<string, unknown>) => p.institutionType === 'university'],
    ['country=MY', (p: Record<string, unknown>) => p.country === 'MY'],
    ['cooperationType=DIR-MAGANG', (p: Record<string, unknown>) => (p.cooperationTypes as string[]).includes('DIR-MAGANG')],
    ['unit=DIR-IF', (p: Record<string, unknown>) => (p.units as string[]).includes('DIR-IF')],
    ['q=cafe', (p: Record<string, unknown>) => String(p.name).includes('Café')],
  ])('%s narrows the list to the matching partners and counts them', async (query, matches) => {
    const all = await directory();
    const filtered = await directory(`?${query}`);
    expect(filtered.data.length).toBeGreaterThan(0);
    expect(filtered.data.length).toBeLessThan(all.data.length);
    expect(filtered.data).toEqual(all.data.filter(matches));
    expect(filtered.meta.total).toBe(filtered.data.length);
    expect(filtered.meta.labels).toEqual(all.meta.labels);
  });

  test('filters combine', async () => {
    const listing = await directory('?level=international&country=JP');
    expect(listing.data.map((p) => p.documentId)).toEqual([secretPartner]);
  });

  test.each([
    ['colour=red', 'colour'],
    ['level=galactic', 'level'],
    ['institutionType=pirates', 'institutionType'],
    ['country=XX', 'country'],
    ['country=jp', 'country'],
    ['cooperationType=NOPE', 'cooperationType'],
    ['unit=NOPE', 'unit'],
    [`q=${'a'.repeat(101)}`, 'q'],
    ['level=national&level=international', 'level'],
  ])('%s is refused with 400 naming %s', async (query, parameter) => {
    const response = await get(`/api/directory?${query}`);
    expect(response.status).toBe(400);
    const body = JSON.parse(response.body.toString('utf8'));
    expect(body.error.name).toBe('ValidationError');
    expect(body.error.message).toContain(parameter);
    expect(body.error.details.errors[0].path).toEqual([parameter]);
  });
});

describe('HTTP caching and compression', () => {
  test('strong ETag, 304 on If-None-Match, CDN-friendly Cache-Control', async () => {
    const first = await get('/api/directory');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers['cache-control']).toMatch(/public/);
    expect(first.headers['cache-control']).toMatch(/s-maxage=\d+/);
    expect(first.headers.vary).toMatch(/Accept-Encoding/i);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    const again = await get('/api/directory', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const weak = await get('/api/directory', { 'If-None-Match': `W/${etag}` });
    expect(weak.status).toBe(304);

    await createListedPartner(app.strapi, { name: 'PT Mengubah ETag' });
    const changed = await get('/api/directory', { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  test('gzip and brotli carry the same bytes, each with its own ETag', async () => {
    const plain = await get('/api/directory');
    const gz = await get('/api/directory', { 'Accept-Encoding': 'gzip' });
    const br = await get('/api/directory', { 'Accept-Encoding': 'br, gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(new Set([plain.headers.etag, gz.headers.etag, br.headers.etag]).size).toBe(3);
    expect((await get('/api/directory', { 'Accept-Encoding': 'gzip', 'If-None-Match': gz.headers.etag as string })).status).toBe(304);
  });

  test('HEAD answers with the headers and no body', async () => {
    const head = await get('/api/directory', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers.etag).toBeDefined();
  });

  test('the security headers of any other route are sent; CORS lets any website read it, without credentials', async () => {
    const other = await get('/api/units', { Origin: 'https://website.example' });
    const mine = await get('/api/directory', { Origin: 'https://website.example' });
    for (const header of ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'strict-transport-security', 'referrer-policy']) {
      expect(mine.headers[header]).toBeDefined();
      expect(mine.headers[header]).toEqual(other.headers[header]);
    }
    // Other routes answer only the configured origins (test/api/edge-security.test.ts).
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect(mine.headers['access-control-allow-origin']).toBe('https://website.example');
    expect(mine.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('the front door (the hot request answered before Koa)', () => {
  const withoutDate = (headers: http.IncomingHttpHeaders) => Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'date'));
  /** Requests that reached Koa: its logger writes one `http` line for each. */
  const koaLogLines = (spy: jest.SpyInstance, urlPath: string) => spy.mock.calls.filter(([line]) => String(line).startsWith(`GET ${urlPath} `)).length;

  test.each([
    ['identity', {}],
    ['gzip', { 'Accept-Encoding': 'gzip' }],
    ['br', { 'Accept-Encoding': 'br, gzip' }],
    ['a website on another origin', { Origin: 'https://website.example', 'Accept-Encoding': 'gzip' }],
    ['a second website', { Origin: 'https://other-site.example' }],
  ])('%s: after Koa answered once, the same bytes and headers come without Koa', async (_encoding, headers: Record<string, string>) => {
    await createListedPartner(app.strapi, { name: `PT Pintu Depan ${_encoding}` });
    const spy = jest.spyOn(app.strapi.log, 'http');
    try {
      const learnt = await get('/api/directory', headers);
      expect(koaLogLines(spy, '/api/directory')).toBe(1);
      const fast = await get('/api/directory', headers);
      const fastHead = await get('/api/directory', headers, 'HEAD');
      // What the page sends on its first load: an empty query is no query.
      const emptyQuery = await get('/api/directory?', headers);
      expect(koaLogLines(spy, '/api/directory')).toBe(1);
      expect(koaLogLines(spy, '/api/directory?')).toBe(0);

      expect(fast.status).toBe(200);
      expect(fast.body.equals(learnt.body)).toBe(true);
      expect(emptyQuery.body.equals(learnt.body)).toBe(true);
      expect(withoutDate(fast.headers)).toEqual(withoutDate(learnt.headers));
      expect(withoutDate(emptyQuery.headers)).toEqual(withoutDate(learnt.headers));
      expect(fastHead.status).toBe(200);
      expect(fastHead.body.length).toBe(0);
      expect(withoutDate(fastHead.headers)).toEqual(withoutDate(fast.headers));
      for (const header of ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'strict-transport-security', 'vary', 'etag', 'cache-control']) {
        expect(fast.headers[header]).toBeDefined();
      }
      if (headers.Origin) expect(fast.headers['access-control-allow-origin']).toBe(headers.Origin);
    } finally {
      spy.mockRestore();
    }
  });

  test.each([
    ['identity', {}],
    ['br', { 'Accept-Encoding': 'br, gzip' }],
    ['a website on another origin', { Origin: 'https://website.example', 'Accept-Encoding': 'gzip' }],
  ])('%s: filtered listings and revalidations (304) are answered without Koa, as Koa answered them', async (_encoding, headers: Record<string, string>) => {
    await createListedPartner(app.strapi, { name: `PT Saringan Depan ${_encoding}`, level: 'international', country: 'JP' });
    const spy = jest.spyOn(app.strapi.log, 'http');
    try {
      for (const query of ['?level=international', '?level=international&country=JP', '?q=saringan']) {
        const learnt = await get(`/api/directory${query}`, headers);
        expect(learnt.status).toBe(200);
        expect(koaLogLines(spy, `/api/directory${query}`)).toBe(1);
        const fast = await get(`/api/directory${query}`, headers);
        expect(koaLogLines(spy, `/api/directory${query}`)).toBe(1);
        expect(fast.status).toBe(200);
        expect(fast.body.equals(learnt.body)).toBe(true);
        expect(withoutDate(fast.headers)).toEqual(withoutDate(learnt.headers));

        // A browser revalidating: Koa's 304 once, then the front door's, header for header.
        const validator = { ...headers, 'If-None-Match': String(learnt.headers.etag) };
        const learnt304 = await get(`/api/directory${query}`, validator);
        expect(learnt304.status).toBe(304);
        expect(koaLogLines(spy, `/api/directory${query}`)).toBe(2);
        const fast304 = await get(`/api/directory${query}`, validator);
        expect(koaLogLines(spy, `/api/directory${query}`)).toBe(2);
        expect(fast304.status).toBe(304);
        expect(fast304.body.length).toBe(0);
        expect(withoutDate(fast304.headers)).toEqual(withoutDate(learnt304.headers));
        // A validator of another listing is not a match: the listing itself, from the front door.
        const stale = await get(`/api/directory${query}`, { ...headers, 'If-None-Match': '"another-listing"' });
        expect(stale.status).toBe(200);
        expect(stale.body.equals(learnt.body)).toBe(true);
        expect(koaLogLines(spy, `/api/directory${query}`)).toBe(2);
      }
      // Bad parameters still get Koa's 400 naming them, every time.
      for (let i = 0; i < 2; i += 1) {
        const bad = await get('/api/directory?level=galactic', headers);
        expect(bad.status).toBe(400);
        expect(JSON.parse(bad.body.toString('utf8')).error.details.errors[0].path).toEqual(['level']);
      }
      expect(koaLogLines(spy, '/api/directory?level=galactic')).toBe(2);
      // A query Koa's URL guard may refuse (undecodable, NUL) is always Koa's to answer.
      for (const query of ['?q=%E0%A4%A', '?q=%00']) {
        await get(`/api/directory${query}`, headers);
        await get(`/api/directory${query}`, headers);
        expect(koaLogLines(spy, `/api/directory${query}`)).toBe(2);
      }
    } finally {
      spy.mockRestore();
    }
  });

  test('a change is learnt again: the next response after a write is the new listing', async () => {
    await get('/api/directory');
    const before = await get('/api/directory');
    const { partnerId } = await createListedPartner(app.strapi, { name: 'PT Sesudah Pintu Depan' });
    // Learnt from a HEAD this time: the GET after it must still carry the body and its length.
    const head = await get('/api/directory', {}, 'HEAD');
    const after = await get('/api/directory');
    expect(withoutDate(after.headers)).toEqual(withoutDate(head.headers));
    expect(Number(after.headers['content-length'])).toBe(after.body.length);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((JSON.parse(after.body.toString('utf8')) as Listing).data.some((partner) => partner.documentId === partnerId)).toBe(true);
    const again = await get('/api/directory');
    expect(again.body.equals(after.body)).toBe(true);
    expect(withoutDate(again.headers)).toEqual(withoutDate(after.headers));
  });
});

describe('the filtered listings: one bounded cache, fresh after every change', () => {
  const withoutDate = (headers: http.IncomingHttpHeaders) => Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'date'));
  const stats = () => fromDist<FrontDoorModule>('src/api/directory/front-door').frontDoorStats(app.strapi);
  const cache = () => app.strapi.service('api::directory.directory').cacheStats() as Promise<{ entries: number; queries: number; bytes: number }>;
  const BROWSER = { 'Accept-Encoding': 'br, gzip' };
  const decoded = (response: Raw) => (response.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(response.body) : response.body);
  const names = (response: Raw) => (JSON.parse(decoded(response).toString('utf8')) as Listing).data.map((partner) => partner.name);

  test('order of parameters, case and spacing of q are one listing: one entry, answered by the front door', async () => {
    await createListedPartner(app.strapi, { name: 'PT Normal Satu Entri', level: 'international', country: 'JP' });
    const first = await get('/api/directory?level=international&q=normal%20satu', BROWSER);
    expect(first.status).toBe(200);
    const entries = (await cache()).entries;
    const before = stats();
    for (const query of ['?q=Normal++Satu&level=international', '?q=%20NORMAL%20%20%20satu%20&level=international', '?level=international&q=normal+satu&', '?level=international&q=normal%20satu']) {
      const again = await get(`/api/directory${query}`, BROWSER);
      expect(again.status).toBe(200);
      expect(again.body.equals(first.body)).toBe(true);
      expect(withoutDate(again.headers)).toEqual(withoutDate(first.headers));
    }
    expect((await cache()).entries).toBe(entries);
    expect(stats()).toEqual({ ...before, served: before.served + 4 });
  });

  test('a partner approved, then withdrawn (unpublished), shows in and leaves the filtered listings at once, 304s included', async () => {
    const queries = ['?level=international', '?level=international&country=MY', '?q=segera'];
    const seen = new Map<string, Raw>();
    for (const query of queries) {
      await get(`/api/directory${query}`, BROWSER);
      const held = await get(`/api/directory${query}`, BROWSER); // the front door's now
      seen.set(query, held);
      expect(names(held)).not.toContain('PT Segera Tampil Malaysia');
      expect((await get(`/api/directory${query}`, { ...BROWSER, 'If-None-Match': String(held.headers.etag) })).status).toBe(304);
    }
    const { partnerId } = await createListedPartner(app.strapi, { name: 'PT Segera Tampil Malaysia', level: 'international', country: 'MY' });
    for (const query of queries) {
      const old = seen.get(query)!;
      const revalidated = await get(`/api/directory${query}`, { ...BROWSER, 'If-None-Match': String(old.headers.etag) });
      expect(revalidated.status).toBe(200);
      expect(revalidated.headers.etag).not.toBe(old.headers.etag);
      expect((JSON.parse(decoded(revalidated).toString('utf8')) as Listing).data.map((p) => p.documentId)).toContain(partnerId);
      seen.set(query, revalidated);
    }
    await transition(app.strapi, partnerId, 'withdrawn', 'Uji saringan');
    for (const query of queries) {
      const old = seen.get(query)!;
      const revalidated = await get(`/api/directory${query}`, { ...BROWSER, 'If-None-Match': String(old.headers.etag) });
      expect(revalidated.status).toBe(200);
      expect((JSON.parse(decoded(revalidated).toString('utf8')) as Listing).data.map((p) => p.documentId)).not.toContain(partnerId);
    }
  });

  test("the headers learnt for a listing live in the cache with it: counted in its bytes, bounded per listing", async () => {
    await get('/api/directory?country=MY');
    const bytesBefore = (await cache()).bytes;
    const learnt = stats().learnt;
    const origins = Array.from({ length: 40 }, (_, i) => `https://site-${i}.example`);
    for (const origin of origins) {
      await get('/api/directory?country=MY', { Origin: origin });
      expect((await get('/api/directory?country=MY', { Origin: origin })).headers['access-control-allow-origin']).toBe(origin);
    }
    expect(stats().learnt).toBe(learnt + origins.length);
    const bytesAfter = (await cache()).bytes;
    expect(bytesAfter).toBeGreaterThan(bytesBefore);
    // 32 templates kept per listing, about 1 KB each: the 40 Origins did not grow it without end.
    expect(bytesAfter - bytesBefore).toBeLessThan(32 * 2048);
    // The most recent Origin is still known; the first one was dropped and is learnt again from Koa.
    const before = stats();
    await get('/api/directory?country=MY', { Origin: origins[39] });
    expect(stats()).toEqual({ ...before, served: before.served + 1 });
    await get('/api/directory?country=MY', { Origin: origins[0] });
    expect(stats()).toEqual({ ...before, served: before.served + 1, learnt: before.learnt + 1 });
  });

  test('query strings already checked stay bounded and never outlive the listing they were checked against', async () => {
    // 900 distinct spellings of one filter: at most 800 kept, one listing.
    const entries = (await cache()).entries;
    for (let i = 0; i < 900; i += 1) expect((await get(`/api/directory?level=international&sort=${i}`)).status).toBe(200);
    expect((await cache()).entries).toBeLessThanOrEqual(entries + 1);
    expect((await cache()).queries).toBe(800);
    // The most recent spelling is answered from the front door without Koa; so is a long one, checked each time and not kept.
    const before = stats();
    await get('/api/directory?level=international&sort=899');
    await get(`/api/directory?level=international&sort=${'x'.repeat(600)}`);
    await get(`/api/directory?level=international&sort=${'x'.repeat(600)}`);
    expect(stats().served).toBe(before.served + 3);
    expect((await cache()).queries).toBe(800);
    // A unit code checked against one listing: once the unit is gone from the data, the same query string is refused.
    const gone = await createDocument(app.strapi, 'api::unit.unit', { code: 'DIR-SEMENTARA', name: 'Unit Sementara', nameEn: 'Temporary unit', kind: 'department' });
    expect((await get('/api/directory?unit=DIR-SEMENTARA')).status).toBe(200);
    expect((await get('/api/directory?unit=DIR-SEMENTARA')).status).toBe(200);
    await writeContext().runAsSystem('test', () => app.strapi.documents('api::unit.unit').delete({ documentId: gone.documentId }));
    const refused = await get('/api/directory?unit=DIR-SEMENTARA');
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body.toString('utf8')).error.details.errors[0].path).toEqual(['unit']);
  });

  test('bad parameters are handed to Koa, which names them, every time', async () => {
    const before = stats();
    for (const query of ['?level=galactic', '?level=galactic', '?colour=red&level=national', '?q=%00']) {
      const bad = await get(`/api/directory${query}`, BROWSER);
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.body.toString('utf8')).error.details.errors[0].path).toBeDefined();
    }
    expect(stats()).toEqual({ ...before, toKoa: before.toKoa + 4 });
  });
});

describe('never a leak', () => {
  const secretValues = Object.values(SECRETS);
  const expectNoSecret = (text: string) => {
    for (const secret of secretValues) expect(text).not.toContain(secret);
  };

  const crafted = [
    'filters[internalNotes][$contains]=CATATAN',
    'filters[contacts][email][$contains]=secret',
    'filters[agreements][value][$gt]=0',
    'filters[createdBy][email][$startsWith]=kapokja',
    'filters[$or][0][createdBy][id][$notNull]=true',
    'populate=*',
    'populate[contacts]=*',
    'populate[agreements][populate]=*',
    'populate[createdBy][fields][0]=email',
    'fields[0]=internalNotes&fields[1]=name',
    'sort=internalNotes:asc',
    'sort[0]=contacts.email:desc',
    'pagination[pageSize]=1',
    'status=draft',
    'publicationState=preview',
    'locale=all',
  ];

  test.each(crafted)('?%s returns exactly the bytes of the plain request', async (query) => {
    const plain = await get('/api/directory');
    const craftedResponse = await get(`/api/directory?${query}`);
    expect(craftedResponse.status).toBe(200);
    expect(craftedResponse.body.equals(plain.body)).toBe(true);
  });

  test('no private value appears in any public response, in any encoding', async () => {
    const responses = [
      await get('/api/directory'),
      await get('/api/directory?q=Rahasia'),
      await get('/api/directory?country=JP'),
    ];
    for (const response of responses) expectNoSecret(response.body.toString('utf8'));
    expectNoSecret(zlib.gunzipSync((await get('/api/directory', { 'Accept-Encoding': 'gzip' })).body).toString('utf8'));
    expectNoSecret(zlib.brotliDecompressSync((await get('/api/directory', { 'Accept-Encoding': 'br' })).body).toString('utf8'));
    const viaGraphql = await graphql('{ directory { data { documentId name city website publicDescription cooperationTypes units since agreementKinds } meta } }');
    expectNoSecret(JSON.stringify(viaGraphql.json));
  });

  test('the Public role reads no other partner data through REST', async () => {
    for (const url of [
      '/api/partners',
      `/api/partners/${secretPartner}`,
      '/api/partners?populate=*',
      '/api/agreements',
      '/api/agreements?populate=partner',
      '/api/proposals?populate=partner',
      '/api/program-items?populate=partner',
      '/api/transition-logs',
      '/api/units?populate=*',
      '/api/cooperation-types?populate=*',
      '/api/users',
      '/api/upload/files',
    ]) {
      const response = await get(url);
      expect([401, 403, 404]).toContain(response.status);
      expectNoSecret(response.body.toString('utf8'));
    }
  });

  test('the Public role reads no other partner data through GraphQL', async () => {
    const denied = [
      '{ partners { documentId name internalNotes } }',
      `{ partner(documentId: "${secretPartner}") { name contacts { email } } }`,
      '{ partners_connection { nodes { name } } }',
      '{ agreements { ourNumber value partner { name } } }',
      '{ units { code } }',
      '{ cooperationTypes { code } }',
      '{ transitionLogs { recordDocumentId } }',
      '{ usersPermissionsUsers { email } }',
    ];
    for (const query of denied) {
      const { json } = await graphql(query);
      expect(json.errors?.length).toBeGreaterThan(0);
      expectNoSecret(JSON.stringify(json));
    }
    // The directory type has no private field to ask for.
    const { json } = await graphql('{ directory { data { name internalNotes contacts { email } } } }');
    expect(json.errors?.length).toBeGreaterThan(0);
    expectNoSecret(JSON.stringify(json));
  });
});

describe('GraphQL directory query', () => {
  const FIELDS = 'documentId name institutionType level country city website logoUrl publicDescription cooperationTypes units since agreementKinds';

  test('returns the same projection as REST, for the anonymous public', async () => {
    const rest = await directory('?level=international');
    const { json } = await graphql(`query ($level: String) { directory(level: $level) { data { ${FIELDS} } meta } }`, { level: 'international' });
    expect(json.errors).toBeUndefined();
    expect(json.data?.directory).toEqual(rest);
  });

  test('refuses an unknown value naming the parameter', async () => {
    const { json } = await graphql('{ directory(country: "XX") { data { name } } }');
    expect(json.errors?.[0].message).toContain('country');
    expect((json.errors?.[0].extensions?.error as { name: string }).name).toBe('ValidationError');
  });
});

describe('OpenAPI document', () => {
  test('describes GET /directory with its filters', () => {
    const file = path.join(__dirname, '..', '..', 'src', 'extensions', 'documentation', 'documentation', '1.0.0', 'full_documentation.json');
    const spec = JSON.parse(fs.readFileSync(file, 'utf8'));
    const operation = spec.paths['/directory'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(['level', 'institutionType', 'country', 'cooperationType', 'unit', 'q']);
    expect(operation.security).toEqual([]);
    expect(spec.components.schemas.DirectoryPartner.properties).not.toHaveProperty('internalNotes');
  });
});
