import type { Core } from '@strapi/strapi';
import { formatBilingual } from '../../domain/bilingual';
import { EVALUATION_FORM, type EvaluationFigures } from '../../domain/evaluation';
import type { Actor } from '../../domain/roles';
import { preparedDocumentsService } from '../../planning/services/prepared';
import { UIDS } from '../../planning/services/schema';
import { todayInBatam } from '../../workflow/today';
import { requestTransition } from '../../workflow/service';
import { refuse } from '../../workflow/errors';
import { createEvaluationFigures } from './figures';
import { MIME, renderEvaluation, type DocumentHooks, type EvaluationFormat } from './formats';
import type { EvaluationRecord } from './print';
import type { EvaluationNarrative } from '../../contracts/schemas/documents';

const EVALUATION = UIDS.evaluation;

type ReportRow = EvaluationRecord & { id: number; documentId: string; figures?: EvaluationFigures | null };

/**
 * The annual evaluation report (FO.28.2.1) in the admin: its figures are computed, never typed; a
 * draft's are computed again on every look, a final report's are those frozen at finalisation.
 */
export const createEvaluationService = (strapi: Core.Strapi) => {
  const figures = createEvaluationFigures(strapi);
  const find = async (year: number) => (await strapi.db.query(EVALUATION).findOne({ where: { year } })) as ReportRow | null;

  /**
   * A year's figures as the records stand: prepared once per change of anything they count
   * (prepared-freshness.ts; a store apart from the planning figures) and per Batam day (a running year counts "as of today"), so looking at
   * the page or downloading it again costs no query over the records. Writing a report (generate,
   * finalize) computes afresh.
   */
  const currentFigures = (year: number) => preparedDocumentsService(strapi).get(`evaluation-figures:${year}:${todayInBatam()}`, () => figures.compute(year));

  /** The figures a report prints: frozen when final, else as the records stand now. */
  const figuresOf = async (year: number, report: ReportRow | null) =>
    report?.workflowState === 'final' && report.figures ? report.figures : currentFigures(year);

  const save = async (year: number, data: Record<string, unknown>, existing: ReportRow | null) =>
    existing
      ? strapi.documents(EVALUATION).update({ documentId: existing.documentId, data: data as never })
      : strapi.documents(EVALUATION).create({ data: { year, title: `${EVALUATION_FORM.title.id} ${year}`, ...data } as never });

  return {
    /** The report of a year (or none yet) with its figures. */
    async preview(year: number) {
      const report = await find(year);
      return { report: report ? { ...report, figures: undefined } : null, figures: await figuresOf(year, report) };
    },

    /** Creates or updates the year's draft: computed figures, and the narrative given. */
    async generate(year: number, narrative: EvaluationNarrative) {
      const existing = await find(year);
      if (existing?.workflowState === 'final') {
        refuse('year', formatBilingual({ id: `Laporan evaluasi ${year} sudah final; angkanya tidak berubah lagi`, en: `The ${year} evaluation report is final; its figures no longer change` }));
      }
      const computed = await figures.compute(year);
      await save(year, { ...narrative, figures: computed }, existing);
      return this.preview(year);
    },

    /**
     * Finalises: the figures are computed one last time and stored, then the report moves to final
     * through its workflow (Kapokja), after which they are frozen as they were.
     */
    async finalize(year: number, actor: Actor, narrative: EvaluationNarrative) {
      const existing = await find(year);
      if (!existing) refuse('year', formatBilingual({ id: `Belum ada laporan evaluasi ${year}; buat dahulu`, en: `There is no ${year} evaluation report yet; generate it first` }));
      const report = existing as ReportRow;
      if (report.workflowState !== 'final') {
        await save(year, { ...narrative, figures: await figures.compute(year) }, report);
      }
      await requestTransition(strapi, { uid: EVALUATION, documentId: report.documentId, actor, body: { to: 'final', from: 'draft' } });
      return this.preview(year);
    },

    /** FO.28.2.1 as PDF, DOCX or XLSX (a preview: the issued-document registry adds a number). */
    async download(year: number, format: EvaluationFormat, hooks?: DocumentHooks) {
      const report = await find(year);
      const shown = await figuresOf(year, report);
      const bytes = await renderEvaluation(format, shown, report ?? { year }, hooks);
      return { bytes, mime: MIME[format], filename: `FO.28.2.1-laporan-evaluasi-${year}.${format}` };
    },
  };
};

export type EvaluationService = ReturnType<typeof createEvaluationService>;
