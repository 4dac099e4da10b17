import type { Core } from '@strapi/strapi';
import { afterWritesTo } from '../freshness/after-writes';
import { preparedDocumentsService, preparedService } from './services/prepared';
import { UIDS } from './services/schema';

/**
 * What the prepared planning figures are derived from: agreements (dates, kind, state, links),
 * monitoring records, and what those link to — units (a study program counts for its
 * department), cooperation types (IKU 6 criterion), partners (level, name) and program items
 * (units, type, partner). The documents' figures (FO.28.2.1) count those and, besides, the
 * program, proposals, targets, the previous year's final report, surveys, invitations and responses.
 */
const PLANNING_DERIVED_FROM = [UIDS.agreement, UIDS.monitoring, UIDS.unit, UIDS.cooperationType, UIDS.partner, UIDS.programItem];
const DOCUMENTS_ALSO_DERIVED_FROM = [UIDS.program, UIDS.proposal, UIDS.target, UIDS.evaluation, UIDS.survey, UIDS.surveyResponse, UIDS.surveyInvitation];

/** Every write, from every door, to a record the prepared figures are derived from makes them stale. */
export const registerPreparedFreshness = (strapi: Core.Strapi) => {
  afterWritesTo(strapi, PLANNING_DERIVED_FROM, async () => {
    await preparedService(strapi).changed();
    await preparedDocumentsService(strapi).changed();
  });
  afterWritesTo(strapi, DOCUMENTS_ALSO_DERIVED_FROM, () => preparedDocumentsService(strapi).changed());
};
