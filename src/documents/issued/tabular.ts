import type { Core } from '@strapi/strapi';
import type { Actor } from '../../domain/roles';
import { renderTabular, type TabularDocument, type TabularFormat } from '../render/tables';
import type { DocumentOptions } from '../render';
import { documentFileName, MIME } from './formats';
import { issueDocument, type IssuedDocument, type RenderedDocument } from './issue';

export const TABULAR_FORMATS = ['pdf', 'docx', 'xlsx'] as const;

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

/** A print without a number (preview) in the format asked (checked by the route's schema). */
export const previewTabular = (source: TabularSource, format: TabularFormat) => rendered(source, format);

/** Issues it through the registry: numbered KS/<form>/<year>/<n>, QR to its verification page. */
export const issueTabular = (strapi: Core.Strapi, source: TabularSource, chosen: TabularFormat, actor?: Actor): Promise<IssuedDocument> => {
  return issueDocument(strapi, {
    formCode: source.form.formCode,
    record: source.record,
    year: source.year,
    title: source.title.slice(0, 300),
    render: (documentNumber, verifyUrl) => rendered(source, chosen, documentNumber, verifyUrl),
    actor,
  });
};
