/** Reading issued documents back in tests: PDF text (pdf-parse), DOCX XML text (pizzip), XLSX cells (exceljs). */
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
// pdf-parse's index runs a self-test when it has no parent module (as under jest): load the library itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string; numpages: number; info: Record<string, unknown> }>;

export const pdfText = async (pdf: Buffer) => {
  const parsed = await pdfParse(pdf);
  return { ...parsed, flat: parsed.text.replace(/\s+/g, ' ') };
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** XML character references and the five named entities decoded (`&amp;` reads as `&`), once. */
export const decodeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_, name: string) =>
    name[0] === '#' ? String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : ENTITIES[name.toLowerCase()]);

/** The text of every word/*.xml part of a .docx (document, headers, footers), tags removed and entities decoded, one string. */
export const docxText = (docx: Buffer) => {
  const zip = new PizZip(docx);
  const parts = Object.keys(zip.files).filter((name) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name)).sort();
  const text = parts.map((name) => zip.file(name)!.asText().replace(/<w:tab\/>/g, ' ').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '')).map(decodeXml).join('\n');
  return { zip, text, flat: text.replace(/\s+/g, ' ') };
};

export const readWorkbook = async (xlsx: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as never);
  return workbook;
};

type Request = ReturnType<ReturnType<typeof import('supertest')>['get']>;

/** A supertest request whose body is the raw bytes of the answer (a PDF, DOCX, XLSX). */
export const binary = (request: Request) =>
  request.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** Every row of one worksheet as plain values (exceljs' 1-based row arrays without their empty slot 0). */
export const sheetRows = (workbook: ExcelJS.Workbook, name: string) => {
  const rows: unknown[][] = [];
  workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};
