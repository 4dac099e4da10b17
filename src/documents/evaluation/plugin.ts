import type { Core } from '@strapi/strapi';
import { PLUGIN_ACTIONS } from '../../contracts/permissions';
import { parseInput } from '../../http/validate';
import { evaluationDownloadQuery, evaluationNarrativeBody, evaluationParams } from '../../contracts/schemas/documents';
import { resolveActor } from '../../workflow/actor';
import { createEvaluationService } from './service';
import { adminRoute, pluginAction, type AdminContext } from '../../planning/routes/policy';

/**
 * Admin routes of the annual evaluation report (FO.28.2.1) in the Kerjasama plugin: everyone with
 * the dashboard reads (the Director too), Staf Humas and the Kapokja prepare, the Kapokja finalises.
 */
export const evaluationPermissionActions = [
  pluginAction('evaluation', 'evaluation.prepare', 'Siapkan laporan evaluasi (Prepare the evaluation report)'),
  pluginAction('evaluation', 'evaluation.finalize', 'Finalkan laporan evaluasi (Finalize the evaluation report)'),
];

export const evaluationRoutes = [
  adminRoute('GET', '/evaluation/:year', 'evaluation.preview', PLUGIN_ACTIONS.readDashboard),
  adminRoute('GET', '/evaluation/:year/download', 'evaluation.download', PLUGIN_ACTIONS.readDashboard),
  adminRoute('POST', '/evaluation/:year/generate', 'evaluation.generate', PLUGIN_ACTIONS.prepareEvaluation),
  adminRoute('POST', '/evaluation/:year/finalize', 'evaluation.finalize', PLUGIN_ACTIONS.finalizeEvaluation),
];

type Ctx = AdminContext;

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
