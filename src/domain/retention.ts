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
  // Monitoring evidence: what units reported carried out (issue 12), counted from its verification.
  'api::activity-report.activity-report': { id: 'Laporan kegiatan', en: 'activity report' },
  // The documents issued from these records (PDF, DOCX, XLSX with their number and SHA-256).
  'api::issued-document.issued-document': { id: 'Dokumen terbit', en: 'issued document' },
} as const satisfies Record<string, Bilingual>;

export type RetainedRecordUid = keyof typeof RETAINED_RECORD_LABELS;

export const RETAINED_RECORD_UIDS = Object.keys(RETAINED_RECORD_LABELS) as RetainedRecordUid[];

export function isRetainedRecord(uid: string): uid is RetainedRecordUid {
  return Object.prototype.hasOwnProperty.call(RETAINED_RECORD_LABELS, uid);
}

export interface RetentionDates {
  /**
   * The event the period runs from as the record states it: a finalisation, or an agreement's
   * end or termination date. An agreement's dates are typed by people and can be rewritten.
   */
  finalisedAt?: Instant | null;
  /**
   * When the system itself recorded that event (an agreement leaving force); nobody types it.
   * With `createdAt` (when the system learnt of the record) it is a floor a writer cannot lower.
   */
  recordedAt?: Instant | null;
  createdAt: Instant;
}

/**
 * The moment the five years start: the latest of the stated event, the system's record of it and
 * the record's creation. Decisions: the system cannot verify a typed date, so retention never
 * starts before the system knew of the event (rewriting an end date to 2000 after the fact does
 * not free the record); a later typed date (an end still ahead) counts, so a running agreement
 * is kept five years past its end.
 */
export function retentionStart({ finalisedAt, recordedAt, createdAt }: RetentionDates): Date {
  return [finalisedAt, recordedAt]
    .filter((instant): instant is Instant => instant !== null && instant !== undefined && instant !== '')
    .map(toDate)
    .reduce((latest, instant) => (instant.getTime() > latest.getTime() ? instant : latest), toDate(createdAt));
}

/** The moment from which the record may be deleted: five calendar years after its retention start. */
export function retentionUntil(dates: RetentionDates): Date {
  return addCalendarYears(retentionStart(dates), RETENTION_YEARS);
}

export function hasPassedRetention(record: RetentionDates, now: Instant): boolean {
  return toDate(now).getTime() >= retentionUntil(record).getTime();
}

/**
 * Records kept as part of a retained record: a survey's invitations and responses are the
 * survey's evidence, so they are kept as long as the survey is (their `field` names it).
 */
export const RETAINED_PARTS = {
  'api::survey-response.survey-response': {
    field: 'survey',
    whole: 'api::satisfaction-survey.satisfaction-survey',
    labels: { id: 'Jawaban survei', en: 'survey response' },
  },
  'api::survey-invitation.survey-invitation': {
    field: 'survey',
    whole: 'api::satisfaction-survey.satisfaction-survey',
    labels: { id: 'Undangan survei', en: 'survey invitation' },
  },
} as const satisfies Record<string, { field: string; whole: RetainedRecordUid; labels: Bilingual }>;

export type RetainedPartUid = keyof typeof RETAINED_PARTS;

export function isRetainedPart(uid: string): uid is RetainedPartUid {
  return Object.prototype.hasOwnProperty.call(RETAINED_PARTS, uid);
}

export type DeletionCheck = { ok: true } | { ok: false; code: 'retention_period'; retainUntil: Date; message: string };

/** Whether a record may be deleted `now`; records outside the retention list always may. */
export function checkDeletion({ uid, now, ...dates }: RetentionDates & { uid: string; now: Instant }): DeletionCheck {
  if (!isRetainedRecord(uid) || hasPassedRetention(dates, now)) return { ok: true };
  const retainUntil = retentionUntil(dates);
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

/** Whether a part of a retained record (a survey's response) may be deleted: while the whole is kept, never. */
export function checkPartDeletion({ uid, whole, now }: { uid: RetainedPartUid; whole: RetentionDates; now: Instant }): DeletionCheck {
  const part = RETAINED_PARTS[uid];
  const check = checkDeletion({ uid: part.whole, ...whole, now });
  if (check.ok) return check;
  const until = toIsoDate(check.retainUntil);
  const record = RETAINED_RECORD_LABELS[part.whole];
  return {
    ...check,
    message: formatBilingual({
      id: `${part.labels.id} adalah bagian dari ${record.id.toLowerCase()} yang wajib disimpan ${RETENTION_YEARS} tahun sesuai PR.28.1, yaitu hingga ${until}, sehingga belum boleh dihapus`,
      en: `This ${part.labels.en} is part of a ${record.en}, which must be kept for ${RETENTION_YEARS} years under PR.28.1, until ${until}, so it cannot be deleted yet`,
    }),
  };
}
