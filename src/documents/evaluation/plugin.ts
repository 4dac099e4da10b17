import type { Core } from '@strapi/strapi';
import { PLUGIN_ACTIONS } from '../../contracts/permissions';
import { parseInput } from '../../http/validate';
import { evaluationDownloadQuery, evaluationNarrativeBody, evaluationParams } from '../../contracts/schemas/documents';
import { resolveActor } from '../../workflow/actor';
import { createEvaluationService } from './service';
import { requires } from '../../planning/routes/policy';

/**
 * Admin routes of the annual evaluation report (FO.28.2.1) in the Kerjasama plugin: everyone with
 * the dashboard reads (the Director too), Staf Humas and the Kapokja prepare, the Kapokja finalises.
 */
export const evaluationPermissionActions = [
  { section: 'plugins', pluginName: 'kerjasama', subCategory: 'evaluation', uid: 'evaluation.prepare', displayName: 'Siapkan laporan evaluasi (Prepare the evaluation report)' },
  { section: 'plugins', pluginName: 'kerjasama', subCategory: 'evaluation', uid: 'evaluation.finalize', displayName: 'Finalkan laporan evaluasi (Finalize the evaluation report)' },
];

export const evaluationRoutes = [
  { method: 'GET', path: '/evaluation/:year', handler: 'evaluation.preview', config: requires(PLUGIN_ACTIONS.readDashboard) },
  { method: 'GET', path: '/evaluation/:year/download', handler: 'evaluation.download', config: requires(PLUGIN_ACTIONS.readDashboard) },
  { method: 'POST', path: '/evaluation/:year/generate', handler: 'evaluation.generate', config: requires(PLUGIN_ACTIONS.prepareEvaluation) },
  { method: 'POST', path: '/evaluation/:year/finalize', handler: 'evaluation.finalize', config: requires(PLUGIN_ACTIONS.finalizeEvaluation) },
];

interface Ctx {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: Record<string, unknown> };
  body: unknown;
  type: string;
  attachment: (filename: string) => void;
}

const yearOf = (ctx: Ctx) => parseInput(evaluationParams, ctx.params).year;

export const evaluationControllers = {
  evaluation: ({ strapi }: { strapi: Core.Strapi }) => {
    const service = createEvaluationService(strapi);
    return {
      async preview(ctx: Ctx) {
        ctx.body = { data: await service.preview(yearOf(ctx)) };
      },
      async generate(ctx: Ctx) {
        const year = yearOf(ctx);
        ctx.body = { data: await service.generate(year, parseInput(evaluationNarrativeBody, ctx.request.body)) };
      },
      async finalize(ctx: Ctx) {
        const year = yearOf(ctx);
        ctx.body = { data: await service.finalize(year, await resolveActor(strapi), parseInput(evaluationNarrativeBody, ctx.request.body)) };
      },
      async download(ctx: Ctx) {
        const year = yearOf(ctx);
        const file = await service.download(year, parseInput(evaluationDownloadQuery, ctx.query).format);
        ctx.type = file.mime;
        ctx.attachment(file.filename);
        ctx.body = file.bytes;
      },
    };
  },
};
