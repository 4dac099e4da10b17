/**
 * The print view of a FO.28.2.1 report: its figures and narrative as the texts the form prints,
 * one structure read by the PDF, the DOCX template and the XLSX (a table's `key` is the template's
 * loop name, its columns' `field`s the loop's placeholders).
 */
import { bilingual, type Bilingual } from '../render';
import type { PrintTable } from '../render/tables';
import { AGREEMENT_ROWS, EVALUATION_FORM, MONITORING_ROWS, PROGRAM_ROWS, type EvaluationFigures, type SurveyFigures } from '../../domain/evaluation';

export type { PrintColumn, PrintTable } from '../render/tables';

export interface EvaluationRecord {
  year: number;
  title?: string | null;
  findings?: string | null;
  problems?: string | null;
  recommendations?: string | null;
  workflowState?: string | null;
  finalizedAt?: string | null;
}

const NONE = '–';
/** One formatter for the process: building an Intl.NumberFormat costs more than a whole table row. */
const ID_NUMBER = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
/** Numbers as Indonesian forms print them (decimal comma); a missing value is a dash. */
export const formatNumber = (value: number | null | undefined, suffix = '') =>
  value === null || value === undefined ? NONE : `${ID_NUMBER.format(value)}${suffix}`;

const LEVELS: Record<string, Bilingual> = {
  local_regional: { id: 'Lokal/regional', en: 'Local/regional' },
  national: { id: 'Nasional', en: 'National' },
  international: { id: 'Internasional', en: 'International' },
  unknown: { id: 'Tidak diketahui', en: 'Unknown' },
};
const STATES: Record<string, Bilingual> = { draft: { id: 'Draf', en: 'Draft' }, final: { id: 'Final', en: 'Final' } };
const label = (text: Bilingual) => bilingual(text);
const countRows = <K extends string>(rows: Array<{ key: K; labels: Bilingual }>, values: Record<K, number>) =>
  rows.map((row) => ({ label: label(row.labels), value: formatNumber(values[row.key]) }));

export const SURVEY_DIMENSION_COLUMNS: PrintTable['columns'] = [
  { field: 'label', header: 'Dimensi / Dimension' }, { field: 'mean', header: 'Rata-rata / Mean', numeric: true }, { field: 'index', header: 'Indeks / Index (%)', numeric: true },
];
export const SURVEY_LEVEL_COLUMNS: PrintTable['columns'] = [
  { field: 'label', header: 'Tingkat mitra / Partner level' },
  { field: 'responses', header: 'Respons / Responses', numeric: true },
  { field: 'mean', header: 'Rata-rata / Mean', numeric: true },
  { field: 'index', header: 'Indeks / Index (%)', numeric: true },
];

/** The survey's rows by dimension and by partner level, as FO.28.2.1 and the survey results print them. */
export const surveyDimensionRows = (survey: SurveyFigures | null) =>
  (survey?.dimensions ?? []).map((row) => ({ label: label(row.labels), mean: formatNumber(row.mean), index: formatNumber(row.index) }));
export const surveyLevelRows = (survey: SurveyFigures | null) =>
  (survey?.byPartnerLevel ?? []).map((row) => ({ label: label(LEVELS[row.level] ?? LEVELS.unknown), responses: formatNumber(row.responses), mean: formatNumber(row.mean), index: formatNumber(row.index) }));

