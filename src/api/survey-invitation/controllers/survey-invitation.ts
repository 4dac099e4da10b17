import { factories } from '@strapi/strapi';
import { submitSurveyResponse, surveyByToken, SurveyLinkError } from '../../../participation/survey';

interface Ctx {
  params: { token?: string };
  request: { body?: Record<string, unknown> };
  status: number;
  body: unknown;
  set: (name: string, value: string) => void;
}

/** A link that cannot be used answers with its status and a message the partner understands. */
const answer = async (ctx: Ctx, work: () => Promise<unknown>, status = 200) => {
  ctx.set('Cache-Control', 'no-store');
  try {
    const data = await work();
    ctx.status = status;
    ctx.body = { data };
  } catch (error) {
    if (!(error instanceof SurveyLinkError)) throw error;
    ctx.status = error.status;
    ctx.body = { data: null, error: { status: error.status, name: error.name, message: error.message, details: {} } };
  }
};

export default factories.createCoreController('api::survey-invitation.survey-invitation', ({ strapi }) => ({
  /** GET /api/survey-invitations/by-token/:token — the questionnaire for the partner's page (no account). */
  async byToken(context: object) {
    const ctx = context as Ctx;
    await answer(ctx, () => surveyByToken(strapi, ctx.params.token));
  },
  /** POST /api/survey-invitations/by-token/:token/responses — the partner's answers, once. */
  async respond(context: object) {
    const ctx = context as Ctx;
    const raw = ctx.request.body ?? {};
    const body = (raw.data && typeof raw.data === 'object' ? raw.data : raw) as Record<string, unknown>;
    await answer(ctx, () => submitSurveyResponse(strapi, ctx.params.token, body), 201);
  },
}));
