import type { Core } from '@strapi/strapi';
import { formatBilingual } from '../../domain/bilingual';
import { refuse } from '../../workflow/errors';
import { ISSUED_DOCUMENT, isIssuing } from './issue';

type DocumentMiddleware = Parameters<Core.Strapi['documents']['use']>[0];
const READS = new Set(['findOne', 'findMany', 'findFirst', 'count']);

const immutable = () =>
  refuse('issuedDocument', formatBilingual({
    id: 'Dokumen terbit adalah arsip: hanya diterbitkan oleh sistem dan tidak dapat diubah, disalin atau dihapus sebelum masa simpannya berakhir',
    en: 'An issued document is a record: only the system issues it, and it cannot be edited, copied or deleted before its retention ends',
  }));

/** A file of an issued document keeps its bytes: no replace, no removal through the Media Library or the upload API. */
const guardIssuedFiles = (strapi: Core.Strapi) => {
  const service = strapi.plugin('upload').service('upload') as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const isIssuedFile = async (file: unknown) => {
    const id = typeof file === 'object' && file !== null ? (file as { id?: unknown }).id : file;
    if (id === undefined || id === null) return false;
    const row = (await strapi.db.query(ISSUED_DOCUMENT).findOne({ where: { file: { id: Number(id) } }, select: ['id'] })) as { id: number } | null;
    return Boolean(row);
  };
  for (const method of ['replace', 'remove', 'updateFileInfo']) {
    const original = service[method];
    if (typeof original !== 'function') continue;
    service[method] = async (...args: unknown[]) => {
      if (await isIssuedFile(args[0])) immutable();
      return original.apply(service, args);
    };
  }
};

/**
 * Issued documents are immutable at every door (REST, GraphQL, Content Manager, Document
 * Service): the only write is issueDocument's create; updates, clones, publication changes and
 * creates from anywhere else are refused. Deletion is left to the retention rule (five years).
 */
export const registerIssuedDocumentRules = (strapi: Core.Strapi) => {
  const middleware = async (ctx: unknown, next: () => Promise<unknown>) => {
    const { uid, action } = ctx as { uid: string; action: string };
    if (uid !== ISSUED_DOCUMENT || READS.has(action) || action === 'delete') return next();
    if (action === 'create' && isIssuing()) return next();
    return immutable();
  };
  strapi.documents.use(middleware as DocumentMiddleware);
  guardIssuedFiles(strapi);
};
