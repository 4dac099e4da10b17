/**
 * Reading an uploaded XLSX or CSV into a `Sheet` (src/domain/import.ts): the first worksheet,
 * its header row (offices often put a title and a blank line above it), and its data rows with
 * each cell reduced to a plain value. Pure: exceljs only, no Strapi.
 */
import { Readable } from 'stream';
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../documents/render/libraries';
import { formatBilingual } from './bilingual';
import { detectFileType } from './file-signature';
import { cellText, guessField, type Cell, type Sheet, type SheetRow } from './import';

export type SheetFormat = 'xlsx' | 'csv';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows read at most (the benchmark's 10,000 agreements fit many times over). */
export const MAX_IMPORT_ROWS = 50_000;

export class SheetError extends Error {}

/**
 * What the bytes are: an XLSX workbook (a ZIP with xl/workbook.xml) or CSV text (UTF-8, no NUL
 * byte); anything else, including the old binary .xls, is refused with what to do instead.
 */
export function sheetFormat(bytes: Buffer): SheetFormat {
  const type = detectFileType(bytes);
  if (type === XLSX_MIME) return 'xlsx';
  if (type === 'application/x-cfb') {
    throw new SheetError(formatBilingual({ id: 'Berkas Excel lama (.xls) tidak didukung; simpan sebagai .xlsx atau .csv', en: 'Old Excel files (.xls) are not supported; save as .xlsx or .csv' }));
  }
  if (type === undefined && bytes.length > 0 && !bytes.includes(0) && isUtf8(bytes)) return 'csv';
  throw new SheetError(formatBilingual({ id: 'Berkas harus XLSX atau CSV', en: 'The file must be XLSX or CSV' }));
}

const isUtf8 = (bytes: Buffer) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** A cell as exceljs gives it (rich text, formula, hyperlink, error) reduced to a plain value. */
export function plainCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return plainCell(value.result as ExcelJS.CellValue);
    if ('text' in value) return plainCell((value as { text: ExcelJS.CellValue }).text);
    if ('error' in value) return null;
  }
  return String(value);
}

/** CSV from Indonesian Excel is often separated by ";": the separator of the first line that has one. */
const csvDelimiter = (text: string) => {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim()) ?? '';
  const count = (char: string) => firstLine.split(char).length - 1;
  return count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ',';
};

const readWorksheet = async (bytes: Buffer, format: SheetFormat): Promise<ExcelJS.Worksheet> => {
  const workbook = newWorkbook();
  if (format === 'xlsx') {
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new SheetError(formatBilingual({ id: 'Berkas XLSX tidak dapat dibaca', en: 'The XLSX file cannot be read' }));
    }
    const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0) ?? workbook.worksheets[0];
    if (!sheet) throw new SheetError(formatBilingual({ id: 'Berkas tidak berisi lembar kerja', en: 'The file has no worksheet' }));
    return sheet;
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return await workbook.csv.read(Readable.from([text]), {
      sheetName: 'CSV',
      // Cells stay text: the import reads dates day first, as Indonesian offices write them.
      map: (datum: string) => (datum === '' ? null : datum),
      parserOptions: { delimiter: csvDelimiter(text), ignoreEmpty: false, trim: false },
    } as never);
  } catch {
    throw new SheetError(formatBilingual({ id: 'Berkas CSV tidak dapat dibaca', en: 'The CSV file cannot be read' }));
  }
};

/**
 * The header row: among the first 15 rows, the one naming the most known fields (at least two);
 * failing that, the first row with two or more filled cells.
 */
const findHeaderRow = (rows: SheetRow[]): SheetRow | undefined => {
  let best: { row: SheetRow; known: number } | undefined;
  for (const row of rows.slice(0, 15)) {
    const known = row.cells.filter((cell) => cellText(cell) && guessField(cellText(cell))).length;
    if (known >= 2 && (!best || known > best.known)) best = { row, known };
  }
  return best?.row ?? rows.find((row) => row.cells.filter((cell) => cellText(cell)).length >= 2);
};

const uniqueHeaders = (cells: Cell[], width: number): string[] => {
  const seen = new Map<string, number>();
  return Array.from({ length: width }, (_, index) => {
    const base = cellText(cells[index]) || `Kolom ${index + 1}`;
    const times = (seen.get(base) ?? 0) + 1;
    seen.set(base, times);
    return times === 1 ? base : `${base} (${times})`;
  });
};

/** The sheet of an uploaded file: its header row and the data rows below it. */
export async function readSheet(bytes: Buffer): Promise<Sheet> {
  const format = sheetFormat(bytes);
  const worksheet = await readWorksheet(bytes, format);
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rows.length > MAX_IMPORT_ROWS) return;
    const values = row.values as ExcelJS.CellValue[];
    // exceljs rows are 1-based: values[0] is always empty.
    rows.push({ row: rowNumber, cells: values.slice(1).map(plainCell) });
  });
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new SheetError(formatBilingual({ id: `Berkas berisi lebih dari ${MAX_IMPORT_ROWS} baris; pecah menjadi beberapa berkas`, en: `The file has more than ${MAX_IMPORT_ROWS} rows; split it into several files` }));
  }
  const header = findHeaderRow(rows);
  if (!header) throw new SheetError(formatBilingual({ id: 'Baris judul kolom tidak ditemukan', en: 'No header row found' }));
  const data = rows.filter((row) => row.row > header.row);
  const width = Math.max(header.cells.length, ...data.map((row) => row.cells.length));
  const headerCells = header.cells.concat(Array(Math.max(0, width - header.cells.length)).fill(null));
  // Columns with neither a header nor a value anywhere are dropped from the right.
  let used = width;
  while (used > 0 && !cellText(headerCells[used - 1]) && data.every((row) => !cellText(row.cells[used - 1]))) used -= 1;
  return {
    sheetName: worksheet.name,
    headerRow: header.row,
    headers: uniqueHeaders(headerCells, used),
    rows: data.map((row) => ({ row: row.row, cells: Array.from({ length: used }, (_, index) => row.cells[index] ?? null) })),
  };
}
