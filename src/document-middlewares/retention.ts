import type { Core, UID } from '@strapi/strapi';
import { checkPartDeletion, isRetainedPart, isRetainedRecord, RETAINED_PARTS, type RetainedPartUid } from '../domain/retention';
import { refuse } from '../workflow/errors';
import { deletionRefusal, retentionDates } from '../workflow/retention-report';

type Row = Record<string, unknown> & { id: number; documentId: string; createdAt: string };

/** A part (a survey response) may go only once the record it belongs to may. */
const refusePartDeletion = async (strapi: Core.Strapi, uid: RetainedPartUid, documentId: string) => {
  const part = RETAINED_PARTS[uid];
  const row = (await strapi.db.query(uid).findOne({ where: { documentId }, populate: { [part.field]: true } })) as Row | null;
  const whole = row?.[part.field] as Row | null | undefined;
  if (!whole) return;
  const check = checkPartDeletion({ uid, whole: retentionDates(part.whole, whole), now: new Date() });
  if (!check.ok) refuse('documentId', check.message, { retainUntil: check.retainUntil.toISOString() });
};

/** PR.28.1 §4 records and agreements are kept five years: early deletes are refused at every door. */
export const registerRetentionRule = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    const { uid, action } = ctx;
    const documentId = (ctx.params as { documentId?: string }).documentId;
    if (action !== 'delete' || !documentId) return next();
    if (isRetainedPart(uid)) {
      await refusePartDeletion(strapi, uid, documentId);
      return next();
    }
    if (!isRetainedRecord(uid)) return next();
    const row = (await strapi.db.query(uid as UID.ContentType).findOne({ where: { documentId } })) as Row | null;
    if (row) {
      const check = deletionRefusal(uid, row, new Date());
      if (!check.ok) refuse('documentId', check.message, { retainUntil: check.retainUntil.toISOString() });
    }
    return next();
  });
};
