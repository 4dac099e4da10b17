import type { Core } from '@strapi/strapi';
import type { Actor } from '../../domain/roles';
import { renderTabular, type TabularDocument, type TabularFormat } from '../render/tables';
import type { DocumentOptions } from '../render';
import { formatBilingual } from '../../domain/bilingual';
import { refuse } from '../../workflow/errors';
import { documentFileName, MIME } from './formats';
import { issueDocument, type IssuedDocument, type RenderedDocument } from './issue';

export const TABULAR_FORMATS = ['pdf', 'docx', 'xlsx'] as const;

/** `format` (missing: pdf) among PDF, DOCX, XLSX; anything else is a 400 naming it. */
export const tabularFormat = (value: unknown): TabularFormat => {
  const format = value ?? 'pdf';
  if (typeof format === 'string' && (TABULAR_FORMATS as readonly string[]).includes(format)) return format as TabularFormat;
  const list = TABULAR_FORMATS.map((name) => `"${name}"`).join(', ');
  return refuse('format', formatBilingual({ id: `Format harus salah satu dari ${list}`, en: `The format must be one of ${list}` }));
};

type Form = Pick<DocumentOptions, 'formCode' | 'formVersion' | 'title'>;

/** What a tabular document is printed from: its form, its record, its year, its title and its print. */
export interface TabularSource {
  form: Form;
  record: { uid: string; documentId: string };
  year: number;
  title: string;
  /** The file name of a preview (without a number), before the extension. */
  draftName: string;
  document: TabularDocument;
}

const rendered = async (source: TabularSource, format: TabularFormat, documentNumber?: string, verifyUrl?: string): Promise<RenderedDocument> => ({
  bytes: await renderTabular(format, source.document, { ...source.form, documentNumber, verifyUrl }),
  filename: documentFileName(documentNumber ?? `${source.draftName}-draf`, format),
  mime: MIME[format],
});

/** A print without a number (preview) in the format asked (400 naming `format` otherwise). */
export const previewTabular = (source: TabularSource, format: unknown) => rendered(source, tabularFormat(format));

/** Issues it through the registry: numbered KS/<form>/<year>/<n>, QR to its verification page. */
export const issueTabular = (strapi: Core.Strapi, source: TabularSource, format: unknown, actor?: Actor): Promise<IssuedDocument> => {
  const chosen = tabularFormat(format);
  return issueDocument(strapi, {
    formCode: source.form.formCode,
    record: source.record,
    year: source.year,
    title: source.title.slice(0, 300),
    render: (documentNumber, verifyUrl) => rendered(source, chosen, documentNumber, verifyUrl),
    actor,
  });
};
