import type { Core, UID } from '@strapi/strapi';
import { statedEnd } from '../domain/agreement';
import { checkDeletion, hasPassedRetention, RETAINED_RECORD_LABELS, RETAINED_RECORD_UIDS, retentionUntil, type RetainedRecordUid, type RetentionDates } from '../domain/retention';

type Row = Record<string, unknown> & { id: number; documentId: string; createdAt: string };

/**
 * When a record of each retained kind was finalised: the moment its content stopped changing
 * (final minutes, approved program, ended agreement); kinds without a final state count from
 * their creation. An agreement's dates are typed, so the moment the system recorded its end
 * (`endedAt`, kept by the agreement-state middleware) counts too: see `retentionStart`.
 */
const FINALISED_FIELD: Partial<Record<RetainedRecordUid, string>> = {
  'api::meeting-minute.meeting-minute': 'finalizedAt',
  'api::evaluation-report.evaluation-report': 'finalizedAt',
  'api::annual-program.annual-program': 'approvedAt',
  'api::issued-document.issued-document': 'issuedAt',
  'api::activity-report.activity-report': 'verifiedAt',
};

export const retentionDates = (uid: RetainedRecordUid, row: Record<string, unknown>): RetentionDates => {
  const createdAt = row.createdAt as string;
  if (uid === 'api::agreement.agreement') return { finalisedAt: statedEnd(row), recordedAt: (row.endedAt as string | null) ?? null, createdAt };
  const field = FINALISED_FIELD[uid];
  return { finalisedAt: field ? ((row[field] as string | null) ?? null) : null, createdAt };
};

export const deletionRefusal = (uid: RetainedRecordUid, row: Row, now: Date) => checkDeletion({ uid, ...retentionDates(uid, row), now });

/** Records of every retained kind whose five years are over and that may now be disposed of. */
export const retentionReport = async (strapi: Core.Strapi, now: Date) => {
  const kinds = await Promise.all(
    RETAINED_RECORD_UIDS.map(async (uid) => {
      const rows = (await strapi.db.query(uid as UID.ContentType).findMany({ orderBy: { id: 'asc' } })) as Row[];
      const expired = rows
        .map((row) => ({ row, dates: retentionDates(uid, row) }))
        .filter(({ dates }) => hasPassedRetention(dates, now))
        .map(({ row, dates }) => ({ documentId: row.documentId, ...dates, retainUntil: retentionUntil(dates).toISOString() }));
      return { uid, labels: RETAINED_RECORD_LABELS[uid], total: rows.length, pastRetention: expired };
    }),
  );
  return { generatedAt: now.toISOString(), kinds };
};
