/** The file formats documents are issued in. */
export const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type DocumentFormat = keyof typeof MIME;

/** A file name from a document number or label: letters, digits and dots, the rest as dashes. */
export const documentFileName = (label: string, format: DocumentFormat) => `${label.replace(/[^A-Za-z0-9.]+/g, '-')}.${format}`;
