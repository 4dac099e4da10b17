import type { Core } from '@strapi/strapi';
import { refreshAllAgreementValidity } from '../src/workflow/agreement-validity';

/** Daily tasks, at 00:30 Batam time (UTC+7). */
export default {
  agreementValidity: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const outcome = await refreshAllAgreementValidity(strapi);
      strapi.log.info(`[cron] agreement validity: ${outcome.updated} of ${outcome.checked} agreements changed state`);
    },
    options: { rule: '30 0 * * *', tz: 'Asia/Jakarta' },
  },
};
