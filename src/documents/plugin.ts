import type { Core } from '@strapi/strapi';
import { issueTabular, previewTabular, type TabularSource } from './issued/tabular';
import { approvedProgramSource } from './program/service';
import { parseInput } from '../http/validate';
import { programDocumentInput, tabularFormatInput } from '../contracts/schemas/documents';
import { adminRoute, type AdminContext } from '../planning/routes/policy';
import { DOCUMENT_ACTIONS, sendFile } from '../planning/documents';
import { surveyResultsSource } from './survey/service';

/**
 * Admin routes of the annual program as approved (FO.28.1.1) and the survey results (FO.28.2.2)
 * as documents: a preview without a number (documents.read: Staf Humas prepares, the Kapokja,
 * the Director reads) and issuing (documents.issue: the Kapokja), in PDF, DOCX or XLSX.
 * `year` and `format` are read through their schemas; the services refuse a missing program or
 * survey answers (400 naming `year`, `workflowState`, `responses`).
 */
const { read: READ, issue: ISSUE } = DOCUMENT_ACTIONS;

export const formDocumentRoutes = [
  adminRoute('GET', '/program/export', 'formDocuments.previewProgram', READ),
  adminRoute('POST', '/program/issue', 'formDocuments.issueProgram', ISSUE),
  adminRoute('GET', '/surveys/:documentId/results/export', 'formDocuments.previewSurvey', READ),
  adminRoute('POST', '/surveys/:documentId/results/issue', 'formDocuments.issueSurvey', ISSUE),
];

type Ctx = AdminContext;

export const formDocumentControllers = {
  formDocuments: ({ strapi }: { strapi: Core.Strapi }) => {
    // The record is looked up first (its 404 / 400 comes before a bad format's), as before the schemas.
    const preview = async (ctx: Ctx, source: Promise<TabularSource>) => {
      const found = await source;
      sendFile(ctx, await previewTabular(found, parseInput(tabularFormatInput, ctx.query).format));
    };
    const issue = async (ctx: Ctx, source: Promise<TabularSource>) => {
      const found = await source;
      const { format } = parseInput(tabularFormatInput, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await issueTabular(strapi, found, format) };
    };
    return {
      previewProgram: (ctx: Ctx) => preview(ctx, approvedProgramSource(strapi, parseInput(programDocumentInput, ctx.query).year)),
      issueProgram: (ctx: Ctx) => issue(ctx, approvedProgramSource(strapi, parseInput(programDocumentInput, ctx.request.body).year)),
      previewSurvey: (ctx: Ctx) => preview(ctx, surveyResultsSource(strapi, ctx.params.documentId)),
      issueSurvey: (ctx: Ctx) => issue(ctx, surveyResultsSource(strapi, ctx.params.documentId)),
    };
  },
};
