import type { Core } from '@strapi/strapi';
import { registerActivityReportIntake } from '../document-middlewares/activity-report-intake';
import { registerProposalIntake } from '../document-middlewares/proposal-intake';
import { registerParticipationPages } from './pages';
import { guardUnitUploads } from './upload-guard';

/**
 * Units and partners taking part (issue 6). Registered first among the Document Service
 * middlewares, so a unit's request is scoped to its own unit before any other rule reads data.
 */
export const registerParticipation = (strapi: Core.Strapi) => {
  registerProposalIntake(strapi);
  registerActivityReportIntake(strapi);
  guardUnitUploads(strapi);
  registerParticipationPages(strapi);
};
