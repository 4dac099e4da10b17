import type { Content, TableCell } from 'pdfmake/interfaces';
import type ExcelJS from 'exceljs';
import { bilingual, type Bilingual, type DocumentOptions } from './options';
import { renderPdf } from './pdf';
import { renderDocx, templatePath } from './docx';
import { renderXlsx } from './xlsx';

/**
 * Documents made of tables (FO.28.2.1, the annual program, the survey results): one print
 * structure read by the PDF, the DOCX template and the XLSX. A table's `key` is the template's
 * loop name and its XLSX sheet, its columns' `field`s the loop's placeholders.
 */
export interface PrintColumn {
  field: string;
  header: string;
  numeric?: boolean;
}

export interface PrintTable {
  key: string;
  heading: Bilingual;
  columns: PrintColumn[];
  /** The texts printed (PDF, DOCX). */
  rows: Array<Record<string, string>>;
  /** The values as the XLSX stores them (numbers as numbers), row by row; default: `rows`. */
  cells?: Array<Record<string, string | number | null>>;
  /** Text printed before the table. */
  lead?: string[];
}

export const pdfTable = (table: PrintTable): Content[] => [
  { text: bilingual(table.heading), style: 'heading' },
  ...(table.lead ?? []).map((text) => ({ text, margin: [0, 0, 0, 4] as [number, number, number, number] })),
  table.rows.length
    ? {
        table: {
          headerRows: 1,
          widths: table.columns.map((column) => (column.numeric ? 'auto' : '*')),
          body: [
            table.columns.map((column): TableCell => ({ text: column.header, style: 'tableHeader' })),
            ...table.rows.map((row) => table.columns.map((column): TableCell => ({ text: row[column.field], alignment: column.numeric ? 'right' : 'left' }))),
          ],
        },
        layout: 'lightHorizontalLines',
      }
    : { text: 'Tidak ada data / No data', italics: true },
];

/** One sheet per table, named by its key: heading, lead, header row, then a row per table row. */
export const addTableSheets = (workbook: ExcelJS.Workbook, tables: PrintTable[]) => {
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.key);
    sheet.addRow([bilingual(table.heading)]).font = { bold: true };
    for (const lead of table.lead ?? []) sheet.addRow([lead]);
    sheet.addRow(table.columns.map((column) => column.header)).font = { bold: true };
    sheet.columns.forEach((column, index) => { column.width = index === 0 ? 50 : 18; });
    for (const row of table.cells ?? table.rows) sheet.addRow(table.columns.map((column) => row[column.field]));
  }
};

/** A document of label/value lines and tables, with a signature block. */
export interface TabularDocument {
  /** First title line (Indonesian) and second (English and context). */
  heading: string;
  subheading: string;
  /** Label / value lines under the title (also the XLSX "Ringkasan" sheet). */
  summary: Array<{ label: string; value: string | number }>;
  tables: PrintTable[];
  /** Free text sections after the tables. */
  sections?: Array<{ heading: Bilingual; text: string }>;
  signature: { date: string; role: string; name?: string | null };
  /** Landscape for wide tables (default portrait). */
  pageOrientation?: 'portrait' | 'landscape';
  /** The DOCX template's own placeholders (besides the common ones and the tables' loops). */
  values: Record<string, string>;
}

export type TabularFormat = 'pdf' | 'docx' | 'xlsx';

const pdfOf = (doc: TabularDocument, options: DocumentOptions) =>
  renderPdf(
    {
      content: [
        { text: doc.heading, style: 'title' },
        { text: doc.subheading, style: 'subtitle' },
        {
          table: { widths: [170, '*'], body: doc.summary.map((line) => [{ text: line.label, bold: true }, String(line.value)]) },
          layout: 'noBorders',
          margin: [0, 0, 0, 6],
        },
        ...doc.tables.flatMap(pdfTable),
        ...(doc.sections ?? []).flatMap((section): Content[] => [{ text: bilingual(section.heading), style: 'heading' }, { text: section.text }]),
        { text: `Batam, ${doc.signature.date}`, alignment: 'right', margin: [0, 30, 0, 0] },
        { text: doc.signature.role, alignment: 'right', margin: [0, 0, 0, 50] },
        { text: `(${doc.signature.name || '........................................'})`, alignment: 'right' },
      ],
      pageOrientation: doc.pageOrientation,
    },
    options,
  );

/** Renders a tabular document: PDF (pdfmake), DOCX (templates/<form code>.docx), XLSX (summary sheet + a sheet per table). */
export const renderTabular = async (format: TabularFormat, doc: TabularDocument, options: DocumentOptions): Promise<Buffer> => {
  if (format === 'pdf') return pdfOf(doc, options);
  if (format === 'docx') {
    return renderDocx(templatePath(options.formCode), { ...doc.values, ...Object.fromEntries(doc.tables.map((table) => [table.key, table.rows])) }, options);
  }
  return renderXlsx((workbook) => {
    const summary = workbook.addWorksheet('Ringkasan');
    summary.columns = [{ width: 40 }, { width: 60 }];
    summary.addRow([bilingual(options.title), doc.heading]);
    for (const line of doc.summary) summary.addRow([line.label, line.value]);
    for (const section of doc.sections ?? []) summary.addRow([bilingual(section.heading), section.text]);
    addTableSheets(workbook, doc.tables);
  }, options);
};
