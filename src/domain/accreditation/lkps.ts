/**
 * LKPS Table 1 (Kerjasama Tridharma) of a study program for the last three years (TS-2, TS-1,
 * TS), from its verified activity reports: one row per report whose dates touch the three years,
 * in the tables and columns of the study program's instrument (instruments.ts). Pure: the
 * service reads the rows and hands them in.
 *
 * Only a verified report counts (COUNTED_REPORT_STATE); a draft, submitted or returned one is
 * dropped here even if a caller passes it.
 */
import type { Bilingual } from '../bilingual';
import { daysBetween } from '../dates';
import { PARTNER_LEVEL_LABELS, type PartnerLevel } from '../directory';
import { instrumentOf, type InstrumentDefinition, type LkpsField, type LkpsTridharma } from './instruments';

/** The only state of an activity report that counts in any figure (issue 12). */
export const COUNTED_REPORT_STATE = 'verified';

export const TRIDHARMA_NAMES: Readonly<Record<LkpsTridharma, Bilingual>> = {
  education: { id: 'Pendidikan', en: 'Education' },
  research: { id: 'Penelitian', en: 'Research' },
  community_service: { id: 'Pengabdian kepada Masyarakat', en: 'Community service' },
};

export interface LkpsAgreementInput {
  documentId: string;
  ourNumber: string;
  endDate?: string | null;
  indefinite?: boolean | null;
}

export interface LkpsReportInput {
  documentId: string;
  title: string;
  tridharma: string;
  workflowState: string;
  startDate: string;
  endDate?: string | null;
  benefit?: string | null;
  studentParticipants?: number | null;
  lecturerParticipants?: number | null;
  partnerName?: string | null;
  partnerLevel?: string | null;
  agreement?: LkpsAgreementInput | null;
}

export interface LkpsRow {
  number: number;
  tridharma: LkpsTridharma;
  reportDocumentId: string;
  partner: string;
  level: PartnerLevel | null;
  title: string;
  benefit: string;
  students: number;
  lecturers: number;
  startDate: string;
  endDate: string | null;
  days: number | null;
  duration: string;
  agreementDocumentId: string | null;
  agreementNumber: string | null;
  evidence: string;
  endYear: string;
}

export interface LkpsTable {
  code: string;
  title: Bilingual;
  rows: LkpsRow[];
}

export interface LkpsTable1 {
  instrument: Pick<InstrumentDefinition, 'code' | 'name' | 'source' | 'columns'>;
  year: number;
  /** TS-2, TS-1, TS. */
  years: [number, number, number];
  from: string;
  to: string;
  unitName: string;
  tables: LkpsTable[];
  total: number;
}

/** The three years of a table ending in `year` (TS), as a date range. */
export const lkpsRange = (year: number) => ({ years: [year - 2, year - 1, year] as [number, number, number], from: `${year - 2}-01-01`, to: `${year}-12-31` });

const isLevel = (value: unknown): value is PartnerLevel => typeof value === 'string' && value in PARTNER_LEVEL_LABELS;
const isTridharma = (value: string): value is LkpsTridharma => value in TRIDHARMA_NAMES;

/** "2024-03-01 s.d. / to 2024-06-30 (122 hari / days)". */
export const durationText = (start: string, end: string | null | undefined) => {
  if (!end) return `${start} (tanpa tanggal selesai / no end date)`;
  const days = daysBetween(start, end) + 1;
  return `${start} s.d. / to ${end} (${days} hari / days)`;
};

/** The cooperation's end year: the agreement's end date's year, "Tidak terbatas / Indefinite", or "-" without an agreement. */
export const endYearText = (agreement: LkpsAgreementInput | null | undefined) => {
  if (!agreement) return '-';
  if (agreement.indefinite) return 'Tidak terbatas / Indefinite';
  return agreement.endDate ? agreement.endDate.slice(0, 4) : '-';
};

const evidenceText = (report: LkpsReportInput) =>
  [`Laporan kegiatan / Activity report ${report.documentId}`, report.agreement ? `Naskah / Agreement ${report.agreement.ourNumber}` : null].filter(Boolean).join('; ');

export const buildLkpsTable1 = (
  { year, unitName, instrument: instrumentCode }: { year: number; unitName: string; instrument?: string | null },
  reports: readonly LkpsReportInput[],
): LkpsTable1 => {
  const instrument = instrumentOf(instrumentCode);
  const { years, from, to } = lkpsRange(year);
  const counted = reports
    .filter((report) => report.workflowState === COUNTED_REPORT_STATE && isTridharma(report.tridharma))
    .filter((report) => report.startDate <= to && (report.endDate ?? report.startDate) >= from)
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title) || a.documentId.localeCompare(b.documentId));
  const tables = instrument.tables.map((table): LkpsTable => ({
    code: table.code,
    title: table.title,
    rows: counted
      .filter((report) => (table.tridharma as readonly string[]).includes(report.tridharma))
      .map((report, index): LkpsRow => ({
        number: index + 1,
        tridharma: report.tridharma as LkpsTridharma,
        reportDocumentId: report.documentId,
        partner: report.partnerName ?? '-',
        level: isLevel(report.partnerLevel) ? report.partnerLevel : null,
        title: report.title,
        benefit: report.benefit?.trim() || '-',
        students: report.studentParticipants ?? 0,
        lecturers: report.lecturerParticipants ?? 0,
        startDate: report.startDate,
        endDate: report.endDate ?? null,
        days: report.endDate ? daysBetween(report.startDate, report.endDate) + 1 : null,
        duration: durationText(report.startDate, report.endDate),
        agreementDocumentId: report.agreement?.documentId ?? null,
        agreementNumber: report.agreement?.ourNumber ?? null,
        evidence: evidenceText(report),
        endYear: endYearText(report.agreement),
      })),
  }));
  return {
    instrument: { code: instrument.code, name: instrument.name, source: instrument.source, columns: instrument.columns },
    year, years, from, to, unitName, tables,
    total: tables.reduce((sum, table) => sum + table.rows.length, 0),
  };
};

const TICK = '√';

/** The text of one cell, as the XLSX and the preview page print it. */
export const lkpsCell = (row: LkpsRow, field: LkpsField): string | number => {
  switch (field) {
    case 'number': return row.number;
    case 'partner': return row.partner;
    case 'level': return row.level ? `${PARTNER_LEVEL_LABELS[row.level].id} / ${PARTNER_LEVEL_LABELS[row.level].en}` : '-';
    case 'levelInternational': return row.level === 'international' ? TICK : '';
    case 'levelNational': return row.level === 'national' ? TICK : '';
    case 'levelLocal': return row.level === 'local_regional' ? TICK : '';
    case 'tridharma': return `${TRIDHARMA_NAMES[row.tridharma].id} / ${TRIDHARMA_NAMES[row.tridharma].en}`;
    case 'title': return row.title;
    case 'benefit': return row.benefit;
    case 'participants': return `${row.students} / ${row.lecturers}`;
    case 'duration': return row.duration;
    case 'evidence': return row.evidence;
    case 'endYear': return row.endYear;
  }
};
