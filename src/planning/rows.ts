import type { Core, UID } from '@strapi/strapi';

/**
 * The rows the planning services read, typed once here. Strapi's query engine and Document
 * Service are typed from generated content-type types, which this project does not generate
 * (types/generated is not committed); without them `strapi.db.query` answers `any` and the
 * Document Service's `data` accepts nothing. These helpers give each read the shape its
 * select/populate asks for and each write plain data, so the services need no casts.
 */
export interface Ref { id: number; documentId: string }
export interface CodedRef extends Ref { code: string; name: string }
export interface PartnerRef extends Ref { name: string; level: string | null }

export interface UnitRow extends CodedRef { nameEn: string | null; kind: string; parent: Ref | null }
export interface CooperationTypeRow extends CodedRef { nameEn: string | null; tridharma: string; iku6Criterion: string | null }
export interface MappingRow extends Ref { priority: string; rationale: string | null; source: string | null; unit: Ref | null; cooperationType: Ref | null }
export interface TargetDbRow extends Ref {
  year: number; metric: string; targetValue: number; notes: string | null; partnerLevel: string | null;
  unit: CodedRef | null; cooperationType: CodedRef | null;
}
export interface ProgramRow extends Ref {
  year: number; title: string; summary: string | null; workflowState: string; revisionNumber: number | null;
  approvedAt: string | null; approvedBy: string | null; approvedSnapshot: unknown;
  previousEvaluation: { documentId: string; year: number; title: string } | null;
}
export interface ProgramItemRow extends Ref {
  title: string; quarter: string | null; budget: number | string | null; expectedOutput: string | null; workflowState: string;
  partner: PartnerRef | null; cooperationType: CodedRef | null; units: CodedRef[] | null;
  kpis: Array<{ documentId: string; code: string }> | null; proposal: { documentId: string; title: string } | null;
  carriedFrom?: Ref | null;
}
export interface ProposalRow extends Ref {
  title: string; workflowState: string; prospectivePartnerName: string | null; expectedBenefit: string | null;
  partner: { documentId: string; name?: string } | null; unit: (Partial<CodedRef> & { documentId: string }) | null;
  cooperationTypes: Array<Partial<CodedRef> & { documentId: string }> | null; kpis: Array<{ documentId: string; code?: string }> | null;
}
export interface KpiRow extends Ref { code: string; statement: string; statementEn: string | null }
export interface EvaluationRow extends Ref { year: number; recommendations: string | null }

type QueryParams = Record<string, unknown>;

/** `strapi.db.query(uid)` whose rows have the shape `T` (what the select and populate ask for). */
export const rowsOf = <T>(strapi: Core.Strapi, uid: string) => {
  const query = () => strapi.db.query(uid as UID.Schema);
  return {
    findOne: (params: QueryParams) => query().findOne(params) as Promise<T | null>,
    findMany: (params: QueryParams) => query().findMany(params) as Promise<T[]>,
  };
};

/** The Document Service's writes with plain data (every rule of the document middlewares applies). */
export const documentsOf = (strapi: Core.Strapi, uid: string) => {
  const documents = () => strapi.documents(uid as UID.ContentType);
  return {
    create: (data: Record<string, unknown>) => documents().create({ data: data as never }) as Promise<Ref & Record<string, unknown>>,
    update: (documentId: string, data: Record<string, unknown>) => documents().update({ documentId, data: data as never }) as Promise<Ref & Record<string, unknown>>,
  };
};
