import { defineWorkflow } from './define';

/**
 * The fields a unit fills in on its own activity report; the partner and cooperation type follow
 * the agreement or program item it reports on, `reportedBy` is the account that wrote it, and
 * `verifiedAt` is the workflow's.
 */
const UNIT_WRITABLE_FIELDS = [
  'title',
  'unit',
  'agreement',
  'programItem',
  'tridharma',
  'startDate',
  'endDate',
  'studentParticipants',
  'lecturerParticipants',
  'benefit',
  'studentsWithCredits',
  'creditsRecognised',
  'certificatesIssued',
  'evidence',
  'followUp',
  'workflowState',
] as const;

const HUMAS = ['staf_humas', 'kapokja', 'super_admin', 'api_token'] as const;

/**
 * A unit reports what was carried out (realisasi kegiatan) and submits it; Humas verifies it or
 * returns it with a reason; the unit fixes a returned report and submits it again. A verified
 * report is evidence (LKPS, IKU 6, the KPI pack) and no longer changes.
 */
export const activityReportWorkflow = defineWorkflow({
  uid: 'api::activity-report.activity-report',
  labels: { id: 'Laporan kegiatan', en: 'The activity report' },
  states: {
    draft: { id: 'Draf', en: 'Draft' },
    submitted: { id: 'Diajukan', en: 'Submitted' },
    verified: { id: 'Terverifikasi', en: 'Verified' },
    returned: { id: 'Dikembalikan', en: 'Returned' },
  },
  initial: 'draft',
  frozenStates: ['verified'],
  unfreezeHint: {
    id: 'laporan yang sudah diverifikasi menjadi bukti dan tidak diubah lagi; buat laporan baru bila perlu',
    en: 'a verified report is evidence and is not changed again; write a new report if needed',
  },
  unitEdits: { states: ['draft', 'returned'], fields: UNIT_WRITABLE_FIELDS },
  transitions: [
    { name: 'submit', from: 'draft', to: 'submitted', roles: ['unit', ...HUMAS] },
    { name: 'verify', from: 'submitted', to: 'verified', roles: HUMAS, effects: ['verification_time'] },
    { name: 'return', from: 'submitted', to: 'returned', roles: HUMAS, reasonRequired: true },
    { name: 'resubmit', from: 'returned', to: 'submitted', roles: ['unit', ...HUMAS] },
  ],
});

export type ActivityReportState = (typeof activityReportWorkflow.states)[number]['name'];
