import type { Core, UID } from '@strapi/strapi';
import { checkDeletion, hasPassedRetention, RETAINED_RECORD_LABELS, RETAINED_RECORD_UIDS, retentionUntil, type RetainedRecordUid } from '../domain/retention';

type Row = Record<string, unknown> & { id: number; documentId: string; createdAt: string };

/**
 * When a record of each retained kind was finalised: the moment its content stopped changing
 * (final minutes, approved program, ended agreement); kinds without a final state count from
 * their creation.
 */
const FINALISED_FIELD: Partial<Record<RetainedRecordUid, string>> = {
  'api::meeting-minute.meeting-minute': 'finalizedAt',
  'api::evaluation-report.evaluation-report': 'finalizedAt',
  'api::annual-program.annual-program': 'approvedAt',
  'api::agreement.agreement': 'endDate',
};

export const finalisedAt = (uid: RetainedRecordUid, row: Record<string, unknown>): string | null => {
  const field = FINALISED_FIELD[uid];
  if (uid === 'api::agreement.agreement') return (row.terminatedDate as string) || (row.endDate as string) || null;
  return field ? ((row[field] as string | null) ?? null) : null;
};

export const deletionRefusal = (uid: RetainedRecordUid, row: Row, now: Date) =>
  checkDeletion({ uid, finalisedAt: finalisedAt(uid, row), createdAt: row.createdAt, now });

/** Records of every retained kind whose five years are over and that may now be disposed of. */
export const retentionReport = async (strapi: Core.Strapi, now: Date) => {
  const kinds = await Promise.all(
    RETAINED_RECORD_UIDS.map(async (uid) => {
      const rows = (await strapi.db.query(uid as UID.ContentType).findMany({ orderBy: { id: 'asc' } })) as Row[];
      const expired = rows
        .map((row) => ({ row, dates: { finalisedAt: finalisedAt(uid, row), createdAt: row.createdAt } }))
        .filter(({ dates }) => hasPassedRetention(dates, now))
        .map(({ row, dates }) => ({ documentId: row.documentId, ...dates, retainUntil: retentionUntil(dates).toISOString() }));
      return { uid, labels: RETAINED_RECORD_LABELS[uid], total: rows.length, pastRetention: expired };
    }),
  );
  return { generatedAt: now.toISOString(), kinds };
};
