import { setupStrapi, isPostgres, type TestApp } from '../helpers/strapi';
import { adminToken, apiToken } from '../helpers/auth';
import { CLONE_DOORS, cloneThrough, createThrough, deleteThrough, DOORS, updateThrough, type DoorCredentials } from '../helpers/doors';
import { createMinute, downloadIssued, ISSUED, issueModule, KAPOKJA, sha256, tinyPdf } from '../helpers/issued';

/**
 * Issue 11 item 6: issued documents are records. Numbers per form and year without gaps or
 * repeats (also under concurrency), the file stored privately with its SHA-256, immutable at
 * every door, kept five years, and checkable by anyone through /api/verifikasi/<number>.
 */
const MINUTE = 'api::meeting-minute.meeting-minute';
const PUBLIC_KEYS = ['documentNumber', 'formCode', 'issuedAt', 'issuedByName', 'issuedByRole', 'sha256', 'title', 'year'];

let app: TestApp;
let credentials: DoorCredentials;
let minute: { documentId: string };

beforeAll(async () => {
  app = await setupStrapi({ PUBLIC_URL: 'https://kerjasama.polibatam.test' });
  credentials = { apiToken: await apiToken(app.strapi), adminJwt: await adminToken(app.strapi, app.request) };
  minute = await createMinute(app.strapi);
});
afterAll(() => app?.destroy());

const issue = (overrides: Record<string, unknown> = {}) =>
  issueModule().issueDocument(app.strapi, {
    formCode: 'BO.29.3.1',
    record: { uid: MINUTE, documentId: minute.documentId },
    year: 2026,
    title: 'Notulen rapat koordinasi',
    actor: KAPOKJA,
    render: async (documentNumber: string, verifyUrl: string) => ({ bytes: tinyPdf(documentNumber, verifyUrl), filename: 'notulen.pdf', mime: 'application/pdf' }),
    ...overrides,
  } as never);
const doorContext = () => ({ strapi: app.strapi, request: app.request, credentials });
const stored = (documentId: string) => app.strapi.db.query(ISSUED).findOne({ where: { documentId } });

describe('numbering', () => {
  test('numbers run per form code and year from 0001, printed with the verification link', async () => {
    const first = await issue({ year: 2030 });
    const second = await issue({ year: 2030 });
    const otherForm = await issue({ year: 2030, formCode: 'BO.28.1.2' });
    expect([first.documentNumber, second.documentNumber, otherForm.documentNumber]).toEqual(['KS/BO.29.3.1/2030/0001', 'KS/BO.29.3.1/2030/0002', 'KS/BO.28.1.2/2030/0001']);
    expect(first.verifyUrl).toBe('https://kerjasama.polibatam.test/verifikasi/KS/BO.29.3.1/2030/0001');
  });

  test(`concurrent issues of one form and year get distinct consecutive numbers (${isPostgres ? 'PostgreSQL advisory lock' : 'SQLite single writer'})`, async () => {
    const issued = await Promise.all(Array.from({ length: 8 }, () => issue({ year: 2031 })));
    const numbers = issued.map((doc) => doc.documentNumber).sort();
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => `KS/BO.29.3.1/2031/${String(i + 1).padStart(4, '0')}`));
    expect(await app.strapi.db.query(ISSUED).count({ where: { year: 2031 } })).toBe(8);
  });

  test('a failed render uses no number and leaves nothing behind', async () => {
    const files = await app.strapi.db.query('plugin::upload.file').count();
    await expect(issue({ year: 2032, render: async () => { throw new Error('render failed'); } })).rejects.toThrow('render failed');
    expect(await app.strapi.db.query(ISSUED).count({ where: { year: 2032 } })).toBe(0);
    expect(await app.strapi.db.query('plugin::upload.file').count()).toBe(files);
    expect((await issue({ year: 2032 })).documentNumber).toBe('KS/BO.29.3.1/2032/0001');
  });

  test.each([
    ['formCode', { formCode: 'bo 29' }],
    ['year', { year: 1999 }],
    ['year', { year: 2026.5 }],
    ['title', { title: '  ' }],
    ['record', { record: { uid: MINUTE, documentId: 'tidak-ada' } }],
    ['record', { record: { uid: 'api::nothing.nothing', documentId: 'x' } }],
    ['mime', { render: async () => ({ bytes: Buffer.from('<html>'), filename: 'a.html', mime: 'text/html' }) }],
  ])('bad input is a ValidationError naming %s', async (field, overrides) => {
    const error = await issue({ year: 2033, ...overrides }).catch((e: unknown) => e) as { name?: string; details?: { errors?: Array<{ path: string[] }> } };
    expect(error.name).toBe('ValidationError');
    expect(error.details?.errors?.[0].path).toEqual([field]);
    expect(await app.strapi.db.query(ISSUED).count({ where: { year: 2033 } })).toBe(0);
  });
});

