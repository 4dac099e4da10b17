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
import { importControllers } from '../import';
import { myQueueControllers } from '../my-queue';
import { mappingWorkbook, targetsWorkbook, XLSX_TYPE } from '../services/export';
import { getService } from '../services';
import { parseInput } from '../../http/validate';
import {
  mappingCellBody, programCreateBody, programItemBody, programItemFromProposalBody, programItemUpdateBody,
  targetCreateBody, targetUpdateBody, yearBody, yearQuery,
} from '../../contracts/schemas/planning';
import { transitionBody } from '../../contracts/schemas/workflow';

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

/** The year asked for by ?year= on reads; missing = this year. */
const yearOf = (ctx: KoaContext) => parseInput(yearQuery, ctx.query).year;

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
      ctx.body = { data: await getService(strapi, 'dashboard').dashboard(yearOf(ctx)) };
    },
  }),
  mapping: ({ strapi }: { strapi: Core.Strapi }) => ({
    async matrix(ctx: KoaContext) {
      ctx.body = { data: await getService(strapi, 'mapping').matrix(yearOf(ctx)) };
    },
    async setCell(ctx: KoaContext) {
      const cell = parseInput(mappingCellBody, bodyOf(ctx));
      await getService(strapi, 'mapping').setCell(cell);
      ctx.body = { data: await getService(strapi, 'mapping').matrix(cell.year) };
    },
    async copyFromPreviousYear(ctx: KoaContext) {
      const { year } = parseInput(yearBody, bodyOf(ctx));
      const result = await getService(strapi, 'mapping').copyFromPreviousYear(year);
      const data: MappingCopyResult = { ...result, matrix: await getService(strapi, 'mapping').matrix(year) };
      ctx.body = { data };
    },
    async export(ctx: KoaContext) {
      const year = yearOf(ctx);
      const { units, cooperationTypes, cells } = await getService(strapi, 'mapping').matrix(year);
      sendXlsx(ctx, `pemetaan-kerjasama-${year}.xlsx`, await mappingWorkbook(year, units, cooperationTypes, cells));
    },
  }),
  targets: ({ strapi }: { strapi: Core.Strapi }) => ({
    async report(ctx: KoaContext) {
      const year = yearOf(ctx);
      const [report, units, cooperationTypes] = await Promise.all([
        getService(strapi, 'targets').report(year),
        getService(strapi, 'mapping').units(),
        getService(strapi, 'mapping').cooperationTypes(),
      ]);
      const data: TargetsReport = { ...report, units, cooperationTypes };
      ctx.body = { data };
    },
    async create(ctx: KoaContext) {
      const created = await getService(strapi, 'targets').create(parseInput(targetCreateBody, bodyOf(ctx)));
      ctx.status = 201;
      ctx.body = { data: created };
    },
    async update(ctx: KoaContext) {
      ctx.body = { data: await getService(strapi, 'targets').update(ctx.params.documentId, parseInput(targetUpdateBody, bodyOf(ctx))) };
    },
    async export(ctx: KoaContext) {
      const year = yearOf(ctx);
      const report = await getService(strapi, 'targets').report(year);
      sendXlsx(ctx, `target-kerjasama-${year}.xlsx`, await targetsWorkbook(year, report.targets, report.rollUp));
    },
  }),
  program: ({ strapi }: { strapi: Core.Strapi }) => ({
    async view(ctx: KoaContext) {
      const actor = await resolveActor(strapi);
      ctx.body = { data: await getService(strapi, 'program').view(yearOf(ctx), actor) };
    },
    async create(ctx: KoaContext) {
      const { year, title } = parseInput(programCreateBody, bodyOf(ctx));
      ctx.status = 201;
      ctx.body = { data: await getService(strapi, 'program').create(year, title) };
    },
    async addItem(ctx: KoaContext) {
      const body = bodyOf(ctx);
      // An item comes from an approved proposal (when `proposal` is sent) or is typed in.
      const item = body.proposal !== undefined
        ? { fromProposal: parseInput(programItemFromProposalBody, body) }
        : { typed: parseInput(programItemBody, body) };
      ctx.status = 201;
      ctx.body = { data: await getService(strapi, 'program').addItem(ctx.params.documentId, item) };
    },
    async updateItem(ctx: KoaContext) {
      ctx.body = { data: await getService(strapi, 'program').updateItem(ctx.params.documentId, parseInput(programItemUpdateBody, bodyOf(ctx))) };
    },
    async choices(ctx: KoaContext) {
      ctx.body = { data: await getService(strapi, 'program').choices() };
    },
    async startFromLastYear(ctx: KoaContext) {
      ctx.body = { data: await getService(strapi, 'program').startFromLastYear(parseInput(yearBody, bodyOf(ctx)).year) };
    },
    async transition(ctx: KoaContext) {
      const body = parseInput(transitionBody, bodyOf(ctx));
      const service = getService(strapi, 'program');
      const from = await service.programState(ctx.params.documentId);
      // The permission each move asks is in the program's workflow spec; a move not in it is the
      // planner's request, which the workflow then refuses with its reason.
      const permissions = transitionPermissions(PROGRAM_UID, from, body.to, ['manageProgram']);
      requireAny(ctx, permissions.map((permission) => PLUGIN_ACTIONS[permission]));
      const actor = await resolveActor(strapi);
      await service.transition(ctx.params.documentId, body, actor);
      ctx.body = { data: await describeWorkflow(strapi, PROGRAM_UID, ctx.params.documentId, actor) };
    },
  }),
  ...participationControllers,
  ...documentControllers,
  ...evaluationControllers,
  ...importControllers,
  ...myQueueControllers,
};
