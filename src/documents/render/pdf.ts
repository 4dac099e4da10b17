import path from 'path';
import type { Content, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces';
import { INSTITUTION, bilingual, footerText, pageText, type DocumentOptions } from './options';
import { qrPng } from './qr';
import { loadPdfmake } from './libraries';

/** Roboto as shipped inside the pdfmake package: the fonts are embedded in every PDF (no system fonts). */
const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const FONTS = {
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
};
let configured: ReturnType<typeof loadPdfmake> | null = null;
/** pdfmake, loaded and given its fonts and access policies at the first PDF (libraries.ts). */
const configure = () => {
  if (configured) return configured;
  const pdfmake = loadPdfmake();
  pdfmake.setFonts(FONTS);
  // Documents are built from records, never from URLs or files a user names: refuse both.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file: string) => file.startsWith(fontDir));
  configured = pdfmake;
  return pdfmake;
};

export type PdfBody = Pick<TDocumentDefinitions, 'content'> & Partial<Pick<TDocumentDefinitions, 'styles' | 'pageOrientation'>>;

export const PDF_STYLES: StyleDictionary = {
  title: { fontSize: 14, bold: true, margin: [0, 0, 0, 2] },
  subtitle: { fontSize: 10, italics: true, color: '#444', margin: [0, 0, 0, 10] },
  heading: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
  tableHeader: { bold: true, fillColor: '#eeeeee' },
  small: { fontSize: 8, color: '#444' },
};

/**
 * Renders a PDF (A4) with the common header (institution, form title) and footer (form code, version,
 * document number, page x of y, and a QR code to options.verifyUrl when given).
 */
export const renderPdf = async (body: PdfBody, options: DocumentOptions): Promise<Buffer> => {
  const pdfmake = configure();
  const qr = options.verifyUrl ? `data:image/png;base64,${(await qrPng(options.verifyUrl)).toString('base64')}` : undefined;
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: body.pageOrientation ?? 'portrait',
    pageMargins: [40, 60, 40, 70],
    info: { title: bilingual(options.title), subject: options.formCode, creator: 'Kerjasama', producer: 'Kerjasama' },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: { ...PDF_STYLES, ...(body.styles ?? {}) },
    header: {
      margin: [40, 20, 40, 0],
      columns: [
        { text: bilingual(INSTITUTION), style: 'small' },
        { text: `${options.formCode} — ${options.title.id}`, style: 'small', alignment: 'right' },
      ],
    },
    footer: (currentPage: number, pageCount: number): Content => ({
      margin: [40, 10, 40, 0],
      columns: [
        {
          width: '*',
          stack: [
            { text: footerText(options), style: 'small' },
            { text: pageText(currentPage, pageCount), style: 'small' },
            ...(options.verifyUrl ? [{ text: `Verifikasi / Verify: ${options.verifyUrl}`, style: 'small' }] : []),
          ],
        },
        ...(qr ? [{ width: 48, image: qr, fit: [48, 48] as [number, number] }] : []),
      ],
    }),
    content: body.content,
  };
  return pdfmake.createPdf(definition).getBuffer();
};
