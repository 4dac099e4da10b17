import type { Core } from '@strapi/strapi';
import { describeWorkflow, requestTransition } from '../../../../src/workflow/service';
import { resolveActor } from '../../../../src/workflow/actor';
import { retentionReport } from '../../../../src/workflow/retention-report';

interface KoaContext {
  params: Record<string, string>;
  request: { body?: Record<string, unknown> };
  body: unknown;
}

export const controllers = {
  workflow: ({ strapi }: { strapi: Core.Strapi }) => ({
    async describe(ctx: KoaContext) {
      const actor = await resolveActor(strapi);
      ctx.body = { data: await describeWorkflow(strapi, ctx.params.uid, ctx.params.documentId, actor) };
    },
    async transition(ctx: KoaContext) {
      const actor = await resolveActor(strapi);
      const body = ctx.request.body ?? {};
      await requestTransition(strapi, { uid: ctx.params.uid, documentId: ctx.params.documentId, actor, body });
      ctx.body = { data: await describeWorkflow(strapi, ctx.params.uid, ctx.params.documentId, actor) };
    },
  }),
  retention: ({ strapi }: { strapi: Core.Strapi }) => ({
    async report(ctx: KoaContext) {
      ctx.body = { data: await retentionReport(strapi, new Date()) };
    },
  }),
};
