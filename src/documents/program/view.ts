/**
 * The annual cooperation program as the Director approved it, as a document: its items (the
 * approved version kept at approval), the budget total, and the approval record (who, when,
 * revision number). Pure: the service loads the program, this builds what is printed.
 *
 * Form code (decision, one place to change): FO.28.1.1, version 1 — the office's PR.28.1 form
 * list names no code for the program; replace it here and rename templates/FO.28.1.1.docx.
 */
import type { TabularDocument } from '../render/tables';

export const PROGRAM_FORM = {
  formCode: 'FO.28.1.1',
  formVersion: '1',
  title: { id: 'Program Kerjasama Tahunan', en: 'Annual Cooperation Program' },
} as const;

/** Program states whose approved version is the program in force: approved, and closed after approval. */
export const ISSUABLE_PROGRAM_STATES = ['approved', 'closed'] as const;

export interface ApprovedItem {
  title: string;
  partner?: string | null;
  cooperationType?: string | null;
  units?: string[] | null;
  quarter?: string | null;
  plannedStart?: string | null;
  plannedEnd?: string | null;
  budget?: number | string | null;
  expectedOutput?: string | null;
  workflowState?: string | null;
}

export interface ApprovedProgram {
  year: number;
  title: string;
  summary?: string | null;
  workflowState: string;
  revisionNumber: number;
  approvedAt: string | null;
  approvedBy: string | null;
  items: ApprovedItem[];
}

const NONE = '–';
const STATE_LABELS: Record<string, string> = { approved: 'Disetujui / Approved', closed: 'Ditutup / Closed' };

/** Rupiah as Indonesian forms print it: "Rp 150.000.000". */
export const rupiah = (value: number) => `Rp ${Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;

/** An instant as the office reads it, in Batam (WIB, UTC+7): "2026-03-02 14:05 WIB". */
export const batamTime = (iso: string | null) => (iso ? `${new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} WIB` : NONE);

const budgetOf = (item: ApprovedItem) => (item.budget === null || item.budget === undefined || item.budget === '' ? null : Number(item.budget));

/** The items counted in the budget total: those not cancelled. */
export const budgetTotal = (items: ApprovedItem[]) =>
  items.filter((item) => item.workflowState !== 'cancelled').reduce((total, item) => total + (budgetOf(item) ?? 0), 0);

export const programDocument = (program: ApprovedProgram): TabularDocument => {
  const total = budgetTotal(program.items);
  const schedule = (item: ApprovedItem) => (item.plannedStart || item.plannedEnd ? `${item.plannedStart ?? NONE} – ${item.plannedEnd ?? NONE}` : NONE);
  const rows = program.items.map((item, index) => {
    const budget = budgetOf(item);
    return {
      text: {
        no: String(index + 1),
        title: item.title,
        partner: item.partner ?? NONE,
        cooperationType: item.cooperationType ?? NONE,
        units: item.units?.length ? item.units.join(', ') : NONE,
        quarter: item.quarter ?? NONE,
        schedule: schedule(item),
        budget: budget === null ? NONE : rupiah(budget),
        expectedOutput: item.expectedOutput?.trim() || NONE,
      },
      budget,
    };
  });
  const totalRow = { no: '', title: 'Jumlah (tanpa butir batal) / Total (cancelled items excluded)', partner: '', cooperationType: '', units: '', quarter: '', schedule: '', expectedOutput: '' };
  const approval = {
    revision: String(program.revisionNumber),
    approvedBy: program.approvedBy ?? NONE,
    approvedAt: batamTime(program.approvedAt),
  };
  const values = {
    year: String(program.year),
    programTitle: program.title,
    programSummary: program.summary?.trim() || NONE,
    stateLabel: STATE_LABELS[program.workflowState] ?? program.workflowState,
    revisionNumber: approval.revision,
    approvedBy: approval.approvedBy,
    approvedAt: approval.approvedAt,
    itemCount: String(program.items.length),
    budgetTotal: rupiah(total),
    signedDate: program.approvedAt ? batamTime(program.approvedAt).slice(0, 10) : NONE,
  };
  return {
    heading: `${PROGRAM_FORM.title.id} ${program.year}`,
    subheading: `${PROGRAM_FORM.title.en} ${program.year} · ${program.title}`,
    summary: [
      { label: 'Program', value: program.title },
      { label: 'Tahun / Year', value: values.year },
      { label: 'Status', value: values.stateLabel },
      { label: 'Revisi ke / Revision number', value: values.revisionNumber },
      { label: 'Disetujui oleh / Approved by', value: values.approvedBy },
      { label: 'Disetujui pada / Approved at', value: values.approvedAt },
      { label: 'Jumlah butir / Items', value: values.itemCount },
      { label: 'Total anggaran / Budget total', value: values.budgetTotal },
    ],
    tables: [
      {
        key: 'items',
        heading: { id: 'Butir Program', en: 'Program Items' },
        columns: [
          { field: 'no', header: 'No', numeric: true },
          { field: 'title', header: 'Kegiatan / Activity' },
          { field: 'partner', header: 'Mitra / Partner' },
          { field: 'cooperationType', header: 'Jenis / Type' },
          { field: 'units', header: 'Unit' },
          { field: 'quarter', header: 'Triwulan / Quarter' },
          { field: 'schedule', header: 'Jadwal / Schedule' },
          { field: 'budget', header: 'Anggaran / Budget', numeric: true },
          { field: 'expectedOutput', header: 'Keluaran / Expected output' },
        ],
        rows: [...rows.map((row) => row.text), { ...totalRow, budget: rupiah(total) }],
        cells: [...rows.map((row, index) => ({ ...row.text, no: index + 1, budget: row.budget })), { ...totalRow, budget: total }],
      },
    ],
    sections: [{ heading: { id: 'Ringkasan Program', en: 'Program Summary' }, text: values.programSummary }],
    signature: { date: values.signedDate, role: 'Disetujui / Approved — Direktur / Director', name: program.approvedBy },
    // Nine columns: A4 landscape, as the monitoring recap.
    pageOrientation: 'landscape',
    values,
  };
};
