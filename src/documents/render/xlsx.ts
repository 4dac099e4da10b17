import type ExcelJS from 'exceljs';
import { newWorkbook } from './libraries';
import { bilingual, footerText, type DocumentOptions } from './options';

/**
 * A workbook with the common print header and footer on every sheet (form code, version, number,
 * "page x of y" as Excel's &P / &N fields), A4. `fill` adds the sheets.
 */
export const renderXlsx = async (
  fill: (workbook: ExcelJS.Workbook) => void | Promise<void>,
  options: DocumentOptions,
): Promise<Buffer> => {
  const workbook = newWorkbook();
  workbook.creator = 'Kerjasama';
  workbook.title = bilingual(options.title);
  workbook.subject = options.formCode;
  workbook.created = options.issuedAt ?? new Date();
  await fill(workbook);
  const quote = (text: string) => text.replace(/&/g, '&&');
  for (const sheet of workbook.worksheets) {
    sheet.pageSetup.paperSize = 9; // A4
    sheet.headerFooter.oddHeader = `&L${quote(options.formCode)} — ${quote(options.title.id)}`;
    sheet.headerFooter.oddFooter = `&L${quote(footerText(options))}&RHalaman / Page &P dari / of &N`;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
