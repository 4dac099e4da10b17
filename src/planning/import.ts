import { promises as fs } from 'fs';
import type { Core } from '@strapi/strapi';
import { PLUGIN_ACTIONS } from '../contracts/permissions';
import { importJobBody, mergeBody } from '../contracts/schemas/import';
import { formatBilingual } from '../domain/bilingual';
import { parseInput } from '../http/validate';
import { resolveActor } from '../workflow/actor';
import { throwFieldErrors } from '../workflow/errors';
import { adminRoute, pluginAction, type AdminContext } from './routes/policy';
import { getService } from './services';

/**
 * The office's existing sheets (issue 13): upload, map, preview, import; and duplicate partners
 * found and merged by Humas. Routes, controllers and permission actions of these pages.
 */
export const importPermissionActions = [
  pluginAction('import', 'import.import-records', 'Impor mitra, naskah dan monitoring dari XLSX/CSV (Import partners, agreements and monitoring)'),
  pluginAction('import', 'partners.merge-partners', 'Lihat dan gabungkan mitra ganda (Find and merge duplicate partners)'),
];

export const importRoutes = [
  adminRoute('POST', '/import/uploads', 'import.upload', PLUGIN_ACTIONS.importRecords),
  adminRoute('POST', '/import/jobs', 'import.start', PLUGIN_ACTIONS.importRecords),
  adminRoute('GET', '/import/jobs/:jobId', 'import.job', PLUGIN_ACTIONS.importRecords),
  // Polled while a job runs: on SQLite the job's transaction holds the one connection, so this
  // answer must not need the database (an admin session check does). The token is the job's own
  // unguessable 128-bit capability and answers the counts only; the result needs the session.
  { method: 'GET' as const, path: '/import/progress/:token', handler: 'import.progress', config: { auth: false as const } },
  adminRoute('GET', '/partners/duplicates', 'partners.duplicates', PLUGIN_ACTIONS.mergePartners),
  adminRoute('POST', '/partners/merge', 'partners.merge', PLUGIN_ACTIONS.mergePartners),
];

interface UploadedFile {
  filepath?: string;
  path?: string;
  originalFilename?: string | null;
  name?: string | null;
}

type Ctx = AdminContext & { request: { files?: Record<string, UploadedFile | UploadedFile[]> } };

const fileRequired = () =>
  throwFieldErrors([{ path: ['file'], message: formatBilingual({ id: 'Lampirkan satu berkas XLSX atau CSV pada isian "file"', en: 'Attach one XLSX or CSV file in the "file" field' }) }]);

export const importControllers = {
  import: ({ strapi }: { strapi: Core.Strapi }) => ({
    async upload(ctx: Ctx) {
      const given = ctx.request.files?.file;
      const file = Array.isArray(given) ? (given.length === 1 ? given[0] : undefined) : given;
      const location = file?.filepath ?? file?.path;
      if (!file || !location) return fileRequired();
      const bytes = await fs.readFile(location);
      ctx.status = 201;
      ctx.body = { data: await getService(strapi, 'import').upload(bytes, String(file.originalFilename ?? file.name ?? 'berkas')) };
    },
    async start(ctx: Ctx) {
      ctx.status = 202;
      ctx.body = { data: await getService(strapi, 'import').start(parseInput(importJobBody, ctx.request.body)) };
    },
    async job(ctx: Ctx) {
      ctx.body = { data: getService(strapi, 'import').job(ctx.params.jobId) };
    },
    async progress(ctx: Ctx) {
      ctx.body = { data: getService(strapi, 'import').progress(ctx.params.token) };
    },
  }),
  partners: ({ strapi }: { strapi: Core.Strapi }) => ({
    async duplicates(ctx: Ctx) {
      ctx.body = { data: await getService(strapi, 'partnerMerge').duplicates() };
    },
    async merge(ctx: Ctx) {
      const input = parseInput(mergeBody, ctx.request.body);
      ctx.body = { data: await getService(strapi, 'partnerMerge').merge(input, await resolveActor(strapi)) };
    },
  }),
};
