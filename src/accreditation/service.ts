import type { Core } from '@strapi/strapi';
import type ExcelJS from 'exceljs';
import { formatBilingual, type Bilingual } from '../domain/bilingual';
import { buildLkpsTable1, lkpsCell, lkpsRange, type LkpsTable1 } from '../domain/accreditation/lkps';
import { computeIku6, IKU6_MISSING_LABELS, type Iku6Result } from '../domain/accreditation/iku6';
import { refuse } from '../workflow/errors';
import { renderXlsx } from '../documents/render';
import { createAccreditationRepository, REPORT_UID } from './repository';

/** What an accreditation print carries in its header and footer (not an issued form: no number). */
export const LKPS_DOCUMENT = { formCode: 'LKPS-1', formVersion: '1', title: { id: 'LKPS Tabel 1 Kerjasama Tridharma', en: 'LKPS Table 1 Tridharma cooperation' } };
export const IKU6_DOCUMENT = { formCode: 'IKU-6', formVersion: '1', title: { id: 'IKU 6 per Program Studi', en: 'IKU 6 per study program' } };

const both = (text: Bilingual) => `${text.id} / ${text.en}`;

/** The admin's address of a record in the Content Manager (the evidence links of the table). */
export const recordPath = (uid: string, documentId: string) => `/admin/content-manager/collection-types/${uid}/${documentId}`;

/** A study program by documentId, or a 400 naming `unit`. */
const studyProgram = async (strapi: Core.Strapi, documentId: string) => {
  const unit = await createAccreditationRepository(strapi).unit(documentId);
  if (!unit) return refuse('unit', formatBilingual({ id: 'Unit tidak ditemukan', en: 'Unit not found' }));
  if (unit.kind !== 'study_program') return refuse('unit', formatBilingual({ id: 'LKPS disusun untuk program studi; unit ini bukan program studi', en: 'The LKPS is made for a study program; this unit is not one' }));
  return unit;
};

export type LkpsTableView = LkpsTable1 & { unitDocumentId: string; unitCode: string };

/** LKPS Table 1 of a study program for TS = `year` and the two years before. */
export const lkpsTable1 = async (strapi: Core.Strapi, { unit: unitDocumentId, year }: { unit: string; year: number }): Promise<LkpsTableView> => {
  const unit = await studyProgram(strapi, unitDocumentId);
  const { from, to } = lkpsRange(year);
  const reports = await createAccreditationRepository(strapi).lkpsReports(unit.id, from, to);
  return { ...buildLkpsTable1({ year, unitName: unit.name, instrument: unit.instrument }, reports), unitDocumentId: unit.documentId, unitCode: unit.code };
};

/**
 * The table as XLSX, one sheet per table of the instrument, in its columns: a group header
 * (the level's ticks) over the column headers, the evidence cell linked to the verified report
 * (and naming the agreement) when the server's address is known.
 */
export const lkpsWorkbook = (table: LkpsTableView, origin?: string) => renderXlsx((workbook: ExcelJS.Workbook) => {
  const { columns } = table.instrument;
  for (const part of table.tables) {
    const sheet = workbook.addWorksheet(`Tabel ${part.code}`);
    sheet.addRow([both(part.title)]).font = { bold: true };
    sheet.addRow([`Program studi / Study program: ${table.unitCode} ${table.unitName}`, '', `Instrumen / Instrument: ${both(table.instrument.name)}`]);
    sheet.addRow([`TS-2 … TS: ${table.years.join(', ')} (${table.from} – ${table.to})`]);
    const groupRow = sheet.addRow(columns.map((column) => (column.group ? both(column.group) : both(column.header))));
    const headerRow = sheet.addRow(columns.map((column) => both(column.header)));
    groupRow.font = { bold: true };
    headerRow.font = { bold: true };
    // Columns without a group span both header rows; a group spans its columns.
    columns.forEach((column, index) => {
      const at = index + 1;
      if (!column.group) sheet.mergeCells(groupRow.number, at, headerRow.number, at);
      else if (index === 0 || columns[index - 1].group?.id !== column.group.id) {
        const span = columns.slice(index).findIndex((next) => next.group?.id !== column.group!.id);
        const last = span === -1 ? columns.length : index + span;
        sheet.mergeCells(groupRow.number, at, groupRow.number, last);
      }
      sheet.getColumn(at).width = column.width;
    });
    for (const row of part.rows) {
      const added = sheet.addRow(columns.map((column) => lkpsCell(row, column.field)));
      const evidenceAt = columns.findIndex((column) => column.field === 'evidence');
      if (evidenceAt >= 0 && origin) {
        added.getCell(evidenceAt + 1).value = { text: row.evidence, hyperlink: `${origin}${recordPath(REPORT_UID, row.reportDocumentId)}` };
      }
      added.alignment = { vertical: 'top', wrapText: true };
    }
    if (!part.rows.length) sheet.addRow(['-', 'Tidak ada kerjasama terverifikasi / No verified cooperation']);
  }
}, LKPS_DOCUMENT);

/** IKU 6 of every active study program for a year. */
export const iku6 = async (strapi: Core.Strapi, year: number): Promise<Iku6Result> => {
  const repository = createAccreditationRepository(strapi);
  const [programs, facts] = await Promise.all([repository.studyPrograms(), repository.iku6Facts(year)]);
  return computeIku6(year, programs, facts);
};

const missingText = (row: Iku6Result['rows'][number]) => (row.missing ? both(IKU6_MISSING_LABELS[row.missing]) : '-');
const evidenceText = (row: Iku6Result['rows'][number]) =>
  row.evidence.map((item) => `${item.title}${item.partnerName ? ` (${item.partnerName})` : ''}${item.agreementNumber ? ` — ${item.agreementNumber}` : ''}`).join('; ') || '-';

/** IKU 6 as XLSX: the summary, every study program, and those that do not meet it with what is missing. */
export const iku6Workbook = (result: Iku6Result) => renderXlsx((workbook: ExcelJS.Workbook) => {
  const summary = workbook.addWorksheet('IKU 6');
  summary.addRow([both(IKU6_DOCUMENT.title), String(result.year)]).font = { bold: true };
  summary.addRow(['Program studi / Study programs', result.studyPrograms]);
  summary.addRow(['Memenuhi / Meeting it', result.met]);
  summary.addRow(['Persentase / Percentage', result.percentage ?? '-']);
  summary.addRow(['Sumber / Source', result.source]);
  const header = ['Kode / Code', 'Program studi / Study program', 'Memenuhi / Meets', 'Laporan terverifikasi / Verified reports', 'Bukti / Evidence', 'Yang kurang / Missing'];
  const all = workbook.addWorksheet('Per prodi');
  all.addRow(header).font = { bold: true };
  for (const row of result.rows) all.addRow([row.code, row.name, row.met ? 'Ya / Yes' : 'Tidak / No', row.qualifyingReports, evidenceText(row), missingText(row)]);
  const notMet = workbook.addWorksheet('Belum memenuhi');
  notMet.addRow(['Kode / Code', 'Program studi / Study program', 'Yang kurang / Missing']).font = { bold: true };
  for (const row of result.notMet) notMet.addRow([row.code, row.name, missingText(row)]);
  for (const sheet of [summary, all, notMet]) sheet.columns.forEach((column) => { column.width = 28; });
}, IKU6_DOCUMENT);
