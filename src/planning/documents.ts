import type { Core } from '@strapi/strapi';
import { ISSUED_DOCUMENT, type RenderedDocument } from '../documents/issued/issue';
import { issueMinutes, previewMinutes } from '../documents/minutes/service';
import { issueRecap, monitoringRecap, previewRecap } from '../documents/monitoring-recap/service';
import { uploadUrlSigner } from '../uploads';
import { parseInput } from '../http/validate';
import { issuedListQuery, minutesFormatInput, recapPrintInput, recapQuery } from '../contracts/schemas/documents';
import { requires } from './routes/policy';

/**
 * Issued documents in the admin (issue 11): the office lists what was issued (with a signed link
 * to each file and its public check), previews a print without a number, and the Kapokja issues.
 * Staf Humas prepares (previews), the Kapokja issues, the Director reads.
 */
export const DOCUMENT_ACTIONS = {
  read: 'plugin::kerjasama.documents.read',
  issue: 'plugin::kerjasama.documents.issue',
} as const;

export const documentPermissionActions = [
  { section: 'plugins', pluginName: 'kerjasama', subCategory: 'documents', uid: 'documents.read', displayName: 'Lihat dan pratinjau dokumen terbit (Read and preview issued documents)' },
  { section: 'plugins', pluginName: 'kerjasama', subCategory: 'documents', uid: 'documents.issue', displayName: 'Terbitkan dokumen bernomor (Issue numbered documents)' },
];

export const documentRoutes = [
  { method: 'GET', path: '/documents', handler: 'documents.list', config: requires(DOCUMENT_ACTIONS.read) },
  { method: 'GET', path: '/minutes/:documentId/preview', handler: 'documents.previewMinutes', config: requires(DOCUMENT_ACTIONS.read) },
  { method: 'POST', path: '/minutes/:documentId/issue', handler: 'documents.issueMinutes', config: requires(DOCUMENT_ACTIONS.issue) },
  { method: 'GET', path: '/monitoring-recap', handler: 'documents.recap', config: requires(DOCUMENT_ACTIONS.read) },
  { method: 'GET', path: '/monitoring-recap/export', handler: 'documents.previewRecap', config: requires(DOCUMENT_ACTIONS.read) },
  { method: 'POST', path: '/monitoring-recap/issue', handler: 'documents.issueRecap', config: requires(DOCUMENT_ACTIONS.issue) },
];

interface Ctx {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: Record<string, unknown> };
  status: number;
  body: unknown;
  type: string;
  attachment: (filename: string) => void;
}

type Row = Record<string, unknown> & { file?: { url?: string } | null };
const LISTED = ['documentId', 'documentNumber', 'formCode', 'year', 'title', 'recordType', 'recordDocumentId', 'issuedByName', 'issuedByRole', 'issuedAt', 'sha256', 'filename', 'mime', 'size'];

/** Issued documents, newest first, optionally of one record; each with a signed link to its file. */
const listIssued = async (strapi: Core.Strapi, query: unknown) => {
  const { recordDocumentId, formCode } = parseInput(issuedListQuery, query);
  const where = { ...(recordDocumentId !== undefined ? { recordDocumentId } : {}), ...(formCode !== undefined ? { formCode } : {}) };
  const rows = (await strapi.db.query(ISSUED_DOCUMENT).findMany({ where, select: LISTED, populate: { file: { select: ['url'] } }, orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }], limit: 500 })) as Row[];
  return rows.map(({ file, ...row }) => ({
    ...row,
    fileUrl: file?.url?.startsWith('/uploads/') ? uploadUrlSigner().sign(file.url) : null,
    verifyPath: `/verifikasi/${String(row.documentNumber)}`,
  }));
};

const sendFile = (ctx: Ctx, print: RenderedDocument) => {
  ctx.type = print.mime;
  ctx.attachment(print.filename);
  ctx.body = print.bytes;
};

export const documentControllers = {
  documents: ({ strapi }: { strapi: Core.Strapi }) => ({
    async list(ctx: Ctx) {
      ctx.body = { data: await listIssued(strapi, ctx.query) };
    },
    async previewMinutes(ctx: Ctx) {
      sendFile(ctx, await previewMinutes(strapi, ctx.params.documentId, parseInput(minutesFormatInput, ctx.query).format));
    },
    async recap(ctx: Ctx) {
      ctx.body = { data: await monitoringRecap(strapi, parseInput(recapQuery, ctx.query)) };
    },
    async previewRecap(ctx: Ctx) {
      sendFile(ctx, await previewRecap(strapi, parseInput(recapPrintInput, ctx.query)));
    },
    async issueRecap(ctx: Ctx) {
      const request = parseInput(recapPrintInput, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await issueRecap(strapi, request) };
    },
    async issueMinutes(ctx: Ctx) {
      const { format } = parseInput(minutesFormatInput, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await issueMinutes(strapi, { documentId: ctx.params.documentId, format }) };
    },
  }),
};