export const evaluationPrint = (figures: EvaluationFigures, record: EvaluationRecord) => {
  const survey = figures.survey;
  const tables: PrintTable[] = [
    {
      key: 'targets',
      heading: { id: 'A. Target dan Capaian', en: 'Targets and Achievement' },
      lead: [`Capaian keseluruhan / Overall achievement: ${formatNumber(figures.targets.overall, ' %')}`],
      columns: [
        { field: 'metric', header: 'Ukuran / Metric' },
        { field: 'scope', header: 'Cakupan / Scope' },
        { field: 'target', header: 'Target', numeric: true },
        { field: 'achieved', header: 'Capaian / Achieved', numeric: true },
        { field: 'percent', header: '%', numeric: true },
      ],
      rows: [
        ...figures.targets.rollUp.map((row) => ({ metric: label(row.labels), scope: 'Institusi / Institution', target: formatNumber(row.target), achieved: formatNumber(row.achieved), percent: formatNumber(row.percent, ' %') })),
        ...figures.targets.targets
          .filter((target) => target.unit || target.cooperationType || target.partnerLevel)
          .map((target) => ({
            metric: label(target.labels),
            scope: [target.unit, target.cooperationType, target.partnerLevel ? label(LEVELS[target.partnerLevel] ?? LEVELS.unknown) : null].filter(Boolean).join(' · '),
            target: formatNumber(target.target),
            achieved: formatNumber(target.achieved),
            percent: formatNumber(target.percent, ' %'),
          })),
      ],
    },
    {
      key: 'programRows',
      heading: { id: 'B. Program Kerjasama', en: 'Cooperation Program' },
      lead: [figures.program?.title ?? NONE],
      columns: [{ field: 'label', header: 'Butir program / Program items' }, { field: 'value', header: 'Jumlah / Count', numeric: true }],
      rows: figures.program ? countRows(PROGRAM_ROWS, figures.program) : [],
    },
    {
      key: 'programReasons',
      heading: { id: 'Butir batal atau terlambat, dengan alasan', en: 'Cancelled or late items, with reasons' },
      columns: [{ field: 'title', header: 'Butir / Item' }, { field: 'status', header: 'Status' }, { field: 'reason', header: 'Alasan / Reason' }],
      rows: (figures.program?.reasons ?? []).map((item) => ({
        title: item.title,
        status: item.status === 'cancelled' ? 'Dibatalkan / Cancelled' : `Terlambat / Late (${item.plannedEnd})`,
        reason: item.reason ?? NONE,
      })),
    },
    {
      key: 'agreementRows',
      heading: { id: 'C. Naskah Kerjasama', en: 'Agreements' },
      columns: [{ field: 'label', header: 'Naskah / Agreements' }, { field: 'value', header: 'Jumlah / Count', numeric: true }],
      rows: countRows(AGREEMENT_ROWS, figures.agreements),
    },
    {
      key: 'monitoringRows',
      heading: { id: 'D. Hasil Monitoring', en: 'Monitoring Outputs' },
      columns: [{ field: 'label', header: 'Keluaran / Output' }, { field: 'value', header: 'Jumlah / Count', numeric: true }],
      rows: countRows(MONITORING_ROWS, figures.monitoring),
    },
    {
      key: 'proposalRows',
      heading: { id: 'E. Usulan Kerjasama', en: 'Proposals' },
      columns: [
        { field: 'channel', header: 'Saluran / Channel' },
        { field: 'approved', header: 'Disetujui / Approved', numeric: true },
        { field: 'rejected', header: 'Ditolak / Rejected', numeric: true },
        { field: 'withdrawn', header: 'Ditarik / Withdrawn', numeric: true },
        { field: 'pending', header: 'Proses / Pending', numeric: true },
        { field: 'total', header: 'Total', numeric: true },
      ],
      rows: [...figures.proposals.channels, figures.proposals.total].map((row) => ({
        channel: label(row.labels),
        approved: formatNumber(row.approved),
        rejected: formatNumber(row.rejected),
        withdrawn: formatNumber(row.withdrawn),
        pending: formatNumber(row.pending),
        total: formatNumber(row.total),
      })),
    },
    {
      key: 'surveyDimensions',
      heading: { id: 'F. Survei Kepuasan Mitra', en: 'Partner Satisfaction Survey' },
      lead: [
        survey ? survey.title : 'Tidak ada survei tahun ini / No survey this year',
        `Tingkat respons / Response rate: ${survey ? `${formatNumber(survey.responseRate, ' %')} (${survey.answered}/${survey.invited})` : NONE} · Indeks kepuasan / Satisfaction index: ${formatNumber(survey?.index, ' %')}`,
      ],
      columns: SURVEY_DIMENSION_COLUMNS,
      rows: surveyDimensionRows(survey),
    },
    {
      key: 'surveyLevels',
      heading: { id: 'Menurut tingkat mitra', en: 'By partner level' },
      columns: SURVEY_LEVEL_COLUMNS,
      rows: surveyLevelRows(survey),
    },
    {
      key: 'comparisonRows',
      heading: { id: 'G. Perbandingan dengan Tahun Sebelumnya', en: 'Comparison with the Previous Year' },
      columns: [
        { field: 'label', header: 'Ukuran / Figure' },
        { field: 'previous', header: String(figures.previousYear), numeric: true },
        { field: 'current', header: String(figures.year), numeric: true },
        { field: 'change', header: 'Selisih / Change', numeric: true },
      ],
      rows: figures.comparison.map((row) => ({ label: label(row.labels), previous: formatNumber(row.previous), current: formatNumber(row.current), change: formatNumber(row.change) })),
    },
  ];
  const narrative = [
    { key: 'findings', heading: { id: 'H. Temuan', en: 'Findings' }, text: record.findings?.trim() || NONE },
    { key: 'problems', heading: { id: 'I. Permasalahan', en: 'Problems' }, text: record.problems?.trim() || NONE },
    { key: 'recommendations', heading: { id: 'J. Rekomendasi untuk Tahun Berikutnya', en: 'Recommendations for Next Year' }, text: record.recommendations?.trim() || NONE },
  ];
  const state = STATES[record.workflowState ?? 'draft'] ?? STATES.draft;
  const values = {
    year: String(figures.year),
    previousYear: String(figures.previousYear),
    stateLabel: label(state),
    generatedAt: figures.generatedAt.slice(0, 10),
    overall: formatNumber(figures.targets.overall, ' %'),
    programTitle: figures.program?.title ?? NONE,
    surveyTitle: survey?.title ?? 'Tidak ada survei tahun ini / No survey this year',
    responseRate: survey ? `${formatNumber(survey.responseRate, ' %')} (${survey.answered}/${survey.invited})` : NONE,
    surveyIndex: formatNumber(survey?.index, ' %'),
    signedDate: (record.finalizedAt ?? figures.generatedAt).slice(0, 10),
    ...Object.fromEntries(narrative.map((section) => [section.key, section.text])),
  };
  return { form: EVALUATION_FORM, title: record.title ?? `${EVALUATION_FORM.title.id} ${figures.year}`, tables, narrative, values };
};

export type EvaluationPrint = ReturnType<typeof evaluationPrint>;

/** The values of the DOCX template: the named values and each table's rows under its loop name. */
export const evaluationDocxData = (print: EvaluationPrint): Record<string, string | Array<Record<string, string>>> => ({
  ...print.values,
  ...Object.fromEntries(print.tables.map((table) => [table.key, table.rows])),
});
