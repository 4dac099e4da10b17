import type { Core } from '@strapi/strapi';
import { PLUGIN_ACTIONS } from '../../contracts/permissions';
import { requireYear } from '../../planning/services/lookups';
import { resolveActor } from '../../workflow/actor';
import { createEvaluationService, parseFormat } from './service';

/**
 * Admin routes of the annual evaluation report (FO.28.2.1) in the Kerjasama plugin: everyone with
 * the dashboard reads (the Director too), Staf Humas and the Kapokja prepare, the Kapokja finalises.
 */
export const evaluationPermissionActions = [
  { section: 'plugins', pluginName: 'kerjasama', subCategory: 'evaluation', uid: 'evaluation.prepare', displayName: 'Siapkan laporan evaluasi (Prepare the evaluation report)' },
  { section: 'plugins', pluginName: 'kerjasama', subCategory: 'evaluation', uid: 'evaluation.finalize', displayName: 'Finalkan laporan evaluasi (Finalize the evaluation report)' },
];

const requires = (action: string) => ({ policies: [{ name: 'admin::hasPermissions', config: { actions: [action] } }] });

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

export const evaluationControllers = {
  evaluation: ({ strapi }: { strapi: Core.Strapi }) => {
    const service = createEvaluationService(strapi);
    return {
      async preview(ctx: Ctx) {
        ctx.body = { data: await service.preview(requireYear(ctx.params.year)) };
      },
      async generate(ctx: Ctx) {
        ctx.body = { data: await service.generate(requireYear(ctx.params.year), ctx.request.body ?? {}) };
      },
      async finalize(ctx: Ctx) {
        const year = requireYear(ctx.params.year);
        ctx.body = { data: await service.finalize(year, await resolveActor(strapi), ctx.request.body ?? {}) };
      },
      async download(ctx: Ctx) {
        const year = requireYear(ctx.params.year);
        const file = await service.download(year, parseFormat(ctx.query.format ?? 'pdf'));
        ctx.type = file.mime;
        ctx.attachment(file.filename);
        ctx.body = file.bytes;
      },
    };
  },
};
