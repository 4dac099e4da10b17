import type { Core, UID } from '@strapi/strapi';
import { recordedEnd, type AgreementValidity } from '../domain/agreement';
import { formatBilingual } from '../domain/bilingual';
import { changedFields } from '../workflow/changes';
import { refuse } from '../workflow/errors';
import { currentWriteContext } from '../workflow/write-context';
import { AGREEMENT, deriveValidity, isSuperseded, refreshAgreement, syncListingOfPartners } from '../workflow/agreement-validity';
import { parseToOneChange } from './relation-input';
import { RecordView } from './record-view';
import { useForTypes } from './for-type';

type Row = Record<string, unknown> & { id: number; documentId: string };

const partnerDocumentIdOf = async (strapi: Core.Strapi, documentId: string) => {
  const row = (await strapi.db.query(AGREEMENT).findOne({ where: { documentId }, populate: { partner: { select: ['documentId'] } } })) as Row | null;
  return (row?.partner as Row | null)?.documentId;
};

/** `endedAt` is the system's own record of when the agreement ended: retention counts from it. */
const refuseEndedAtWrite = async (strapi: Core.Strapi, existing: Row | null, data: Record<string, unknown>) => {
  if (data.endedAt === undefined || currentWriteContext().system) return;
  const written = existing ? await changedFields(strapi, AGREEMENT as UID.ContentType, existing.id, { endedAt: data.endedAt }) : data.endedAt === null ? [] : ['endedAt'];
  if (written.length) refuse('endedAt', formatBilingual({ id: 'Kolom ini diisi oleh sistem', en: 'This field is maintained by the system' }));
};

/**
 * An agreement's validity (draft / active / expiring / expired / terminated / superseded) is
 * derived from its dates and renewals on every write, never typed in; a renewal supersedes the
 * agreement it renews; each change re-applies the listing rule to the partners involved.
 */
export const registerAgreementState = (strapi: Core.Strapi) => {
  useForTypes(strapi, { [AGREEMENT]: async (ctx, next) => {
    if (!['create', 'update', 'delete'].includes(ctx.action)) return next();
    const params = ctx.params as { documentId?: string; data?: Record<string, unknown> };

    if (ctx.action === 'delete') {
      const partnerBefore = params.documentId ? await partnerDocumentIdOf(strapi, params.documentId) : undefined;
      const result = await next();
      await syncListingOfPartners(strapi, [partnerBefore]);
      return result;
    }

    return strapi.db.transaction(async () => {
      const data = (params.data ??= {});
      const record = await RecordView.load(strapi, AGREEMENT, ctx.action, params);
      await refuseEndedAtWrite(strapi, record.existing, data);
      const partnerBefore = record.existing ? await partnerDocumentIdOf(strapi, record.existing.documentId) : undefined;
      data.validityState = deriveValidity(
        {
          startDate: record.value('startDate'),
          endDate: record.value('endDate'),
          indefinite: record.value('indefinite'),
          signedDate: record.value('signedDate'),
          terminatedDate: record.value('terminatedDate'),
        },
        await isSuperseded(strapi, record.id),
      );
      data.endedAt = recordedEnd({
        previous: (record.existing?.validityState as AgreementValidity | undefined) ?? null,
        next: data.validityState as AgreementValidity,
        storedEndedAt: (record.existing?.endedAt as string | null | undefined) ?? null,
        now: new Date(),
      });
      const renewed = parseToOneChange(data.renewalOf).kind === 'set' ? await record.relation('renewalOf') : null;

      const result = (await next()) as Row | null;
      if (renewed) await refreshAgreement(strapi, renewed.documentId);
      const documentId = result?.documentId ?? record.existing?.documentId;
      await syncListingOfPartners(strapi, [partnerBefore, documentId ? await partnerDocumentIdOf(strapi, documentId) : undefined]);
      return result;
    });
  } });
};
