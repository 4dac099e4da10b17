import type { Core } from '@strapi/strapi';
import { validityState, type AgreementValidity } from '../domain/agreement';
import { syncPartnerListing } from './effects';
import { todayInBatam } from './today';
import { currentWriteContext, runAsSystem, withWriteContext } from './write-context';

export const AGREEMENT = 'api::agreement.agreement';
type Row = Record<string, unknown> & { id: number; documentId: string };

/** Whether a later agreement names this one as the agreement it renews. */
export const isSuperseded = async (strapi: Core.Strapi, agreementId: number | undefined) =>
  agreementId !== undefined && (await strapi.db.query(AGREEMENT).count({ where: { renewalOf: { id: agreementId } } })) > 0;

export const deriveValidity = (
  record: Record<string, unknown>,
  superseded: boolean,
  today = currentWriteContext().today ?? todayInBatam(),
): AgreementValidity =>
  validityState({
    startDate: (record.startDate as string) ?? null,
    endDate: (record.endDate as string) ?? null,
    indefinite: Boolean(record.indefinite),
    signedDate: (record.signedDate as string) ?? null,
    terminated: Boolean(record.terminatedDate) && String(record.terminatedDate) <= today,
    superseded,
    today,
  });

/** Re-saves one agreement as the system so its derived state and its partner's listing follow. */
export const refreshAgreement = (strapi: Core.Strapi, documentId: string) =>
  runAsSystem('agreement-validity', () => strapi.documents(AGREEMENT).update({ documentId, data: {} }));

/**
 * The daily pass: agreements whose state changed with the calendar (became expiring or expired)
 * are re-saved, which also updates their partners' public listing.
 */
export const refreshAllAgreementValidity = async (strapi: Core.Strapi, today = todayInBatam()) => {
  const rows = (await strapi.db.query(AGREEMENT).findMany({
    select: ['id', 'documentId', 'startDate', 'endDate', 'indefinite', 'signedDate', 'terminatedDate', 'validityState'],
  })) as Row[];
  const renewed = new Set(
    ((await strapi.db.query(AGREEMENT).findMany({ where: { renewalOf: { id: { $notNull: true } } }, populate: { renewalOf: { select: ['id'] } } })) as Row[])
      .map((row) => (row.renewalOf as Row | null)?.id),
  );
  const stale = rows.filter((row) => deriveValidity(row, renewed.has(row.id), today) !== row.validityState);
  await withWriteContext({ today }, async () => {
    for (const row of stale) await refreshAgreement(strapi, row.documentId);
  });
  return { checked: rows.length, updated: stale.length };
};

export const syncListingOfPartners = async (strapi: Core.Strapi, partnerDocumentIds: Array<string | undefined>) => {
  for (const documentId of new Set(partnerDocumentIds.filter((id): id is string => Boolean(id)))) {
    await syncPartnerListing(strapi, documentId);
  }
};
