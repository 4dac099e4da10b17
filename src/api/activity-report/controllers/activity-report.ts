import { factories } from '@strapi/strapi';
import { workflowActions } from '../../../workflow/transition-routes';
import { activityReportOptions, attachLinkSummaries, prepareUnitReportRead, withUnitLinks } from '../../../participation/activity-reports';

const UID = 'api::activity-report.activity-report';

export default factories.createCoreController(UID, ({ strapi }) => ({
  ...workflowActions(UID)({ strapi }),

  async find(ctx) {
    const scoped = await prepareUnitReportRead(strapi, ctx.query);
    const result = await super.find(ctx);
    return scoped ? attachLinkSummaries(strapi, result) : result;
  },

  async findOne(ctx) {
    const scoped = await prepareUnitReportRead(strapi, ctx.query);
    const result = await super.findOne(ctx);
    return scoped ? attachLinkSummaries(strapi, result) : result;
  },

  async create(ctx) {
    if (!(await prepareUnitReportRead(strapi, {}))) return super.create(ctx);
    return attachLinkSummaries(strapi, await withUnitLinks(ctx.request.body?.data, () => super.create(ctx)));
  },

  async update(ctx) {
    if (!(await prepareUnitReportRead(strapi, {}))) return super.update(ctx);
    return attachLinkSummaries(strapi, await withUnitLinks(ctx.request.body?.data, () => super.update(ctx)));
  },

  /** GET /api/activity-report-options: the unit's agreements in force and its program items. */
  async options(ctx) {
    ctx.body = { data: await activityReportOptions(strapi) };
  },
}));
