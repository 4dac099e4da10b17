import type { Core } from '@strapi/strapi';
import { PLUGIN_ACTIONS } from '../contracts/permissions';
import { createUnitAccount, sendCallForProposals } from '../participation/units';
import { listSurveys, sendSurveyInvitations, surveyResults } from '../participation/survey';
import { parseInput } from '../http/validate';
import { invitationBody, sendCallBody, unitAccountBody } from '../contracts/schemas/participation';
import { requires } from './routes/policy';

/**
 * Units and partners taking part (issue 6): Humas sends calls for proposals, creates unit
 * accounts and sends survey invitations; the office reads survey results.
 */
export const PARTICIPATION_ACTIONS = {
  manage: PLUGIN_ACTIONS.manageParticipation,
  readSurveyResults: PLUGIN_ACTIONS.readSurveyResults,
} as const;

export const participationPermissionActions = [
  {
    section: 'plugins', pluginName: 'kerjasama', subCategory: 'participation', uid: 'participation.manage',
    displayName: 'Kirim panggilan usulan, buat akun unit, kirim undangan survei (Send calls, create unit accounts, send survey invitations)',
  },
  { section: 'plugins', pluginName: 'kerjasama', subCategory: 'participation', uid: 'survey.read', displayName: 'Lihat hasil survei kepuasan (Read survey results)' },
];

export const participationRoutes = [
  { method: 'POST', path: '/calls/:documentId/send', handler: 'participation.sendCall', config: requires(PARTICIPATION_ACTIONS.manage) },
  { method: 'POST', path: '/unit-accounts', handler: 'participation.createUnitAccount', config: requires(PARTICIPATION_ACTIONS.manage) },
  { method: 'GET', path: '/surveys', handler: 'participation.surveys', config: requires(PARTICIPATION_ACTIONS.readSurveyResults) },
  { method: 'POST', path: '/surveys/:documentId/invitations', handler: 'participation.invite', config: requires(PARTICIPATION_ACTIONS.manage) },
  { method: 'GET', path: '/surveys/:documentId/results', handler: 'participation.results', config: requires(PARTICIPATION_ACTIONS.readSurveyResults) },
];

interface Ctx {
  params: Record<string, string>;
  request: { body?: Record<string, unknown> };
  status: number;
  body: unknown;
}

export const participationControllers = {
  participation: ({ strapi }: { strapi: Core.Strapi }) => ({
    async sendCall(ctx: Ctx) {
      ctx.body = { data: await sendCallForProposals(strapi, ctx.params.documentId, { resend: parseInput(sendCallBody, ctx.request.body).resend === true }) };
    },
    async createUnitAccount(ctx: Ctx) {
      const account = parseInput(unitAccountBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await createUnitAccount(strapi, account) };
    },
    async surveys(ctx: Ctx) {
      ctx.body = { data: await listSurveys(strapi) };
    },
    async invite(ctx: Ctx) {
      ctx.body = { data: await sendSurveyInvitations(strapi, ctx.params.documentId, parseInput(invitationBody, ctx.request.body)) };
    },
    async results(ctx: Ctx) {
      ctx.body = { data: await surveyResults(strapi, ctx.params.documentId) };
    },
  }),
};
