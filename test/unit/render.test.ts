import PizZip from 'pizzip';
import { renderDocx, renderPdf, renderXlsx, TemplateError, type DocumentOptions } from '../../src/documents/render';
import { docxText, pdfText, readWorkbook } from '../helpers/documents';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildDocx, p } = require('../../scripts/make-templates.js') as { buildDocx: (body: string) => Buffer; p: (text: string) => string };

const options: DocumentOptions = {
  formCode: 'FO.28.2.1',
  formVersion: '1',
  title: { id: 'Laporan Evaluasi Tahunan Kerjasama', en: 'Annual Cooperation Evaluation Report' },
  documentNumber: 'HK/FO.28.2.1/2025/0007',
  verifyUrl: 'https://kerjasama.example/verifikasi/HK-FO.28.2.1-2025-0007',
};

describe('shared document renderers', () => {
  it('PDF: A4, fonts embedded, header and footer with form code, version, number, page x of y', async () => {
    const pdf = await renderPdf({ content: [{ text: 'Capaian keseluruhan / Overall achievement: 87,5 %' }, { text: 'Kedua', pageBreak: 'before' }] }, options);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { flat, numpages, info } = await pdfText(pdf);
    expect(numpages).toBe(2);
    expect(info.Title).toBe('Laporan Evaluasi Tahunan Kerjasama / Annual Cooperation Evaluation Report');
    expect(flat).toContain('Capaian keseluruhan / Overall achievement: 87,5 %');
    expect(flat).toContain('FO.28.2.1 · Versi / Version 1 · No. HK/FO.28.2.1/2025/0007');
    expect(flat).toContain('Halaman / Page 1 dari / of 2');
    expect(flat).toContain('Halaman / Page 2 dari / of 2');
    expect(flat).toContain(`Verifikasi / Verify: ${options.verifyUrl}`);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/FontFile2/); // TrueType embedded
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/); // A4
    expect(raw).toMatch(/\/Subtype \/Image/); // the QR code
  });

  it('PDF preview without a number prints the draft placeholder and no QR code', async () => {
    const pdf = await renderPdf({ content: ['x'] }, { ...options, documentNumber: undefined, verifyUrl: undefined });
    expect((await pdfText(pdf)).flat).toContain('No. (draf / draft)');
    expect(pdf.toString('latin1')).not.toMatch(/\/Subtype \/Image/);
  });

  it('DOCX: placeholders filled in body, header and footer; the QR picture replaced', async () => {
    const template = buildDocx(p('Tahun / Year {year}') + p('{#rows}{name}={value};{/rows}'));
    const docx = await renderDocx(template, { year: 2025, rows: [{ name: 'a', value: 1 }, { name: 'b', value: 2 }] }, options);
    const { text, flat, zip } = docxText(docx);
    expect(flat).toContain('Tahun / Year 2025');
    expect(flat).toContain('a=1;b=2;');
    expect(flat).toContain('FO.28.2.1 · Versi / Version 1 · No. HK/FO.28.2.1/2025/0007');
    expect(flat).toContain('Politeknik Negeri Batam');
    expect(flat).toContain(options.verifyUrl);
    expect(text).not.toMatch(/[{}]/);
    const png = zip.file('word/media/qr.png')!.asNodeBuffer();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(200); // the QR code, not the blank pixel
    expect(new PizZip(template).file('word/media/qr.png')!.asNodeBuffer().length).toBeLessThan(100);
  });

  it('DOCX: a placeholder without a value is an error naming it, never an empty hole', async () => {
    const template = buildDocx(p('{year} {unknownField}'));
    await expect(renderDocx(template, { year: 2025 }, options)).rejects.toThrow(TemplateError);
    await expect(renderDocx(template, { year: 2025 }, options)).rejects.toThrow(/unknownField/);
    await expect(renderDocx(buildDocx(p('{#open}')), {}, options)).rejects.toThrow(TemplateError);
  });

  it('XLSX: every sheet has the print header and footer, A4', async () => {
    const xlsx = await renderXlsx((workbook) => {
      workbook.addWorksheet('Ringkasan').getCell('A1').value = 42;
    }, options);
    const workbook = await readWorkbook(xlsx);
    const sheet = workbook.getWorksheet('Ringkasan')!;
    expect(sheet.getCell('A1').value).toBe(42);
    expect(sheet.headerFooter.oddFooter).toBe('&LFO.28.2.1 · Versi / Version 1 · No. HK/FO.28.2.1/2025/0007&RHalaman / Page &P dari / of &N');
    expect(sheet.pageSetup.paperSize).toBe(9);
  });
});
