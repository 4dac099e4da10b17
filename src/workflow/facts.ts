import type { Core, UID } from '@strapi/strapi';
import type { TransitionContext } from '../domain/workflow';

/** Agreement validity states that count as "active" for listing and reminders. */
export const ACTIVE_VALIDITY = ['active', 'expiring'];

const ANALYSIS_FIELDS = ['visionAlignment', 'needsAlignment', 'feasibility', 'risk', 'recommendation'] as const;

type Row = Record<string, unknown> & { id: number };

const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

export const countActiveAgreements = (strapi: Core.Strapi, partnerDocumentId: string) =>
  strapi.db.query('api::agreement.agreement').count({
    where: { partner: { documentId: partnerDocumentId }, validityState: { $in: ACTIVE_VALIDITY } },
  });

/**
 * The facts the workflow guards need about one record, read from the database with the
 * incoming data laid over them (an analysis may be filled in the same save that recommends).
 */
export const transitionFacts = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  stored: Row & { documentId: string },
  data: Record<string, unknown>,
): Promise<TransitionContext> => {
  switch (uid) {
    case 'api::proposal.proposal': {
      const row = (await strapi.db.query(uid).findOne({ where: { id: stored.id }, populate: { analysis: true, unit: true } })) as Row | null;
      const analysis = { ...((row?.analysis as Record<string, unknown>) ?? {}), ...((data.analysis as Record<string, unknown>) ?? {}) };
      return {
        analysisComplete: ANALYSIS_FIELDS.every((field) => filled(analysis[field])),
        recordUnitId: ((row?.unit as Row | null)?.id as number | undefined) ?? undefined,
      };
    }
    case 'api::annual-program.annual-program':
      return {
        itemCount: await strapi.db.query('api::program-item.program-item').count({
          where: { program: { id: stored.id }, workflowState: { $ne: 'cancelled' } },
        }),
      };
    case 'api::program-item.program-item': {
      const row = (await strapi.db.query(uid).findOne({ where: { id: stored.id }, populate: { program: true } })) as Row | null;
      return { programState: ((row?.program as Row | null)?.workflowState as string | undefined) ?? undefined };
    }
    case 'api::partner.partner':
      return { activeAgreementCount: await countActiveAgreements(strapi, stored.documentId) };
    default:
      return {};
  }
};
