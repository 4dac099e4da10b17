import type { Content } from 'pdfmake/interfaces';
import { bilingual, renderDocx, renderPdf, renderXlsx, templatePath, type DocumentOptions } from '../render';
import { addTableSheets, pdfTable } from '../render/tables';
import { EVALUATION_FORM, type EvaluationFigures } from '../../domain/evaluation';
import { evaluationDocxData, evaluationPrint, type EvaluationRecord } from './print';

export type EvaluationFormat = 'pdf' | 'docx' | 'xlsx';
export const EVALUATION_FORMATS: readonly EvaluationFormat[] = ['pdf', 'docx', 'xlsx'];
export const MIME: Record<EvaluationFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export type DocumentHooks = Pick<DocumentOptions, 'documentNumber' | 'verifyUrl' | 'issuedAt'>;

const optionsOf = (hooks: DocumentHooks = {}): DocumentOptions => ({ ...EVALUATION_FORM, title: { ...EVALUATION_FORM.title }, ...hooks });

export const renderEvaluation = async (format: EvaluationFormat, figures: EvaluationFigures, record: EvaluationRecord, hooks?: DocumentHooks): Promise<Buffer> => {
  const print = evaluationPrint(figures, record);
  const options = optionsOf(hooks);
  if (format === 'docx') return renderDocx(templatePath(EVALUATION_FORM.formCode), evaluationDocxData(print), options);
  if (format === 'xlsx') {
    return renderXlsx((workbook) => {
      const summary = workbook.addWorksheet('Ringkasan');
      summary.columns = [{ width: 40 }, { width: 60 }];
      summary.addRow([bilingual(EVALUATION_FORM.title), print.title]);
      summary.addRow(['Tahun / Year', figures.year]);
      summary.addRow(['Status', print.values.stateLabel]);
      summary.addRow(['Dibuat / Generated', figures.generatedAt]);
      for (const section of print.narrative) summary.addRow([bilingual(section.heading), section.text]);
      addTableSheets(workbook, print.tables);
    }, options);
  }
  return renderPdf(
    {
      content: [
        { text: `${print.form.title.id} ${figures.year}`, style: 'title' },
        { text: `${print.form.title.en} ${figures.year} · Status: ${print.values.stateLabel} · Dibuat / Generated ${print.values.generatedAt}`, style: 'subtitle' },
        ...print.tables.flatMap(pdfTable),
        ...print.narrative.flatMap((section): Content[] => [{ text: bilingual(section.heading), style: 'heading' }, { text: section.text }]),
        { text: `Batam, ${print.values.signedDate}`, alignment: 'right', margin: [0, 30, 0, 0] },
        { text: 'Kapokja Humas & Kerjasama', alignment: 'right', margin: [0, 0, 0, 50] },
        { text: '(........................................)', alignment: 'right' },
      ],
    },
    options,
  );
};
