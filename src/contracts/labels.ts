/**
 * Label tables of the planning enums, one owner for the admin pages and the XLSX exports (they
 * used to disagree). Keyed by the domain's own lists, so a new enum value without a label does
 * not compile.
 */
import type { MappingSource, NeedsPriority } from '../domain/achievement';
import type { EvidenceKind } from '../domain/activity-report';
import type { Bilingual } from '../domain/bilingual';
import { INSTITUTION_TYPE_LABELS, PARTNER_LEVEL_LABELS } from '../domain/directory';
import type { AccreditationInstrument } from '../domain/accreditation/instruments';

export type Tridharma = 'education' | 'research' | 'community_service' | 'support';

export const PRIORITY_LABELS: Readonly<Record<NeedsPriority, Bilingual>> = {
  none: { id: 'Tidak perlu', en: 'None' },
  low: { id: 'Rendah', en: 'Low' },
  medium: { id: 'Sedang', en: 'Medium' },
  high: { id: 'Tinggi', en: 'High' },
};

export const TRIDHARMA_LABELS: Readonly<Record<Tridharma, Bilingual>> = {
  education: { id: 'Pendidikan', en: 'Education' },
  research: { id: 'Penelitian', en: 'Research' },
  community_service: { id: 'Pengabdian masyarakat', en: 'Community service' },
  support: { id: 'Penunjang', en: 'Support' },
};

export const MAPPING_SOURCE_LABELS: Readonly<Record<MappingSource, Bilingual>> = {
  unit_request: { id: 'Permintaan unit', en: 'Unit request' },
  internal_meeting: { id: 'Rapat internal', en: 'Internal meeting' },
  unit_meeting: { id: 'Rapat dengan unit', en: 'Meeting with unit' },
  evaluation_report: { id: 'Laporan evaluasi', en: 'Evaluation report' },
  other: { id: 'Lainnya', en: 'Other' },
};

/** Kinds of an activity report's evidence file (issue 12). */
export const EVIDENCE_KIND_LABELS: Readonly<Record<EvidenceKind, Bilingual>> = {
  report: { id: 'Laporan kegiatan', en: 'Activity report' },
  attendance_list: { id: 'Daftar hadir', en: 'Attendance list' },
  photo: { id: 'Foto kegiatan', en: 'Photo' },
  assignment_letter: { id: 'Surat tugas', en: 'Assignment letter' },
  certificate: { id: 'Sertifikat', en: 'Certificate' },
};

/** The accreditation instrument a study program is accredited under (unit.accreditationInstrument). */
export const ACCREDITATION_INSTRUMENT_LABELS: Readonly<Record<AccreditationInstrument, Bilingual>> = {
  ban_pt: { id: 'BAN-PT (IAPS 4.0)', en: 'BAN-PT (IAPS 4.0)' },
  lam_teknik: { id: 'LAM Teknik', en: 'LAM Teknik' },
  lam_infokom: { id: 'LAM INFOKOM', en: 'LAM INFOKOM' },
};

export { INSTITUTION_TYPE_LABELS, PARTNER_LEVEL_LABELS };
