/**
 * What every issued document carries, whatever its format: the form it follows (code, version, title),
 * and the hooks the issued-document registry fills (document number, verification URL for the QR code).
 */
export interface Bilingual {
  id: string;
  en: string;
}

export interface DocumentOptions {
  /** Form code of PR.28.1, e.g. "FO.28.2.1". */
  formCode: string;
  /** Form version as printed in the footer, e.g. "1". */
  formVersion: string;
  /** Document title, Indonesian first with the English reading. */
  title: Bilingual;
  /** Issued-document number; a placeholder is printed when the document is only a preview. */
  documentNumber?: string;
  /** Public verification URL (/verifikasi/<number>); when set, a QR code to it is printed in the footer. */
  verifyUrl?: string;
  /** When the document was produced (defaults to now). */
  issuedAt?: Date;
}

export const INSTITUTION: Bilingual = {
  id: 'Politeknik Negeri Batam — Humas & Kerjasama',
  en: 'Batam State Polytechnic — Public Relations & Cooperation',
};

/** Printed where an issued document's number will stand, while the document is a preview. */
export const DRAFT_NUMBER = '(draf / draft)';

export const bilingual = (text: Bilingual) => `${text.id} / ${text.en}`;

export const documentNumberText = (options: DocumentOptions) => options.documentNumber ?? DRAFT_NUMBER;

/** The footer's first line, the same in PDF, DOCX and XLSX. */
export const footerText = (options: DocumentOptions) =>
  `${options.formCode} · Versi / Version ${options.formVersion} · No. ${documentNumberText(options)}`;

/** "Halaman / Page 1 dari / of 3". */
export const pageText = (page: number | string, pages: number | string) => `Halaman / Page ${page} dari / of ${pages}`;
