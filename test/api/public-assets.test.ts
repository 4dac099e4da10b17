import fs from 'fs';
import path from 'path';
import { setupStrapi, type TestApp } from '../helpers/strapi';
import { ensurePublicBuild } from '../helpers/public-build';

/**
 * The public pages as a browser fetches them after npm run build:public: every page and asset
 * precompressed (br, gzip), hashed names cached for a year, the pages revalidated, the headers
 * those of every other response (strapi::security), and a stale build never served.
 */
const PUBLIC = path.resolve(__dirname, '..', '..', 'public');
let app: TestApp;

const get = (url: string, headers: Record<string, string> = {}) => {
  let request = app.request().get(url).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
  for (const [name, value] of Object.entries(headers)) request = request.set(name, value);
  return request;
};
/** supertest has already decoded br and gzip; the header and Content-Length say what was on the wire. */
const text = (response: { body: unknown }) => (response.body as Buffer).toString('utf8');
/** Headers that depend on the response itself rather than on the system's policy. */
const OWN = ['content-type', 'content-length', 'content-encoding', 'etag', 'cache-control', 'vary', 'date', 'last-modified', 'connection', 'keep-alive', 'referrer-policy', 'accept-ranges'];
const policy = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !OWN.includes(name)));

beforeAll(async () => {
  ensurePublicBuild();
  app = await setupStrapi();
});

afterAll(async () => {
  await app?.destroy();
});

test('the pages name their assets by content hash; those are immutable for a year, the pages revalidated', async () => {
  const page = await get('/', { 'Accept-Encoding': 'br, gzip' });
  expect(page.status).toBe(200);
  expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(page.headers['content-encoding']).toBe('br');
  expect(page.headers['cache-control']).toBe('no-cache');
  expect(page.headers.vary).toMatch(/Accept-Encoding/);
  const html = text(page);
  const assets = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
  expect(assets).toEqual([expect.stringMatching(/^\/assets\/directory\.[0-9a-f]{10}\.css$/), expect.stringMatching(/^\/assets\/directory\.[0-9a-f]{10}\.js$/)]);

  const script = await get(assets[1], { 'Accept-Encoding': 'gzip' });
  expect(script.status).toBe(200);
  expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  expect(script.headers['content-encoding']).toBe('gzip');
  const source = text(script);
  // The map is asked for by its hashed name too, and sent compressed.
  const map = /\/assets\/world-map\.[0-9a-f]{10}\.json/.exec(source)?.[0];
  expect(map).toBeDefined();
  const world = await get(map!, { 'Accept-Encoding': 'br, gzip' });
  expect(world.headers['content-encoding']).toBe('br');
  expect(world.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(JSON.parse(text(world))).toEqual(JSON.parse(fs.readFileSync(path.join(PUBLIC, 'assets', 'world-map.json'), 'utf8')));
  expect(Number(world.headers['content-length'])).toBeLessThan(45_000);

  // Without Accept-Encoding: the plain bytes, the same as the source.
  const plainCss = await get(assets[0], { 'Accept-Encoding': 'identity' });
  expect(plainCss.headers['content-encoding']).toBeUndefined();
  expect((plainCss.body as Buffer).toString('utf8')).toBe(fs.readFileSync(path.join(PUBLIC, 'assets', 'directory.css'), 'utf8'));
});

test('a revalidation with the ETag is a 304; the headers are those of every other response', async () => {
  const first = await get('/', { 'Accept-Encoding': 'br, gzip' });
  const again = await get('/', { 'Accept-Encoding': 'br, gzip', 'If-None-Match': first.headers.etag });
  expect(again.status).toBe(304);
  expect((again.body as Buffer).length).toBe(0);
  const other = await app.request().get('/api/directory');
  expect(policy(first.headers)).toEqual(policy(other.headers));
  expect(first.headers['content-security-policy']).toBeDefined();
  expect(first.headers['x-content-type-options']).toBe('nosniff');
});

test('the unit and survey pages are built and compressed too; the survey page is never stored', async () => {
  const usulan = await get('/usulan/', { 'Accept-Encoding': 'gzip' });
  expect(usulan.status).toBe(200);
  expect(usulan.headers['content-encoding']).toBe('gzip');
  expect(text(usulan)).toMatch(/src="\/assets\/usulan\.[0-9a-f]{10}\.js"/);
  const survey = await get('/survei/AbCdEf0123456789_-xyz', { 'Accept-Encoding': 'br' });
  expect(survey.status).toBe(200);
  expect(survey.headers['content-encoding']).toBe('br');
  expect(survey.headers['cache-control']).toBe('no-store');
  expect(survey.headers['referrer-policy']).toBe('no-referrer');
  const html = text(survey);
  const script = /src="(\/assets\/survei\.[0-9a-f]{10}\.js)"/.exec(html)![1];
  expect((await get(script)).status).toBe(200);
  // The unhashed names still answer (old bookmarks, outside links), revalidated, compressed.
  const legacy = await get('/survei/survei.js', { 'Accept-Encoding': 'br' });
  expect(legacy.status).toBe(200);
  expect(legacy.headers['cache-control']).toBe('no-cache');
  expect(legacy.headers['content-encoding']).toBe('br');
});

test('a source changed after the build is served as it is, never the stale build', async () => {
  const { loadPublicAssets } = await import('../../src/middlewares/public-assets');
  expect(typeof loadPublicAssets(PUBLIC)).toBe('object');
  const copy = fs.mkdtempSync(path.join(PUBLIC, '..', '.tmp', 'public-'));
  try {
    fs.cpSync(PUBLIC, copy, { recursive: true, filter: (source) => !source.includes(`${path.sep}uploads`) });
    fs.appendFileSync(path.join(copy, 'assets', 'directory.js'), '\n// changed\n');
    expect(loadPublicAssets(copy)).toBe('changed since npm run build:public: assets/directory.js');
    fs.rmSync(path.join(copy, 'assets', 'manifest.json'));
    expect(loadPublicAssets(copy)).toMatch(/no public\/assets\/manifest\.json/);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
