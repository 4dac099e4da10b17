import type { Core } from '@strapi/strapi';
import { PLANNING_YEARS } from '../../domain/achievement';
import { formatBilingual } from '../../domain/bilingual';
import { annualProgramWorkflow } from '../../domain/workflow';
import { programSnapshot } from '../../workflow/effects';
import { refuse } from '../../workflow/errors';
import type { TabularSource } from '../issued/tabular';
import { ISSUABLE_PROGRAM_STATES, PROGRAM_FORM, programDocument, type ApprovedItem } from './view';

const PROGRAM = annualProgramWorkflow.uid;
type Row = Record<string, unknown> & { id: number; documentId: string };

/** `year` as a planning year (four digits from a query string accepted), else a 400 naming it. */
export const programYear = (value: unknown): number => {
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : value;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < PLANNING_YEARS.min || year > PLANNING_YEARS.max) {
    refuse('year', formatBilingual({
      id: `Tahun tidak dikenal; gunakan tahun ${PLANNING_YEARS.min}–${PLANNING_YEARS.max}`,
      en: `Unknown year; use a year from ${PLANNING_YEARS.min} to ${PLANNING_YEARS.max}`,
    }));
  }
  return year as number;
};

/**
 * The year's program as approved: the version kept at approval (approvedSnapshot; the items
 * cannot change while the program is approved or closed, so a program approved before snapshots
 * were kept reads its items as they are). No program is a 400 naming `year`; a program not
 * approved (draft, submitted, revision opened) a 400 naming `workflowState`.
 */
export const approvedProgramSource = async (strapi: Core.Strapi, yearInput: unknown): Promise<TabularSource> => {
  const year = programYear(yearInput);
  const program = (await strapi.db.query(PROGRAM).findOne({ where: { year } })) as Row | null;
  if (!program) {
    refuse('year', formatBilingual({ id: `Belum ada program kerjasama tahun ${year}`, en: `There is no cooperation program for ${year}` }));
  }
  const row = program as Row;
  const state = String(row.workflowState);
  if (!(ISSUABLE_PROGRAM_STATES as readonly string[]).includes(state)) {
    const label = annualProgramWorkflow.states.find((entry) => entry.name === state)?.labels;
    refuse('workflowState', formatBilingual({
      id: `Program kerjasama ${year} belum disetujui Direktur (status: ${label?.id ?? state}); hanya program yang disetujui yang dapat dicetak`,
      en: `The ${year} cooperation program is not approved by the Director (state: ${label?.en ?? state}); only an approved program can be printed`,
    }));
  }
  const snapshot = ((row.approvedSnapshot as { items?: ApprovedItem[] } | null) ?? (await programSnapshot(strapi, row.id))) as { items?: ApprovedItem[] };
  const document = programDocument({
    year,
    title: String(row.title),
    summary: (row.summary as string | null) ?? null,
    workflowState: state,
    revisionNumber: Number(row.revisionNumber ?? 0),
    approvedAt: row.approvedAt ? new Date(row.approvedAt as string).toISOString() : null,
    approvedBy: (row.approvedBy as string | null) ?? null,
    items: (snapshot.items ?? []).map((item) => ({ ...item, units: item.units ?? [], plannedStart: item.plannedStart ? String(item.plannedStart).slice(0, 10) : null, plannedEnd: item.plannedEnd ? String(item.plannedEnd).slice(0, 10) : null })),
  });
  return {
    form: PROGRAM_FORM,
    record: { uid: PROGRAM, documentId: row.documentId },
    year,
    title: `${PROGRAM_FORM.title.id} ${year}: ${String(row.title)} (revisi / revision ${Number(row.revisionNumber ?? 0)})`,
    draftName: `Program-${year}`,
    document,
  };
};
