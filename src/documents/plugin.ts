import type { Core } from '@strapi/strapi';
import { issueTabular, previewTabular, type TabularSource } from './issued/tabular';
import type { RenderedDocument } from './issued/issue';
import { approvedProgramSource } from './program/service';
import { surveyResultsSource } from './survey/service';

/**
 * Admin routes of the annual program as approved (FO.28.1.1) and the survey results (FO.28.2.2)
 * as documents: a preview without a number (documents.read: Staf Humas prepares, the Kapokja,
 * the Director reads) and issuing (documents.issue: the Kapokja), in PDF, DOCX or XLSX.
 * Input is checked in the services (400 naming `year`, `workflowState`, `responses`, `format`).
 */
const READ = 'plugin::kerjasama.documents.read';
const ISSUE = 'plugin::kerjasama.documents.issue';
const requires = (action: string) => ({ policies: [{ name: 'admin::hasPermissions', config: { actions: [action] } }] });

export const formDocumentRoutes = [
  { method: 'GET', path: '/program/export', handler: 'formDocuments.previewProgram', config: requires(READ) },
  { method: 'POST', path: '/program/issue', handler: 'formDocuments.issueProgram', config: requires(ISSUE) },
  { method: 'GET', path: '/surveys/:documentId/results/export', handler: 'formDocuments.previewSurvey', config: requires(READ) },
  { method: 'POST', path: '/surveys/:documentId/results/issue', handler: 'formDocuments.issueSurvey', config: requires(ISSUE) },
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

const send = (ctx: Ctx, file: RenderedDocument) => {
  ctx.type = file.mime;
  ctx.attachment(file.filename);
  ctx.body = file.bytes;
};

export const formDocumentControllers = {
  formDocuments: ({ strapi }: { strapi: Core.Strapi }) => {
    const preview = async (ctx: Ctx, source: Promise<TabularSource>) => send(ctx, await previewTabular(await source, ctx.query.format));
    const issue = async (ctx: Ctx, source: Promise<TabularSource>) => {
      const found = await source;
      ctx.status = 201;
      ctx.body = { data: await issueTabular(strapi, found, ctx.request.body?.format) };
    };
    return {
      previewProgram: (ctx: Ctx) => preview(ctx, approvedProgramSource(strapi, ctx.query.year)),
      issueProgram: (ctx: Ctx) => issue(ctx, approvedProgramSource(strapi, ctx.request.body?.year)),
      previewSurvey: (ctx: Ctx) => preview(ctx, surveyResultsSource(strapi, ctx.params.documentId)),
      issueSurvey: (ctx: Ctx) => issue(ctx, surveyResultsSource(strapi, ctx.params.documentId)),
    };
  },
};
