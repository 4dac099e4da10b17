import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import { formatBilingual } from '../../domain/bilingual';
import { refuse } from '../../workflow/errors';
import { ISSUED_DOCUMENT } from './issue';
import { parseDocumentNumber } from './number';

/** What anyone holding a copy may learn: what the document is, who issued it when, and its hash. Nothing else. */
export const PUBLIC_FIELDS = ['documentNumber', 'title', 'formCode', 'year', 'issuedByName', 'issuedByRole', 'issuedAt', 'sha256'] as const;

export type PublicIssuedDocument = Record<(typeof PUBLIC_FIELDS)[number], unknown>;

/** The public description of an issued document by its number; a malformed number is a 400, an unknown one a 404. */
export const verifyDocument = async (strapi: Core.Strapi, documentNumber: unknown): Promise<PublicIssuedDocument> => {
  if (typeof documentNumber !== 'string' || !parseDocumentNumber(documentNumber)) {
    refuse('number', formatBilingual({
      id: 'Nomor dokumen tidak sah (contoh: KS/BO.29.3.1/2026/0001)',
      en: 'Not a valid document number (e.g. KS/BO.29.3.1/2026/0001)',
    }));
  }
  const row = (await strapi.db.query(ISSUED_DOCUMENT).findOne({ where: { documentNumber }, select: [...PUBLIC_FIELDS] })) as PublicIssuedDocument | null;
  if (!row) {
    throw new errors.NotFoundError(formatBilingual({
      id: `Dokumen bernomor ${String(documentNumber)} tidak pernah diterbitkan oleh sistem ini`,
      en: `No document numbered ${String(documentNumber)} was ever issued by this system`,
    }));
  }
  return Object.fromEntries(PUBLIC_FIELDS.map((field) => [field, row[field]])) as PublicIssuedDocument;
};
