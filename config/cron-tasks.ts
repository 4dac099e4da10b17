import type { Core } from '@strapi/strapi';
import { refreshAllAgreementValidity } from '../src/workflow/agreement-validity';
import { runDailyReminders } from '../src/participation/reminders';
import { sendQueueDigests } from '../src/planning/my-queue';

/** Daily tasks, at 00:30 Batam time (UTC+7). */
export default {
  agreementValidity: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const outcome = await refreshAllAgreementValidity(strapi);
      strapi.log.info(`[cron] agreement validity: ${outcome.updated} of ${outcome.checked} agreements changed state`);
    },
    options: { rule: '30 0 * * *', tz: 'Asia/Jakarta' },
  },
  // Reminders (each once per record and threshold, even with several instances): agreements
  // 90/30/7 days before their end, proposals waiting too long, surveys not yet answered.
  reminders: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const sent = await runDailyReminders(strapi);
      strapi.log.info(`[cron] reminders sent: ${sent.agreements} agreements, ${sent.proposals} proposals, ${sent.surveys} surveys`);
    },
    options: { rule: '0 7 * * *', tz: 'Asia/Jakarta' },
  },
  // My queue's weekly digest, Monday morning, once per person and ISO week, only to those who switched it on.
  queueDigest: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const sent = await sendQueueDigests(strapi);
      strapi.log.info(`[cron] queue digests sent: ${sent}`);
    },
    options: { rule: '30 7 * * 1', tz: 'Asia/Jakarta' },
  },
};
