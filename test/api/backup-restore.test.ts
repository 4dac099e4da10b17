import { execFile } from 'child_process';
import { createHash } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import type { Core } from '@strapi/strapi';
import knex from 'knex';
import { adminToken, apiToken } from '../helpers/auth';
import { createCall, createUnitUser, shiftDays, today } from '../helpers/participation';
import { createDatabase, isPostgres, setupStrapi, type TestApp, type TestDatabase } from '../helpers/strapi';

/**
 * Backup and restore (docs/BACKUP.md): a demo year plus a unit's proposal with an uploaded
 * attachment and a few transitions is exported with Strapi's own CLI (`strapi export`, gzip +
 * encryption), imported with `strapi import` into a fresh database, booted, and compared with the
 * original table by table: every record of every content type (documentIds, workflow states,
 * relations, createdAt / updatedAt / publishedAt and every other date), the transition log,
 * users-permissions users and roles, the core store, and the uploaded files' bytes.
 * Admin users and API tokens are not part of a Strapi export (admin:: types): asserted too.
 */
const APP_DIR = path.resolve(__dirname, '..', '..');
const CLI = [
  '-r',
  path.join(APP_DIR, 'test', 'helpers', 'strapi-cli.js'),
  path.join(APP_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'),
];
const KEY = 'kunci-cadangan-uji';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const execFileAsync = promisify(execFile);

type Row = Record<string, unknown>;

let work: string;
let source: TestApp | undefined;
let restored: TestApp | undefined;
let target: TestDatabase | undefined;
let copy: TestDatabase | undefined;
let tablesBefore: Record<string, unknown[]>;
let tablesOfCopy: Record<string, unknown[]>;
let before: Snapshot;
let proposalId: string;
let unitJwt: string;
let directoryBefore: unknown;

/**
 * A public folder of its own (the import replaces uploads/ as a whole): the app's pages linked in,
 * an empty uploads/.
 */
const publicDir = (name: string) => {
  const dir = path.join(work, name);
  fs.mkdirSync(path.join(dir, 'uploads'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'uploads', '.gitkeep'), '');
  for (const entry of fs.readdirSync(path.join(APP_DIR, 'public'))) {
    if (entry !== 'uploads') fs.symlinkSync(path.join(APP_DIR, 'public', entry), path.join(dir, entry));
  }
  return dir;
};

const strapiCli = async (args: string[], env: Record<string, string>) => {
  try {
    // From the scratch folder: the CLI leaves its diagnostic log (export_<time>.log) there.
    return await execFileAsync(process.execPath, [...CLI, ...args], { cwd: work, env: { ...process.env, ...env }, timeout: 180_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`strapi ${args[0]} failed:\n${stdout}\n${stderr}`);
  }
};

// ------------------------------------------------------------------------------- the comparison

/** Every content type a Strapi export carries (admin:: types and content releases are left out). */
const transferredTypes = (strapi: Core.Strapi) =>
  Object.keys(strapi.contentTypes).filter((uid) => !uid.startsWith('admin::') && !uid.startsWith('plugin::content-releases.'));

type Attribute = { type: string; target?: string; component?: string; components?: string[] };

/** Populates relations, media and components (and their relations) so links are compared too. */
const populateFor = (strapi: Core.Strapi, attributes: Record<string, Attribute>, depth = 0): Record<string, unknown> => {
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.type === 'relation' && attribute.target?.startsWith('admin::')) continue;
    if (attribute.type === 'relation' || attribute.type === 'media') populate[name] = { select: ['documentId', 'publishedAt', 'locale'] };
    if (attribute.type === 'component' && depth < 3) {
      const component = strapi.components[attribute.component as never] as unknown as { attributes: Record<string, Attribute> };
      populate[name] = { populate: populateFor(strapi, component.attributes, depth + 1) };
    }
    if (attribute.type === 'dynamiczone') populate[name] = true;
  }
  return populate;
};

/** Database ids are renumbered by an import: records and links are compared by documentId. */
const normalise = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(normalise);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const row = value as Row;
    const out: Row = {};
    for (const [key, field] of Object.entries(row)) {
      // createdBy / updatedBy point at admin users, which an export does not carry.
      if (key === 'id' || key === 'createdBy' || key === 'updatedBy') continue;
      out[key] = normalise(field);
    }
    return out;
  }
  return value;
};

