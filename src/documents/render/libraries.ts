/**
 * The document libraries, loaded by the first document made rather than at boot: exceljs and
 * pdfmake (with pdfkit and its fonts) were ~0.6 s of each boot's module loading, profiled with
 * `node --cpu-prof` (issue 13), and most boots make no document before someone asks for one.
 */
import type ExcelJS from 'exceljs';
import type * as Pdfmake from 'pdfmake';

/** A new exceljs workbook. */
export const newWorkbook = (): ExcelJS.Workbook => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  return new Workbook();
};

/** pdfmake, with the font cache installed before pdfkit loads (font-cache.ts). */
export const loadPdfmake = (): typeof Pdfmake => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./font-cache');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('pdfmake') as typeof Pdfmake;
};
