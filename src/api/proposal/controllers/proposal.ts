import { factories } from '@strapi/strapi';
import { workflowActions } from '../../../workflow/transition-routes';
import { attachPartnerSummaries, isUnitRequest, prepareUnitRead, proposalFormOptions } from '../../../participation/proposal-reads';
import { withUnitPartnerChoice } from '../../../participation/partner-choice';

const UID = 'api::proposal.proposal';

export default factories.createCoreController(UID, ({ strapi }) => ({
  ...workflowActions(UID)({ strapi }),

  async find(ctx) {
    const scoped = await prepareUnitRead(strapi, ctx.query);
    const result = await super.find(ctx);
    return scoped ? attachPartnerSummaries(strapi, result) : result;
  },

  async create(ctx) {
    if (!(await isUnitRequest(strapi))) return super.create(ctx);
    return attachPartnerSummaries(strapi, await withUnitPartnerChoice(ctx.request.body?.data, () => super.create(ctx)));
  },

  async update(ctx) {
    if (!(await isUnitRequest(strapi))) return super.update(ctx);
    return attachPartnerSummaries(strapi, await withUnitPartnerChoice(ctx.request.body?.data, () => super.update(ctx)));
  },

  async options(ctx) {
    ctx.body = { data: await proposalFormOptions(strapi) };
  },

  async findOne(ctx) {
    const scoped = await prepareUnitRead(strapi, ctx.query);
    const result = await super.findOne(ctx);
    return scoped ? attachPartnerSummaries(strapi, result) : result;
  },
}));
