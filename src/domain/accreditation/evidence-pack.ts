/**
 * The KPI evidence pack (issue 12): for one KPI code of PR.28.1 and one year, every record that
 * evidences it, listed in an index, and the records' files. Which kinds of record evidence which
 * code is data (KPI_EVIDENCE); the service reads the records, this assigns each file its place in
 * the ZIP and builds the index. Pure.
 */
import type { Bilingual } from '../bilingual';

export const EVIDENCE_KPI_CODES = ['B.1.2.5.8', 'B.1.2.6.16.c', 'B.1.2.9.1', 'B.1.2.9.2', 'B.1.2.9.3'] as const;
export type EvidenceKpiCode = (typeof EVIDENCE_KPI_CODES)[number];

export const EVIDENCE_SECTIONS = [
  'procedure', 'agreements', 'program', 'program_items', 'activity_reports', 'needs_mapping', 'targets', 'surveys', 'issued_documents',
] as const;
export type EvidenceSection = (typeof EVIDENCE_SECTIONS)[number];

export const EVIDENCE_SECTION_LABELS: Readonly<Record<EvidenceSection, Bilingual>> = {
  procedure: { id: 'Prosedur PR.28.1', en: 'Procedure PR.28.1' },
  agreements: { id: 'Naskah kerjasama', en: 'Agreements' },
  program: { id: 'Program kerjasama tahunan', en: 'Annual program' },
  program_items: { id: 'Butir program', en: 'Program items' },
  activity_reports: { id: 'Laporan kegiatan terverifikasi', en: 'Verified activity reports' },
  needs_mapping: { id: 'Pemetaan kebutuhan', en: 'Needs mapping' },
  targets: { id: 'Target kerjasama', en: 'Targets' },
  surveys: { id: 'Hasil survei kepuasan mitra', en: 'Partner satisfaction survey results' },
  issued_documents: { id: 'Dokumen terbit', en: 'Issued documents' },
};

/**
 * What evidences each code:
 * - `linked`: agreements, program items and reports count when their cooperation type (or the
 *   item itself) is linked to the KPI; otherwise every one of the year.
 * - `reports`: which verified reports also count by their figures (credits recognised,
 *   certificates issued), besides those linked to the KPI.
 * - `issuedForms`: the issued documents' form codes ('all' = every form of the year).
 */
export interface KpiEvidenceRule {
  sections: readonly EvidenceSection[];
  linked: boolean;
  reports?: 'credits' | 'certificates';
  issuedForms: readonly string[] | 'all';
}

export const KPI_EVIDENCE: Readonly<Record<EvidenceKpiCode, KpiEvidenceRule>> = {
  // Learning outside the study program recognised as credits.
  'B.1.2.5.8': { sections: ['agreements', 'program_items', 'activity_reports', 'issued_documents'], linked: true, reports: 'credits', issuedForms: ['BO.28.1.2'] },
  // Competency certificates issued with partners.
  'B.1.2.6.16.c': { sections: ['agreements', 'program_items', 'activity_reports', 'issued_documents'], linked: true, reports: 'certificates', issuedForms: ['BO.28.1.2'] },
  // Policy and procedure covering initiation, implementation, monitoring, evaluation and partner satisfaction.
  'B.1.2.9.1': { sections: ['procedure', 'surveys', 'issued_documents'], linked: false, issuedForms: 'all' },
  // A valid, directed planning document.
  'B.1.2.9.2': { sections: ['procedure', 'needs_mapping', 'targets', 'program', 'program_items', 'issued_documents'], linked: false, issuedForms: ['FO.28.1.1', 'FO.28.2.1'] },
  // Networks and partners (local/regional, national, international) benefiting the tridharma.
  'B.1.2.9.3': { sections: ['agreements', 'program_items', 'activity_reports', 'issued_documents'], linked: false, issuedForms: ['BO.28.1.2', 'FO.28.2.2'] },
};

