/**
 * The partner satisfaction survey's results as a document: response rate, overall index, the
 * results by service-quality dimension and by partner level (the same rows FO.28.2.1 prints),
 * and by question. Pure: built from the survey results page's own computation (survey.ts).
 *
 * Form code (decision, one place to change): FO.28.2.2, version 1 — next to the evaluation
 * report FO.28.2.1 it feeds; replace it here and rename templates/FO.28.2.2.docx.
 */
import { DIMENSION_LABELS, type SurveyResults } from '../../domain/survey';
import { surveyFigures } from '../../domain/evaluation';
import { formatNumber, SURVEY_DIMENSION_COLUMNS, SURVEY_LEVEL_COLUMNS, surveyDimensionRows, surveyLevelRows } from '../evaluation/print';
import type { TabularDocument } from '../render/tables';

export const SURVEY_FORM = {
  formCode: 'FO.28.2.2',
  formVersion: '1',
  title: { id: 'Hasil Survei Kepuasan Mitra', en: 'Partner Satisfaction Survey Results' },
} as const;

export interface SurveyMeta {
  title: string;
  year: number;
  workflowState: string;
}

const STATE_LABELS: Record<string, string> = { draft: 'Draf / Draft', open: 'Dibuka / Open', closed: 'Ditutup / Closed' };

export const surveyDocument = (survey: SurveyMeta, results: SurveyResults, today: string): TabularDocument => {
  const figures = surveyFigures(survey.title, results);
  const rate = `${formatNumber(figures.responseRate, ' %')} (${figures.answered}/${figures.invited})`;
  const values = {
    year: String(survey.year),
    surveyTitle: survey.title,
    stateLabel: STATE_LABELS[survey.workflowState] ?? survey.workflowState,
    scale: `1–${figures.scaleMax}`,
    invited: String(figures.invited),
    answered: String(figures.answered),
    responseRate: rate,
    surveyIndex: formatNumber(figures.index, ' %'),
    surveyMean: formatNumber(figures.mean),
    signedDate: today,
  };
  const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);
  const questions = results.items.map((item) => ({
    code: item.code,
    text: [item.textId, item.textEn].filter(Boolean).join(' / ') || '–',
    dimension: `${DIMENSION_LABELS[item.dimension].id} / ${DIMENSION_LABELS[item.dimension].en}`,
    n: item.n,
    mean: round(item.mean, 2),
    index: round(item.index, 1),
  }));
  const levels = surveyLevelRows(figures);
  return {
    heading: `${SURVEY_FORM.title.id} ${survey.year}`,
    subheading: `${SURVEY_FORM.title.en} ${survey.year} · ${survey.title}`,
    summary: [
      { label: 'Survei / Survey', value: survey.title },
      { label: 'Tahun / Year', value: values.year },
      { label: 'Status', value: values.stateLabel },
      { label: 'Skala / Scale', value: values.scale },
      { label: 'Diundang / Invited', value: figures.invited },
      { label: 'Menjawab / Answered', value: figures.answered },
      { label: 'Tingkat respons / Response rate', value: rate },
      { label: 'Indeks kepuasan / Satisfaction index', value: values.surveyIndex },
      { label: 'Rata-rata / Mean', value: values.surveyMean },
    ],
    tables: [
      {
        key: 'dimensions',
        heading: { id: 'Menurut dimensi layanan', en: 'By service dimension' },
        columns: SURVEY_DIMENSION_COLUMNS,
        rows: surveyDimensionRows(figures),
        cells: figures.dimensions.map((row) => ({ label: `${row.labels.id} / ${row.labels.en}`, mean: row.mean, index: row.index })),
      },
      {
        key: 'levels',
        heading: { id: 'Menurut tingkat mitra', en: 'By partner level' },
        columns: SURVEY_LEVEL_COLUMNS,
        rows: levels,
        cells: figures.byPartnerLevel.map((row, index) => ({ label: levels[index].label, responses: row.responses, mean: row.mean, index: row.index })),
      },
      {
        key: 'questions',
        heading: { id: 'Menurut butir pertanyaan', en: 'By question' },
        columns: [
          { field: 'code', header: 'Kode / Code' },
          { field: 'text', header: 'Pertanyaan / Question' },
          { field: 'dimension', header: 'Dimensi / Dimension' },
          { field: 'n', header: 'Jawaban / Answers', numeric: true },
          { field: 'mean', header: 'Rata-rata / Mean', numeric: true },
          { field: 'index', header: 'Indeks / Index (%)', numeric: true },
        ],
        rows: questions.map((row) => ({ ...row, n: formatNumber(row.n), mean: formatNumber(row.mean), index: formatNumber(row.index) })),
        cells: questions,
      },
    ],
    signature: { date: today, role: 'Kapokja Humas & Kerjasama' },
    values,
  };
};
