import type { Core, UID } from '@strapi/strapi';
import { isRetainedRecord } from '../domain/retention';
import { refuse } from '../workflow/errors';
import { deletionRefusal } from '../workflow/retention-report';

type Row = Record<string, unknown> & { id: number; documentId: string; createdAt: string };

/** PR.28.1 §4 records and agreements are kept five years: early deletes are refused at every door. */
export const registerRetentionRule = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    const { uid, action } = ctx;
    const documentId = (ctx.params as { documentId?: string }).documentId;
    if (action !== 'delete' || !isRetainedRecord(uid) || !documentId) return next();
    const row = (await strapi.db.query(uid as UID.ContentType).findOne({ where: { documentId } })) as Row | null;
    if (row) {
      const check = deletionRefusal(uid, row, new Date());
      if (!check.ok) refuse('documentId', check.message, { retainUntil: check.retainUntil.toISOString() });
    }
    return next();
  });
};
