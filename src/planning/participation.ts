import type { Core } from '@strapi/strapi';
import { PLUGIN_ACTIONS } from '../contracts/permissions';
import { createUnitAccount, sendCallForProposals } from '../participation/units';
import { listSurveys, sendSurveyInvitations, surveyResults } from '../participation/survey';
import { parseInput } from '../http/validate';
import { invitationBody, sendCallBody, unitAccountBody } from '../contracts/schemas/participation';
import { adminRoute, pluginAction, type AdminContext } from './routes/policy';

/**
 * Units and partners taking part (issue 6): Humas sends calls for proposals, creates unit
 * accounts and sends survey invitations; the office reads survey results.
 */
export const PARTICIPATION_ACTIONS = {
  manage: PLUGIN_ACTIONS.manageParticipation,
  readSurveyResults: PLUGIN_ACTIONS.readSurveyResults,
} as const;

export const participationPermissionActions = [
  pluginAction('participation', 'participation.manage', 'Kirim panggilan usulan, buat akun unit, kirim undangan survei (Send calls, create unit accounts, send survey invitations)'),
  pluginAction('participation', 'survey.read', 'Lihat hasil survei kepuasan (Read survey results)'),
];

export const participationRoutes = [
  adminRoute('POST', '/calls/:documentId/send', 'participation.sendCall', PARTICIPATION_ACTIONS.manage),
  adminRoute('POST', '/unit-accounts', 'participation.createUnitAccount', PARTICIPATION_ACTIONS.manage),
  adminRoute('GET', '/surveys', 'participation.surveys', PARTICIPATION_ACTIONS.readSurveyResults),
  adminRoute('POST', '/surveys/:documentId/invitations', 'participation.invite', PARTICIPATION_ACTIONS.manage),
  adminRoute('GET', '/surveys/:documentId/results', 'participation.results', PARTICIPATION_ACTIONS.readSurveyResults),
];

type Ctx = AdminContext;

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