const rowKey = (row: Row) => `${row.documentId ?? ''}|${row.locale ?? ''}|${row.publishedAt ? 'published' : 'draft'}|${row.key ?? ''}|${row.action ?? ''}`;

type Snapshot = { records: Record<string, Row[]>; store: Record<string, unknown>; files: Record<string, string> };

const snapshot = async (strapi: Core.Strapi): Promise<Snapshot> => {
  const records: Record<string, Row[]> = {};
  for (const uid of transferredTypes(strapi)) {
    const model = strapi.contentTypes[uid as never] as unknown as { attributes: Record<string, Attribute> };
    const rows = (await strapi.db.query(uid as never).findMany({ populate: populateFor(strapi, model.attributes) })) as Row[];
    records[uid] = (rows.map(normalise) as Row[]).sort((a, b) => rowKey(a).localeCompare(rowKey(b)));
  }
  const store: Record<string, unknown> = {};
  for (const row of (await strapi.db.query('strapi::core-store').findMany()) as Row[]) store[String(row.key)] = row.value;

  // The bytes behind every upload (and its formats), by the URL the record names.
  const files: Record<string, string> = {};
  for (const file of records['plugin::upload.file']) {
    const urls = [file.url, ...Object.values((file.formats ?? {}) as Record<string, { url: string }>).map((format) => format.url)];
    for (const url of urls as string[]) {
      const file = path.join(strapi.dirs.static.public, url);
      files[url] = fs.existsSync(file) ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : 'missing';
    }
  }
  return { records, store, files };
};

/** Every table of a database, row for row in id order (for the database-level copy, which keeps ids). */
const rawTables = async (env: Record<string, string>) => {
  const db = isPostgres
    ? knex({ client: 'pg', connection: env.DATABASE_URL })
    : knex({ client: 'better-sqlite3', connection: { filename: env.DATABASE_FILENAME, readonly: true } as never, useNullAsDefault: true });
  try {
    const names = isPostgres
      ? ((await db('pg_tables').where({ schemaname: 'public' }).select('tablename')) as { tablename: string }[]).map((row) => row.tablename)
      : ((await db('sqlite_master').where({ type: 'table' }).andWhereNot('name', 'like', 'sqlite_%').select('name')) as { name: string }[]).map((row) => row.name);
    const tables: Record<string, unknown[]> = {};
    for (const name of names.sort()) tables[name] = await db(name).select('*').orderByRaw('1');
    return tables;
  } finally {
    await db.destroy();
  }
};

/** docs/BACKUP.md section 2: `pg_dump -Fc` + `pg_restore` into a fresh database, or `sqlite3 .backup`. */
const copyDatabase = async (sourceEnv: Record<string, string>): Promise<TestDatabase> => {
  if (isPostgres) {
    const dump = path.join(work, 'kerjasama.dump');
    await execFileAsync('pg_dump', ['-Fc', '--no-owner', '-d', sourceEnv.DATABASE_URL, '-f', dump]);
    const fresh = await createDatabase({ fresh: true });
    await execFileAsync('pg_restore', ['--no-owner', '-d', fresh.env.DATABASE_URL, dump]);
    return fresh;
  }
  const filename = path.join(work, 'copy.db');
  await execFileAsync('sqlite3', [sourceEnv.DATABASE_FILENAME, `.backup '${filename}'`]);
  return { env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename }, drop: async () => undefined };
};

