import type { Core } from '@strapi/strapi';
import { ISSUED_DOCUMENT, type RenderedDocument } from '../documents/issued/issue';
import { issueMinutes, previewMinutes } from '../documents/minutes/service';
import { issueRecap, monitoringRecap, previewRecap } from '../documents/monitoring-recap/service';
import { uploadUrlSigner } from '../uploads';
import { parseInput } from '../http/validate';
import { issuedListQuery, minutesFormatInput, recapPrintInput, recapQuery } from '../contracts/schemas/documents';
import { adminRoute, pluginAction, type AdminContext } from './routes/policy';
import { rowsOf } from './rows';

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
  pluginAction('documents', 'documents.read', 'Lihat dan pratinjau dokumen terbit (Read and preview issued documents)'),
  pluginAction('documents', 'documents.issue', 'Terbitkan dokumen bernomor (Issue numbered documents)'),
];

export const documentRoutes = [
  adminRoute('GET', '/documents', 'documents.list', DOCUMENT_ACTIONS.read),
  adminRoute('GET', '/minutes/:documentId/preview', 'documents.previewMinutes', DOCUMENT_ACTIONS.read),
  adminRoute('POST', '/minutes/:documentId/issue', 'documents.issueMinutes', DOCUMENT_ACTIONS.issue),
  adminRoute('GET', '/monitoring-recap', 'documents.recap', DOCUMENT_ACTIONS.read),
  adminRoute('GET', '/monitoring-recap/export', 'documents.previewRecap', DOCUMENT_ACTIONS.read),
  adminRoute('POST', '/monitoring-recap/issue', 'documents.issueRecap', DOCUMENT_ACTIONS.issue),
];

type Ctx = AdminContext;

type IssuedRow = Record<string, unknown> & { file?: { url?: string } | null };
const LISTED = ['documentId', 'documentNumber', 'formCode', 'year', 'title', 'recordType', 'recordDocumentId', 'issuedByName', 'issuedByRole', 'issuedAt', 'sha256', 'filename', 'mime', 'size'];

/** Issued documents, newest first, optionally of one record; each with a signed link to its file. */
const listIssued = async (strapi: Core.Strapi, query: unknown) => {
  const { recordDocumentId, formCode } = parseInput(issuedListQuery, query);
  const where = { ...(recordDocumentId !== undefined ? { recordDocumentId } : {}), ...(formCode !== undefined ? { formCode } : {}) };
  const rows = await rowsOf<IssuedRow>(strapi, ISSUED_DOCUMENT).findMany({ where, select: LISTED, populate: { file: { select: ['url'] } }, orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }], limit: 500 });
  return rows.map(({ file, ...row }) => ({
    ...row,
    fileUrl: file?.url?.startsWith('/uploads/') ? uploadUrlSigner().sign(file.url) : null,
    verifyPath: `/verifikasi/${String(row.documentNumber)}`,
  }));
};

/** Answers a rendered file (a print or an issued document) as a download. */
export const sendFile = (ctx: Ctx, print: RenderedDocument) => {
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
