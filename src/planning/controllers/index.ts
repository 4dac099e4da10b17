import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formatBilingual } from '../../domain/bilingual';
import { annualProgramWorkflow, transitionPermissions } from '../../domain/workflow';
import { describeWorkflow, requestTransition } from '../../workflow/service';
import { resolveActor } from '../../workflow/actor';
import { retentionReport } from '../../workflow/retention-report';
import { PLUGIN_ACTIONS, type PluginAction } from '../../contracts/permissions';
import type { MappingCopyResult, TargetsReport } from '../../contracts/planning';
import { participationControllers } from '../participation';
import { documentControllers } from '../documents';
import { evaluationControllers } from '../../documents/evaluation/plugin';
import { mappingWorkbook, targetsWorkbook, XLSX_TYPE } from '../services/export';
import { getService } from '../services';
import { requireYear } from '../services/lookups';

interface KoaContext {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: Record<string, unknown> };
  state: { userAbility?: { can: (action: string) => boolean } };
  body: unknown;
  type: string;
  status: number;
  attachment: (filename: string) => void;
}

const bodyOf = (ctx: KoaContext) => ctx.request.body ?? {};

/** The year asked for: ?year= on reads, `year` in the body on writes; missing = this year. */
const yearOf = (ctx: KoaContext, value: unknown) => requireYear(value === undefined ? new Date().getFullYear() : value);

const sendXlsx = (ctx: KoaContext, filename: string, buffer: Buffer) => {
  ctx.type = XLSX_TYPE;
  ctx.attachment(filename);
  ctx.body = buffer;
};

const PROGRAM_UID = annualProgramWorkflow.uid;

const requireAny = (ctx: KoaContext, actions: PluginAction[]) => {
  if (!actions.some((action) => ctx.state.userAbility?.can(action))) {
    throw new errors.ForbiddenError(formatBilingual({ id: 'Anda tidak berwenang melakukan tindakan ini', en: 'You are not allowed to do this' }));
  }
};

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
  dashboard: ({ strapi }: { strapi: Core.Strapi }) => ({
    async show(ctx: KoaContext) {
      ctx.body = { data: await getService(strapi, 'dashboard').dashboard(yearOf(ctx, ctx.query.year)) };
    },
  }),
  mapping: ({ strapi }: { strapi: Core.Strapi }) => ({
    async matrix(ctx: KoaContext) {
      ctx.body = { data: await getService(strapi, 'mapping').matrix(yearOf(ctx, ctx.query.year)) };
    },
    async setCell(ctx: KoaContext) {
      const body = bodyOf(ctx);
      const year = requireYear(body.year);
      await getService(strapi, 'mapping').setCell(year, body);
      ctx.body = { data: await getService(strapi, 'mapping').matrix(year) };
    },
    async copyFromPreviousYear(ctx: KoaContext) {
      const year = requireYear(bodyOf(ctx).year);
      const result = await getService(strapi, 'mapping').copyFromPreviousYear(year);
      const data: MappingCopyResult = { ...result, matrix: await getService(strapi, 'mapping').matrix(year) };
      ctx.body = { data };
    },
    async export(ctx: KoaContext) {
      const year = yearOf(ctx, ctx.query.year);
      const { units, cooperationTypes, cells } = await getService(strapi, 'mapping').matrix(year);
      sendXlsx(ctx, `pemetaan-kerjasama-${year}.xlsx`, await mappingWorkbook(year, units, cooperationTypes, cells));
    },
  }),
  targets: ({ strapi }: { strapi: Core.Strapi }) => ({
    async report(ctx: KoaContext) {
      const year = yearOf(ctx, ctx.query.year);
      const [report, units, cooperationTypes] = await Promise.all([
        getService(strapi, 'targets').report(year),
        getService(strapi, 'mapping').units(),
        getService(strapi, 'mapping').cooperationTypes(),
      ]);
      const data: TargetsReport = { ...report, units, cooperationTypes };
      ctx.body = { data };
    },
    async create(ctx: KoaContext) {
      const body = bodyOf(ctx);
      const created = await getService(strapi, 'targets').create(requireYear(body.year), body);
      ctx.status = 201;
      ctx.body = { data: created };
    },
    async update(ctx: KoaContext) {
      ctx.body = { data: await getService(strapi, 'targets').update(ctx.params.documentId, bodyOf(ctx)) };
    },
    async export(ctx: KoaContext) {
      const year = yearOf(ctx, ctx.query.year);
      const report = await getService(strapi, 'targets').report(year);
      sendXlsx(ctx, `target-kerjasama-${year}.xlsx`, await targetsWorkbook(year, report.targets, report.rollUp));
    },
  }),
  program: ({ strapi }: { strapi: Core.Strapi }) => ({
    async view(ctx: KoaContext) {
      const actor = await resolveActor(strapi);
      ctx.body = { data: await getService(strapi, 'program').view(yearOf(ctx, ctx.query.year), actor) };
    },
    async create(ctx: KoaContext) {
      const body = bodyOf(ctx);
      ctx.status = 201;
      ctx.body = { data: await getService(strapi, 'program').create(requireYear(body.year), body) };
    },
    async addItem(ctx: KoaContext) {
      ctx.status = 201;
      ctx.body = { data: await getService(strapi, 'program').addItem(ctx.params.documentId, bodyOf(ctx)) };
    },
    async updateItem(ctx: KoaContext) {
      ctx.body = { data: await getService(strapi, 'program').updateItem(ctx.params.documentId, bodyOf(ctx)) };
    },
    async choices(ctx: KoaContext) {
      ctx.body = { data: await getService(strapi, 'program').choices() };
    },
    async startFromLastYear(ctx: KoaContext) {
      ctx.body = { data: await getService(strapi, 'program').startFromLastYear(requireYear(bodyOf(ctx).year)) };
    },
    async transition(ctx: KoaContext) {
      const body = bodyOf(ctx);
      const service = getService(strapi, 'program');
      const from = await service.programState(ctx.params.documentId);
      // The permission each move asks is in the program's workflow spec; a move not in it is the
      // planner's request, which the workflow then refuses with its reason.
      const permissions = transitionPermissions(PROGRAM_UID, from, String(body.to), ['manageProgram']);
      requireAny(ctx, permissions.map((permission) => PLUGIN_ACTIONS[permission]));
      const actor = await resolveActor(strapi);
      await service.transition(ctx.params.documentId, body, actor);
      ctx.body = { data: await describeWorkflow(strapi, PROGRAM_UID, ctx.params.documentId, actor) };
    },
  }),
  ...participationControllers,
  ...documentControllers,
  ...evaluationControllers,
};
