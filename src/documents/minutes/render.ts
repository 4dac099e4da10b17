import type { Content, TableCell } from 'pdfmake/interfaces';
import { renderDocx, renderPdf, templatePath, type DocumentOptions } from '../render';
import { MINUTES_FORM, type MinutesView } from './view';

export const MINUTES_FORMATS = ['pdf', 'docx'] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

const header = (labels: string[]): TableCell[] => labels.map((text) => ({ text, style: 'tableHeader' }));

/** A table with a header row; `widths` as pdfmake takes them. */
const table = (labels: string[], rows: string[][], widths: Array<number | string>): Content => ({
  table: { headerRows: 1, widths, body: [header(labels), ...rows] },
  layout: 'lightHorizontalLines',
  margin: [0, 0, 0, 6],
});

/** The PDF body of BO.29.3.1: header block, attendees with a signature column, agenda, discussion, decisions, action items. */
export const minutesPdfContent = (view: MinutesView): Content[] => [
  { text: `${MINUTES_FORM.title.id} / ${MINUTES_FORM.title.en}`, style: 'title', alignment: 'center' },
  { text: view.meetingTitle, style: 'subtitle', alignment: 'center' },
  {
    table: {
      widths: [140, '*'],
      body: [
        ['Nomor notulen / Minutes number', view.number],
        ['Tanggal / Date', view.date],
        ['Jenis rapat / Kind', view.kind],
        ['Tempat / Place', view.place],
        ['Pimpinan rapat / Chair', view.chair],
        ['Notulis / Minute-taker', view.minuteTaker],
        ['Unit atau mitra / Unit or partner', view.counterpart],
      ],
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 6],
  },
  { text: 'A. Daftar Hadir / Attendance', style: 'heading' },
  table(['No', 'Nama / Name', 'Jabatan / Role', 'Instansi / Organisation', 'Tanda tangan / Signature'], view.attendees.map((a) => [a.no, a.name, a.role, a.organisation, a.signature]), [20, '*', 90, 110, 90]),
  { text: 'B. Agenda', style: 'heading' },
  { text: view.agenda },
  { text: 'C. Pembahasan / Discussion', style: 'heading' },
  { text: view.discussion },
  { text: 'D. Keputusan / Decisions', style: 'heading' },
  table(['No', 'Keputusan / Decision', 'Usulan yang diputuskan / Proposal decided'], view.decisions.map((d) => [d.no, d.text, d.proposal]), [20, '*', 160]),
  { text: 'E. Tindak Lanjut / Action Items', style: 'heading' },
  table(['No', 'Tindakan / Action', 'Penanggung jawab / Owner', 'Tenggat / Due', 'Status'], view.actionItems.map((i) => [i.no, i.description, i.owner, i.dueDate, i.status]), [20, '*', 100, 90, 60]),
  {
    columns: [
      { width: '*', stack: ['Pimpinan rapat / Chair', { text: '\n\n\n' }, `(${view.chair})`] },
      { width: '*', stack: ['Notulis / Minute-taker', { text: '\n\n\n' }, `(${view.minuteTaker})`], alignment: 'right' },
    ],
    margin: [0, 20, 0, 0],
  },
];

/** The placeholders of templates/BO.29.3.1.docx (listed in templates/README.md). */
export const minutesDocxData = (view: MinutesView) => ({ ...view });

export const minutesOptions = (documentNumber?: string, verifyUrl?: string): DocumentOptions => ({ ...MINUTES_FORM, documentNumber, verifyUrl });

export const renderMinutes = async (view: MinutesView, format: MinutesFormat, options: DocumentOptions): Promise<Buffer> =>
  format === 'pdf'
    ? renderPdf({ content: minutesPdfContent(view) }, options)
    : renderDocx(templatePath(MINUTES_FORM.formCode), minutesDocxData(view), options);
