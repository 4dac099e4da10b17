import { formatBilingual } from '../../domain/bilingual';
import { refuse } from '../../workflow/errors';

/** The file formats documents are issued in. */
export const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type DocumentFormat = keyof typeof MIME;

/** The requested format among those a document offers; anything else is a 400 naming `format`. */
export const parseFormat = <F extends DocumentFormat>(format: unknown, allowed: readonly F[]): F => {
  if (typeof format === 'string' && (allowed as readonly string[]).includes(format)) return format as F;
  const list = allowed.map((name) => `"${name}"`).join(', ');
  return refuse('format', formatBilingual({ id: `Format harus salah satu dari ${list}`, en: `The format must be one of ${list}` }));
};

/** A file name from a document number or label: letters, digits and dots, the rest as dashes. */
export const documentFileName = (label: string, format: DocumentFormat) => `${label.replace(/[^A-Za-z0-9.]+/g, '-')}.${format}`;