describe('the stored record and file', () => {
  test('records form, record, year, title, issuer, time, SHA-256 of the bytes; the file is private and byte-identical', async () => {
    const doc = await issue({ year: 2034 });
    const row = await stored(doc.documentId);
    expect(row).toMatchObject({
      documentNumber: 'KS/BO.29.3.1/2034/0001', formCode: 'BO.29.3.1', year: 2034, sequence: 1, title: 'Notulen rapat koordinasi',
      recordType: MINUTE, recordDocumentId: minute.documentId, issuedByName: 'Dr. Kapokja Uji', issuedByRole: 'Kapokja Humas & Kerjasama / Head of PR & Cooperation', issuedById: 'admin:7',
      mime: 'application/pdf', filename: 'notulen.pdf',
    });
    const { url, bytes } = await downloadIssued(app.request, credentials.apiToken, doc.documentId);
    expect(sha256(bytes)).toBe(row.sha256);
    expect(bytes.toString()).toContain('KS/BO.29.3.1/2034/0001');
    expect(url).toMatch(/[?&]signature=|[?&]sig/i);
    const unsigned = await app.request().get(new URL(url, 'http://x').pathname);
    expect([401, 403, 404]).toContain(unsigned.status);
  });
});

describe('immutable at every door', () => {
  let documentId: string;
  let before: Record<string, unknown>;
  beforeAll(async () => {
    documentId = (await issue({ year: 2035 })).documentId;
    before = await stored(documentId);
  });

  test.each(DOORS)('no update through %s', async (door) => {
    const outcome = await updateThrough(door, ISSUED, documentId, { title: 'Dipalsukan', sha256: '0'.repeat(64) }, doorContext());
    expect(outcome.ok).toBe(false);
    expect(outcome.status).toBeLessThan(500);
    expect(await stored(documentId)).toEqual(before);
  });

  test.each(DOORS)('no create through %s', async (door) => {
    const count = await app.strapi.db.query(ISSUED).count();
    const data = { documentNumber: 'KS/BO.29.3.1/2035/0099', formCode: 'BO.29.3.1', year: 2035, sequence: 99, title: 'Palsu', recordType: MINUTE, recordDocumentId: minute.documentId, issuedByName: 'X', issuedAt: new Date().toISOString(), sha256: 'a'.repeat(64), mime: 'application/pdf', filename: 'x.pdf', size: 1 };
    const outcome = door === 'rest'
      ? await app.request().post('/api/issued-documents').set('Authorization', `Bearer ${credentials.apiToken}`).send({ data }).then((r) => ({ ok: r.status < 300, status: r.status }))
      : await createThrough(door, 'issued-document' as never, data, doorContext());
    expect(outcome.ok).toBe(false);
    expect(outcome.status).toBeLessThan(500);
    expect(await app.strapi.db.query(ISSUED).count()).toBe(count);
  });

  test.each(CLONE_DOORS)('no copy through %s', async (door) => {
    const count = await app.strapi.db.query(ISSUED).count();
    const outcome = await cloneThrough(door, ISSUED, documentId, {}, doorContext());
    expect(outcome.ok).toBe(false);
    expect(outcome.status).toBeLessThan(500);
    expect(await app.strapi.db.query(ISSUED).count()).toBe(count);
  });

  test.each([...DOORS, 'content-manager-bulk' as const])('kept five years: no delete through %s', async (door) => {
    const outcome = await deleteThrough(door, ISSUED, documentId, doorContext());
    expect(outcome.ok).toBe(false);
    expect(outcome.status).toBeLessThan(500);
    expect(await stored(documentId)).toEqual(before);
  });

  test('the retention message names the five years', async () => {
    const outcome = await deleteThrough('document-service', ISSUED, documentId, doorContext());
    expect(outcome.paths).toEqual(['documentId']);
    expect(outcome.message).toMatch(/Dokumen terbit wajib disimpan 5 tahun.*issued document/);
  });

  test('its file cannot be replaced or removed through the Media Library', async () => {
    const fileId = (await app.strapi.db.query(ISSUED).findOne({ where: { documentId }, populate: { file: true } })).file.id as number;
    const removed = await app.request().delete(`/upload/files/${fileId}`).set('Authorization', `Bearer ${credentials.adminJwt}`);
    expect(removed.status).toBe(400);
    const replaced = await app.request().post(`/upload?id=${fileId}`).set('Authorization', `Bearer ${credentials.adminJwt}`)
      .attach('files', tinyPdf('palsu', 'palsu'), { filename: 'notulen.pdf', contentType: 'application/pdf' });
    expect(replaced.status).toBe(400);
    const renamed = await app.request().post(`/upload?id=${fileId}`).set('Authorization', `Bearer ${credentials.adminJwt}`)
      .send({ fileInfo: JSON.stringify({ name: 'palsu.pdf' }) });
    expect(renamed.status).toBe(400);
    const { bytes } = await downloadIssued(app.request, credentials.apiToken, documentId);
    expect(sha256(bytes)).toBe(before.sha256);
  });

  test('past five years the retention rule lets it go', async () => {
    const old = await issue({ year: 2020 });
    const sixYearsAgo = new Date(Date.now() - 6 * 365.25 * 86_400_000).toISOString();
    await app.strapi.db.query(ISSUED).update({ where: { documentId: old.documentId }, data: { issuedAt: sixYearsAgo, createdAt: sixYearsAgo } });
    const outcome = await deleteThrough('document-service', ISSUED, old.documentId, doorContext());
    expect(outcome.ok).toBe(true);
  });
});

