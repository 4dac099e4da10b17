/**
 * IKU 6 per study program for a year: "program studi yang melaksanakan kerja sama dengan mitra"
 * — a study program meets it when, in the year, it carried out a cooperation with a partner of a
 * qualifying category in a qualifying activity form, evidenced by a verified activity report
 * under an agreement in force. Pure: the service reads the facts and hands them in.
 *
 * The two qualifying lists are the ministry's and it revises them; they are kept here as data.
 * Source: Keputusan Mendikbudristek No. 3/M/2021 tentang Indikator Kinerja Utama PTN dan LLDikti
 * (IKU 6, "Program studi bekerja sama dengan mitra kelas dunia") and its Buku Panduan IKU 2021,
 * as revised by Kepmendikbudristek No. 210/M/2023. The partner categories are the values of the
 * partner's `iku6Category`, the activity forms those of the cooperation type's `iku6Criterion`.
 */
import type { Bilingual } from '../bilingual';
import { COUNTED_REPORT_STATE } from './lkps';

export const IKU6_SOURCE = 'Kepmendikbudristek No. 3/M/2021 (IKU 6), Buku Panduan IKU 2021; revisi Kepmendikbudristek No. 210/M/2023';

/** Partner categories that qualify (partner.iku6Category); 'other' does not. */
export const IKU6_QUALIFYING_CATEGORIES = [
  'multinational_company', 'national_company', 'technology_company', 'startup', 'state_enterprise', 'top_university',
  'government_agency', 'hospital', 'msme', 'research_institute', 'ngo',
] as const;

/** Activity forms that qualify (cooperation-type.iku6Criterion). */
export const IKU6_QUALIFYING_FORMS = [
  'joint_curriculum', 'project_based_learning', 'internship_semester', 'graduate_hiring', 'practitioner_lecturer',
  'lecturer_upskilling', 'shared_facilities', 'teaching_factory', 'double_degree', 'joint_research',
] as const;

/** Every partner category the schema knows (the enum of partner.iku6Category). */
export const IKU6_CATEGORIES = [...IKU6_QUALIFYING_CATEGORIES, 'other'] as const;
export type Iku6Category = (typeof IKU6_CATEGORIES)[number];
export type Iku6Form = (typeof IKU6_QUALIFYING_FORMS)[number];

export const IKU6_CATEGORY_LABELS: Readonly<Record<Iku6Category, Bilingual>> = {
  multinational_company: { id: 'Perusahaan multinasional', en: 'Multinational company' },
  national_company: { id: 'Perusahaan nasional berstandar tinggi', en: 'Leading national company' },
  technology_company: { id: 'Perusahaan teknologi global', en: 'Global technology company' },
  startup: { id: 'Perusahaan rintisan (startup) teknologi', en: 'Technology startup' },
  state_enterprise: { id: 'BUMN/BUMD', en: 'State-owned enterprise' },
  top_university: { id: 'Perguruan tinggi QS100 (bidang ilmu)', en: 'QS top-100 university (by subject)' },
  government_agency: { id: 'Instansi pemerintah', en: 'Government agency' },
  hospital: { id: 'Rumah sakit', en: 'Hospital' },
  msme: { id: 'UMKM', en: 'MSME' },
  research_institute: { id: 'Lembaga riset', en: 'Research institute' },
  ngo: { id: 'Organisasi nirlaba kelas dunia', en: 'World-class non-profit organisation' },
  other: { id: 'Lainnya (tidak memenuhi IKU 6)', en: 'Other (does not qualify for IKU 6)' },
};

export const IKU6_FORM_LABELS: Readonly<Record<Iku6Form, Bilingual>> = {
  joint_curriculum: { id: 'Pengembangan kurikulum bersama', en: 'Joint curriculum development' },
  project_based_learning: { id: 'Pembelajaran berbasis proyek bersama', en: 'Joint project-based learning' },
  internship_semester: { id: 'Magang minimal satu semester', en: 'Internship of at least one semester' },
  graduate_hiring: { id: 'Penyerapan lulusan', en: 'Graduate hiring' },
  practitioner_lecturer: { id: 'Dosen praktisi / dosen tamu', en: 'Practitioner lecturers' },
  lecturer_upskilling: { id: 'Peningkatan kompetensi dosen', en: 'Lecturer upskilling' },
  shared_facilities: { id: 'Penggunaan sarana bersama', en: 'Shared facilities' },
  teaching_factory: { id: 'Teaching factory', en: 'Teaching factory' },
  double_degree: { id: 'Gelar ganda', en: 'Double degree' },
  joint_research: { id: 'Penelitian bersama', en: 'Joint research' },
};

