/** Shared renderers of issued documents (issue 11): PDF (pdfmake), DOCX (docxtemplater), XLSX (exceljs). */
export * from './options';
export { renderPdf, PDF_STYLES, type PdfBody } from './pdf';
export { renderDocx, templatePath, templatesDir, commonFields, TemplateError } from './docx';
export { renderXlsx } from './xlsx';
export { qrPng } from './qr';
