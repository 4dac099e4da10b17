import type { Core } from '@strapi/strapi';
import { formatBilingual } from '../../domain/bilingual';
import { annualProgramWorkflow } from '../../domain/workflow';
import { programSnapshot } from '../../workflow/effects';
import { refuse } from '../../workflow/errors';
import type { TabularSource } from '../issued/tabular';
import { ISSUABLE_PROGRAM_STATES, PROGRAM_FORM, programDocument, type ApprovedItem } from './view';

const PROGRAM = annualProgramWorkflow.uid;
type Row = Record<string, unknown> & { id: number; documentId: string };

/**
 * The year's program as approved: the version kept at approval (approvedSnapshot; the items
 * cannot change while the program is approved or closed, so a program approved before snapshots
 * were kept reads its items as they are). No program is a 400 naming `year`; a program not
 * approved (draft, submitted, revision opened) a 400 naming `workflowState`.
 */
export const approvedProgramSource = async (strapi: Core.Strapi, year: number): Promise<TabularSource> => {
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