describe('GET /api/verifikasi/:number (public)', () => {
  test('a known number: what the document is, who issued it when, its SHA-256, and nothing else', async () => {
    const doc = await issue({ year: 2036 });
    const response = await app.request().get(`/api/verifikasi/${doc.documentNumber}`);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.data).sort()).toEqual(PUBLIC_KEYS);
    expect(response.body.data).toMatchObject({ documentNumber: 'KS/BO.29.3.1/2036/0001', formCode: 'BO.29.3.1', year: 2036, issuedByName: 'Dr. Kapokja Uji', issuedByRole: 'Kapokja Humas & Kerjasama / Head of PR & Cooperation', sha256: doc.sha256 });
    const text = JSON.stringify(response.body);
    for (const secret of [minute.documentId, 'admin:7', 'uploads', 'notulen.pdf', MINUTE]) expect(text).not.toContain(secret);
  });

  test('an unknown number is a 404 saying so in both languages', async () => {
    const response = await app.request().get('/api/verifikasi/KS/BO.29.3.1/2036/0999');
    expect(response.status).toBe(404);
    expect(response.body.error.message).toMatch(/tidak pernah diterbitkan.*was ever issued/);
  });

  test.each(['KS/bo/2036/1', 'xyz', 'KS/BO.29.3.1/2036/0001/extra'])('a malformed number (%s) is a 400 naming number', async (number) => {
    const response = await app.request().get(`/api/verifikasi/${number}`);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['number']);
  });

  test('the Public role reads no issued document through the content API or GraphQL', async () => {
    expect((await app.request().get('/api/issued-documents')).status).toBe(403);
    const graphql = await app.request().post('/graphql').send({ query: '{ issuedDocuments { documentNumber sha256 } }' });
    expect(graphql.body.data?.issuedDocuments ?? null).toBeNull();
    expect(graphql.body.errors?.length).toBeGreaterThan(0);
  });

  test('the page /verifikasi/<number> is served for any number shape the office prints', async () => {
    const response = await app.request().get('/verifikasi/KS/BO.29.3.1/2036/0001');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/html/);
    expect(response.text).toContain('Verifikasi dokumen');
  });
});