// ------------------------------------------------------------------------------- the scenario

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kerjasama-backup-'));
  const sourcePublic = publicDir('public-source');
  source = await setupStrapi({ SEED_DEMO: 'true', PUBLIC_DIR: sourcePublic });
  const { strapi } = source;
  await adminToken(strapi, source.request, ['Kapokja Humas & Kerjasama']);
  const token = await apiToken(strapi);

  // A unit's proposal with an uploaded attachment, submitted, reviewed and sent back for revision.
  await createCall(strapi, shiftDays(today(), 30));
  const unit = await strapi.db.query('api::unit.unit').findOne({ where: { code: 'JTI' } });
  unitJwt = (await createUnitUser(strapi, source.request, unit, 'staf-cadangan@unit.test')).jwt;
  const auth = { Authorization: `Bearer ${unitJwt}` };
  const upload = await source.request().post('/api/upload').set(auth).attach('files', PDF, { filename: 'proposal-annex.pdf', contentType: 'application/pdf' });
  if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${JSON.stringify(upload.body)}`);
  const created = await source
    .request()
    .post('/api/proposals')
    .set(auth)
    .send({ data: { title: 'Usulan yang dicadangkan', objectives: 'Magang industri', plannedYear: 2027, prospectivePartnerName: 'PT Calon Mitra', attachments: [upload.body[0].id] } });
  if (created.status !== 201) throw new Error(`proposal: ${created.status} ${JSON.stringify(created.body)}`);
  proposalId = created.body.data.documentId;
  const move = (who: Record<string, string>, to: string, reason?: string) =>
    source!.request().post(`/api/proposals/${proposalId}/transitions`).set(who).send({ to, reason });
  expect((await move(auth, 'submitted')).status).toBe(200);
  expect((await move({ Authorization: `Bearer ${token}` }, 'under_review')).status).toBe(200);
  expect((await move({ Authorization: `Bearer ${token}` }, 'revision_requested', 'Lengkapi anggaran')).status).toBe(200);

  before = await snapshot(strapi);
  directoryBefore = (await source.request().get('/api/directory')).body;

  // The backup as docs/BACKUP.md gives it: compressed and encrypted.
  const archive = path.join(work, 'cadangan');
  await strapiCli(['export', '--file', archive, '--key', KEY], { PUBLIC_DIR: sourcePublic });
  const sourceEnv = { DATABASE_URL: process.env.DATABASE_URL ?? '', DATABASE_FILENAME: process.env.DATABASE_FILENAME ?? '' };
  copy = await copyDatabase(sourceEnv);
  tablesBefore = await rawTables(sourceEnv);
  tablesOfCopy = await rawTables(copy.env);
  await source.destroy();
  source = undefined;

  // Restore into a fresh database and an empty uploads folder, then boot on it.
  target = await createDatabase({ fresh: true });
  const targetPublic = publicDir('public-restored');
  await strapiCli(['import', '--file', `${archive}.tar.gz.enc`, '--key', KEY, '--force'], { ...target.env, PUBLIC_DIR: targetPublic, SEED_DEMO: 'false' });
  restored = await setupStrapi({ SEED_DEMO: 'true', PUBLIC_DIR: targetPublic }, { database: target });
}, 480_000);

afterAll(async () => {
  await source?.destroy();
  await copy?.drop();
  if (restored) await restored.destroy();
  else await target?.drop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the seeded dataset is what a backup has to carry', () => {
  const states = before.records['api::proposal.proposal'].map((row) => row.workflowState);
  expect(states).toEqual(expect.arrayContaining(['approved', 'revision_requested']));
  expect(before.records['api::annual-program.annual-program'].some((row) => row.workflowState === 'approved')).toBe(true);
  expect(before.records['api::meeting-minute.meeting-minute'].some((row) => row.workflowState === 'final')).toBe(true);
  expect(before.records['api::transition-log.transition-log'].filter((row) => row.recordDocumentId === proposalId)).toHaveLength(3);
  expect(Object.keys(before.files).length).toBeGreaterThanOrEqual(1);
});

test.each([
  ['api::proposal.proposal'],
  ['api::transition-log.transition-log'],
  ['api::annual-program.annual-program'],
  ['api::meeting-minute.meeting-minute'],
  ['api::agreement.agreement'],
  ['plugin::upload.file'],
  ['plugin::users-permissions.user'],
  ['plugin::users-permissions.role'],
])('%s comes back record for record, dates and links included', async (uid) => {
  const after = await snapshot(restored!.strapi);
  expect(after.records[uid].length).toBeGreaterThan(0);
  expect(after.records[uid]).toEqual(before.records[uid]);
});

test('every other content type comes back identical too: the boot after the import adds nothing', async () => {
  const after = await snapshot(restored!.strapi);
  expect(Object.keys(after.records).sort()).toEqual(Object.keys(before.records).sort());
  // Compared after the boot on the restored database: its bootstrap (roles, seed, layouts) added nothing.
  for (const uid of Object.keys(before.records)) expect({ uid, rows: after.records[uid] }).toEqual({ uid, rows: before.records[uid] });
});

test('the core store (settings, seed and role-policy markers) comes back', async () => {
  const after = await snapshot(restored!.strapi);
  // Strapi writes to it at boot too: it adds notices it has shown, recomputes the Content
  // Manager's own metadata of the `id` column and may draw a new random time for the upload
  // plugin's weekly metrics job (`plugin_upload_metrics`); what the office set (settings,
  // layouts, labels, our markers, users-permissions settings and e-mail templates) is compared whole.
  const comparable = (store: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(store).filter(([key]) => key !== 'plugin_upload_metrics').map(([key, value]) => {
        const parsed = JSON.parse(String(value)) as unknown;
        if (key.startsWith('plugin_content_manager_configuration_') && parsed && typeof parsed === 'object' && 'metadatas' in parsed) {
          const metadatas = { ...(parsed as { metadatas: Record<string, unknown> }).metadatas };
          delete metadatas.id;
          return [key, { ...parsed, metadatas }];
        }
        return [key, parsed];
      }),
    );
  expect(comparable(after.store)).toMatchObject(comparable(before.store));
});

test('uploaded files come back byte for byte, and the unit downloads its attachment as before', async () => {
  const after = await snapshot(restored!.strapi);
  expect(after.files).toEqual(before.files);
  const auth = { Authorization: `Bearer ${unitJwt}` };
  const read = await restored!.request().get(`/api/proposals/${proposalId}?populate=attachments`).set(auth);
  expect(read.status).toBe(200);
  const link = new URL(read.body.data.attachments[0].url, 'http://localhost');
  const download = await restored!.request().get(`${link.pathname}${link.search}`).set(auth).responseType('blob');
  expect(download.status).toBe(200);
  expect(createHash('sha256').update(download.body as Buffer).digest('hex')).toBe(createHash('sha256').update(PDF).digest('hex'));
});

test('the restored system answers as before: the unit logs in, sees its history; the directory is the same', async () => {
  const login = await restored!.request().post('/api/auth/local').send({ identifier: 'staf-cadangan@unit.test', password: 'Test-Passw0rd!' });
  expect(login.status).toBe(200);
  const workflow = await restored!.request().get(`/api/proposals/${proposalId}/workflow`).set({ Authorization: `Bearer ${login.body.jwt}` });
  expect(workflow.status).toBe(200);
  expect(JSON.stringify(workflow.body)).toContain('Lengkapi anggaran');
  // A session issued before the backup stays valid (same JWT_SECRET, same user).
  expect((await restored!.request().get('/api/proposals').set({ Authorization: `Bearer ${unitJwt}` })).status).toBe(200);
  expect((await restored!.request().get('/api/directory')).body).toEqual(directoryBefore);
});

test('admin users and API tokens are not in a Strapi export; the admin roles are rebuilt by the boot', async () => {
  const { strapi } = restored!;
  expect(await strapi.db.query('admin::user').count()).toBe(0);
  expect(await strapi.db.query('admin::api-token').count()).toBe(0);
  const roles = (await strapi.db.query('admin::role').findMany()) as Row[];
  expect(roles.map((role) => role.name)).toEqual(expect.arrayContaining(['Staf Humas', 'Kapokja Humas & Kerjasama', 'Direktur']));
});

test(`a database copy (${isPostgres ? 'pg_dump -Fc / pg_restore' : 'sqlite3 .backup'}) carries every table, admin users and API tokens included`, () => {
  expect(Object.keys(tablesOfCopy)).toEqual(Object.keys(tablesBefore));
  // The upload plugin's weekly metrics job may fire between the snapshot and the copy (it did in CI,
  // on a Wednesday at its drawn time) and write its last-run time: Strapi's bookkeeping, not office data.
  const comparableRows = (table: string, rows: unknown[]) =>
    table === 'strapi_core_store_settings'
      ? (rows as Array<Record<string, unknown>>).map((row) => (row.key === 'plugin_upload_metrics' ? { ...row, value: '(upload metrics)' } : row))
      : rows;
  for (const table of Object.keys(tablesBefore)) {
    expect({ table, rows: comparableRows(table, tablesOfCopy[table]) }).toEqual({ table, rows: comparableRows(table, tablesBefore[table]) });
  }
  expect(tablesOfCopy.admin_users.length).toBeGreaterThan(0);
  expect(tablesOfCopy.strapi_api_tokens.length).toBeGreaterThan(0);
});
