/**
 * Records retention (PR.28.1 §4): the six planning records and the agreements are kept at least
 * five years; deleting one earlier is refused at every entry point.
 */
import { Bilingual, formatBilingual } from './bilingual';
import { addCalendarYears, Instant, toDate, toIsoDate } from './dates';

export const RETENTION_YEARS = 5;

export const RETAINED_RECORD_LABELS = {
  'api::needs-mapping.needs-mapping': { id: 'Pemetaan jenis kerjasama', en: 'cooperation type mapping' },
  'api::satisfaction-survey.satisfaction-survey': {
    id: 'Survei kepuasan layanan kerjasama',
    en: 'cooperation service satisfaction survey',
  },
  'api::evaluation-report.evaluation-report': { id: 'Laporan evaluasi tahunan', en: 'annual evaluation report' },
  'api::meeting-minute.meeting-minute': { id: 'Notulen rapat', en: 'meeting minutes' },
  'api::annual-program.annual-program': { id: 'Program kerjasama', en: 'cooperation program' },
  'api::monitoring-record.monitoring-record': { id: 'Rekap monitoring kerjasama', en: 'cooperation monitoring recap' },
  'api::agreement.agreement': { id: 'Naskah kerjasama', en: 'cooperation agreement' },
} as const satisfies Record<string, Bilingual>;

export type RetainedRecordUid = keyof typeof RETAINED_RECORD_LABELS;

export const RETAINED_RECORD_UIDS = Object.keys(RETAINED_RECORD_LABELS) as RetainedRecordUid[];

export function isRetainedRecord(uid: string): uid is RetainedRecordUid {
  return Object.prototype.hasOwnProperty.call(RETAINED_RECORD_LABELS, uid);
}

export interface RetentionDates {
  /** When the record was made final (minutes, report, program); otherwise its creation counts. */
  finalisedAt?: Instant | null;
  createdAt: Instant;
}

/** The moment from which the record may be deleted: five calendar years after it was finalised. */
export function retentionUntil({ finalisedAt, createdAt }: RetentionDates): Date {
  return addCalendarYears(finalisedAt ?? createdAt, RETENTION_YEARS);
}

export function hasPassedRetention(record: RetentionDates, now: Instant): boolean {
  return toDate(now).getTime() >= retentionUntil(record).getTime();
}

export type DeletionCheck = { ok: true } | { ok: false; code: 'retention_period'; retainUntil: Date; message: string };

/** Whether a record may be deleted `now`; records outside the retention list always may. */
export function checkDeletion({
  uid,
  finalisedAt,
  createdAt,
  now,
}: RetentionDates & { uid: string; now: Instant }): DeletionCheck {
  if (!isRetainedRecord(uid) || hasPassedRetention({ finalisedAt, createdAt }, now)) return { ok: true };
  const retainUntil = retentionUntil({ finalisedAt, createdAt });
  const until = toIsoDate(retainUntil);
  const record = RETAINED_RECORD_LABELS[uid];
  return {
    ok: false,
    code: 'retention_period',
    retainUntil,
    message: formatBilingual({
      id: `${record.id} wajib disimpan ${RETENTION_YEARS} tahun sesuai PR.28.1, yaitu hingga ${until}, sehingga belum boleh dihapus`,
      en: `This record (${record.en}) must be kept for ${RETENTION_YEARS} years under PR.28.1, until ${until}, so it cannot be deleted yet`,
    }),
  };
}