/** What a study program that does not meet IKU 6 lacks, in the order it is checked. */
export const IKU6_MISSING = ['qualifying_partner', 'qualifying_form', 'verified_report', 'agreement_in_force'] as const;
export type Iku6Missing = (typeof IKU6_MISSING)[number];

export const IKU6_MISSING_LABELS: Readonly<Record<Iku6Missing, Bilingual>> = {
  qualifying_partner: { id: 'Tidak ada mitra dengan kategori IKU 6', en: 'No partner of a qualifying IKU 6 category' },
  qualifying_form: { id: 'Tidak ada bentuk kegiatan yang memenuhi IKU 6', en: 'No qualifying activity form' },
  verified_report: { id: 'Tidak ada laporan kegiatan terverifikasi', en: 'No verified activity report' },
  agreement_in_force: { id: 'Laporan tidak di bawah naskah kerjasama yang berlaku', en: 'No report under an agreement in force' },
};

const isQualifyingCategory = (value: string | null | undefined) => (IKU6_QUALIFYING_CATEGORIES as readonly string[]).includes(value ?? '');
const isQualifyingForm = (value: string | null | undefined) => (IKU6_QUALIFYING_FORMS as readonly string[]).includes(value ?? '');

export interface Iku6StudyProgram {
  id: number;
  documentId: string;
  code: string;
  name: string;
}

/**
 * One fact of a study program's cooperation in the year, possibly standing for several records
 * (the repository groups them): an agreement in force, or activity reports, with the partner's
 * category and the activity form.
 */
export interface Iku6Fact {
  unitId: number;
  source: 'agreement' | 'report';
  partnerCategory: string | null;
  activityForm: string | null;
  /** Reports only: the report's state (only verified ones count). */
  workflowState?: string;
  /** Reports only: the report is under an agreement in force during the year. */
  agreementInForce?: boolean;
  count: number;
  /** Reports only: examples (for the evidence column). */
  examples?: Iku6Evidence[];
}

export interface Iku6Evidence {
  reportDocumentId: string;
  title: string;
  agreementNumber: string | null;
  partnerName: string | null;
}

export interface Iku6Row extends Omit<Iku6StudyProgram, 'id'> {
  met: boolean;
  missing: Iku6Missing | null;
  /** Verified, qualifying reports under an agreement in force. */
  qualifyingReports: number;
  evidence: Iku6Evidence[];
}

export interface Iku6Result {
  year: number;
  source: string;
  studyPrograms: number;
  met: number;
  /** Percent of study programs meeting IKU 6, one decimal; null without study programs. */
  percentage: number | null;
  rows: Iku6Row[];
  notMet: Iku6Row[];
}

const EXAMPLES = 5;

export const computeIku6 = (year: number, programs: readonly Iku6StudyProgram[], facts: readonly Iku6Fact[]): Iku6Result => {
  const byUnit = new Map<number, Iku6Fact[]>();
  for (const fact of facts) {
    if (fact.source === 'report' && fact.workflowState !== COUNTED_REPORT_STATE) continue;
    byUnit.set(fact.unitId, [...(byUnit.get(fact.unitId) ?? []), fact]);
  }
  const rows = [...programs].sort((a, b) => a.code.localeCompare(b.code)).map(({ id, ...program }): Iku6Row => {
    const own = byUnit.get(id) ?? [];
    const partnerOk = own.filter((fact) => isQualifyingCategory(fact.partnerCategory));
    const formOk = partnerOk.filter((fact) => isQualifyingForm(fact.activityForm));
    const reported = formOk.filter((fact) => fact.source === 'report');
    const underAgreement = reported.filter((fact) => fact.agreementInForce);
    const missing: Iku6Missing | null = !partnerOk.length ? 'qualifying_partner'
      : !formOk.length ? 'qualifying_form'
        : !reported.length ? 'verified_report'
          : !underAgreement.length ? 'agreement_in_force' : null;
    const evidence = underAgreement.flatMap((fact) => fact.examples ?? [])
      .sort((a, b) => a.title.localeCompare(b.title) || a.reportDocumentId.localeCompare(b.reportDocumentId))
      .slice(0, EXAMPLES);
    return { ...program, met: missing === null, missing, qualifyingReports: underAgreement.reduce((sum, fact) => sum + fact.count, 0), evidence };
  });
  const met = rows.filter((row) => row.met).length;
  return {
    year,
    source: IKU6_SOURCE,
    studyPrograms: rows.length,
    met,
    percentage: rows.length ? Math.round((met / rows.length) * 1000) / 10 : null,
    rows,
    notMet: rows.filter((row) => !row.met),
  };
};
