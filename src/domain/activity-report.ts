/**
 * Activity reports (realisasi kegiatan, issue 12): what a unit may write on its report and when,
 * and when a report still lacks its evidence. Pure rules; the Document Service middleware in
 * src/document-middlewares/activity-report-intake.ts applies them at every door, the daily
 * reminder run (src/participation/reminders.ts) asks `isEvidenceOverdue`.
 */
import { daysBetween, type IsoDate } from './dates';
import { fieldError, type FieldError } from './validation';
import { unitEdits } from './workflow/engine';

export const ACTIVITY_REPORT_UID = 'api::activity-report.activity-report';

/** Kinds of evidence file (the `activity.evidence` component's `kind`). */
export const EVIDENCE_KINDS = ['report', 'attendance_list', 'photo', 'assignment_letter', 'certificate'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The tridharma areas an activity is reported under. */
export const ACTIVITY_TRIDHARMA = ['education', 'research', 'community_service'] as const;

/** Days after an activity's end at which a report without any evidence file reminds its unit (once). */
export const EVIDENCE_REMINDER_DAYS = 30;

const REPORT_UNIT_EDITS = unitEdits(ACTIVITY_REPORT_UID);

/**
 * Refusals for a unit's write on an activity report: fields it may not set at all, and content
 * changes outside the states where the unit holds the pen (draft, returned). A state change
 * alone is the workflow's business and is checked there.
 */
export function checkUnitReportWrite({ fields, storedState }: { fields: string[]; storedState?: string | null }): FieldError[] {
  const forbidden = fields.filter((field) => !REPORT_UNIT_EDITS.fields.includes(field));
  if (forbidden.length) {
    return forbidden.map((field) =>
      fieldError([field], { id: 'Kolom ini tidak dapat diisi oleh unit', en: 'A unit cannot set this field' }),
    );
  }
  const content = fields.filter((field) => field !== 'workflowState');
  if (storedState && content.length && !REPORT_UNIT_EDITS.states.includes(storedState)) {
    return [
      fieldError([content[0]], {
        id: `Laporan berstatus "${storedState}" tidak dapat diubah oleh unit; hanya draf atau laporan yang dikembalikan`,
        en: `A report in state "${storedState}" cannot be edited by the unit; only a draft or a returned report`,
      }),
    ];
  }
  return [];
}

/**
 * True when the activity ended at least EVIDENCE_REMINDER_DAYS days before `today` and its report
 * holds no evidence file yet (an evidence row without a file does not count).
 */
export function isEvidenceOverdue(
  report: { endDate?: IsoDate | null; evidenceFiles: number },
  today: IsoDate,
  days: number = EVIDENCE_REMINDER_DAYS,
): boolean {
  if (!report.endDate || report.evidenceFiles > 0) return false;
  return daysBetween(report.endDate, today) >= days;
}