export const isEvidenceKpiCode = (value: unknown): value is EvidenceKpiCode => typeof value === 'string' && (EVIDENCE_KPI_CODES as readonly string[]).includes(value);

export interface EvidenceFileInput {
  /** Where the file is read from (the upload's url, `/uploads/…`, or the procedure's path). */
  source: string;
  name: string;
  size: number | null;
  /** The file was not found where it should be (listed, not packed). */
  missing?: boolean;
}

export interface EvidenceRecordInput {
  section: EvidenceSection;
  /** documentId of the record (or the procedure's file name). */
  documentId: string;
  /** Number or code (agreement number, document number, KPI code…). */
  reference: string;
  title: string;
  date: string | null;
  details: string;
  files: EvidenceFileInput[];
}

export interface PackedFile extends EvidenceFileInput {
  /** Path inside the ZIP. */
  path: string;
}

export interface EvidenceIndexRow {
  number: number;
  section: EvidenceSection;
  sectionLabel: string;
  documentId: string;
  reference: string;
  title: string;
  date: string;
  details: string;
  files: PackedFile[];
  /** "files/…; files/…" or "-". */
  fileList: string;
}

export interface EvidencePack {
  code: EvidenceKpiCode;
  year: number;
  rows: EvidenceIndexRow[];
  files: PackedFile[];
  /** Files listed in the index but not found (not packed). */
  missing: number;
  bytes: number;
}

/** A name safe as one ZIP path segment: no separators, no "..", no control characters, at most 120 characters. */
export const safeSegment = (name: string) => {
  const visible = [...name.normalize('NFC')].map((char) => (char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f ? '_' : char)).join('');
  const cleaned = visible.replace(/[/\\:*?"<>|]+/g, '_').replace(/^\.+/, '_').trim().slice(0, 120);
  return cleaned || '_';
};

const uniquePath = (taken: Set<string>, wanted: string) => {
  if (!taken.has(wanted)) {
    taken.add(wanted);
    return wanted;
  }
  const dot = wanted.lastIndexOf('.');
  const [stem, ext] = dot > wanted.lastIndexOf('/') ? [wanted.slice(0, dot), wanted.slice(dot)] : [wanted, ''];
  for (let n = 2; ; n += 1) {
    const candidate = `${stem} (${n})${ext}`;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
};

/** The index of a pack and each file's path in the ZIP (`files/<section>/<reference>/<name>`), in section order. */
export const buildEvidencePack = (code: EvidenceKpiCode, year: number, records: readonly EvidenceRecordInput[]): EvidencePack => {
  const order = KPI_EVIDENCE[code].sections;
  const taken = new Set<string>(['index.pdf', 'index.xlsx']);
  const sorted = records
    .filter((record) => order.includes(record.section))
    .sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section) || (a.date ?? '').localeCompare(b.date ?? '') || a.reference.localeCompare(b.reference) || a.documentId.localeCompare(b.documentId));
  const rows = sorted.map((record, index): EvidenceIndexRow => {
    const folder = `files/${record.section}/${safeSegment(record.reference || record.documentId)}`;
    const files = record.files.map((file) => ({ ...file, path: uniquePath(taken, `${folder}/${safeSegment(file.name)}`) }));
    const label = EVIDENCE_SECTION_LABELS[record.section];
    return {
      number: index + 1,
      section: record.section,
      sectionLabel: `${label.id} / ${label.en}`,
      documentId: record.documentId,
      reference: record.reference,
      title: record.title,
      date: record.date ?? '-',
      details: record.details || '-',
      files,
      fileList: files.length ? files.map((file) => (file.missing ? `${file.path} (tidak ditemukan / missing)` : file.path)).join('; ') : '-',
    };
  });
  const files = rows.flatMap((row) => row.files);
  const packed = files.filter((file) => !file.missing);
  return { code, year, rows, files: packed, missing: files.length - packed.length, bytes: packed.reduce((sum, file) => sum + (file.size ?? 0), 0) };
};
