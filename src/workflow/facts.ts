import type { Core } from '@strapi/strapi';
import type { TransitionContext } from '../domain/workflow';
import { missingAnalysisFields } from '../domain/workflow/proposal';

/** Agreement validity states that count as "active" for listing and reminders. */
export const ACTIVE_VALIDITY = ['active', 'expiring'];

type Row = Record<string, unknown> & { id: number };

/**
 * The analysis as it will be once this save is written. Strapi replaces a component given
 * without its id (the stored fields are gone) and updates in place the one whose id is given.
 */
const analysisAfterSave = (stored: Row | null, incoming: unknown): Record<string, unknown> | null => {
  if (incoming === undefined) return stored;
  if (incoming === null || typeof incoming !== 'object') return null;
  const given = incoming as Record<string, unknown>;
  const sameComponent = stored !== null && given.id !== undefined && String(given.id) === String(stored.id);
  return sameComponent ? { ...stored, ...given } : given;
};

export const countActiveAgreements = (strapi: Core.Strapi, partnerDocumentId: string) =>
  strapi.db.query('api::agreement.agreement').count({
    where: { partner: { documentId: partnerDocumentId }, validityState: { $in: ACTIVE_VALIDITY } },
  });

type Stored = Row & { documentId: string };

/*
 * The facts the workflow guards need about one record, read from the database with the
 * incoming data laid over them (an analysis may be filled in the same save that recommends).
 * One reader per content type; src/workflow/adapters.ts names which type uses which.
 */

export const proposalFacts = async (strapi: Core.Strapi, stored: Stored, data: Record<string, unknown>): Promise<TransitionContext> => {
  const row = (await strapi.db.query('api::proposal.proposal').findOne({ where: { id: stored.id }, populate: { analysis: true, unit: true } })) as Row | null;
  return {
    missingAnalysisFields: missingAnalysisFields(analysisAfterSave((row?.analysis as Row | null) ?? null, data.analysis)),
    recordUnitId: ((row?.unit as Row | null)?.id as number | undefined) ?? undefined,
  };
};

export const annualProgramFacts = async (strapi: Core.Strapi, stored: Stored): Promise<TransitionContext> => ({
  itemStates: (
    await strapi.db.query('api::program-item.program-item').findMany({ select: ['workflowState'], where: { program: { id: stored.id } } })
  ).map((item: Row) => item.workflowState as string),
});

export const programItemFacts = async (strapi: Core.Strapi, stored: Stored): Promise<TransitionContext> => {
  const row = (await strapi.db.query('api::program-item.program-item').findOne({ where: { id: stored.id }, populate: { program: true } })) as Row | null;
  return { programState: ((row?.program as Row | null)?.workflowState as string | undefined) ?? undefined };
};

export const partnerFacts = async (strapi: Core.Strapi, stored: Stored): Promise<TransitionContext> => ({
  activeAgreementCount: await countActiveAgreements(strapi, stored.documentId),
});

/** The unit that owns an activity report, for the "own unit only" rule of unit users. */
export const activityReportFacts = async (strapi: Core.Strapi, stored: Stored): Promise<TransitionContext> => {
  const row = (await strapi.db.query('api::activity-report.activity-report').findOne({ where: { id: stored.id }, populate: { unit: { select: ['id'] } } })) as Row | null;
  return { recordUnitId: ((row?.unit as Row | null)?.id as number | undefined) ?? undefined };
};
