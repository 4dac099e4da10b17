/**
 * Request and response contracts of the planning routes (`/kerjasama/...`, admin API of the
 * kerjasama plugin). The server's services return these types (the compiler checks them there)
 * and the admin pages import them (`@kerjasama/contracts/planning`): one owner, no re-declaration.
 */
import type { NeedsPriority, PartnerLevel, RollUpRow, TargetMetric } from '../domain/achievement';
import type { Bilingual } from '../domain/bilingual';

export type { NeedsPriority, PartnerLevel, RollUpRow, TargetMetric };

export interface UnitRef { id: number; documentId: string; code: string; name: string; nameEn: string | null; kind: string; parentId: number | null }
export interface CooperationTypeRef { id: number; documentId: string; code: string; name: string; nameEn: string | null; tridharma: string; iku6Criterion: string | null }
export interface MappingCell { documentId: string; unitId: number; cooperationTypeId: number; priority: NeedsPriority; rationale: string | null; source: string | null }
/** GET /kerjasama/mapping?year= (and PUT /mapping/cells, which answers the matrix again). */
export interface MappingMatrix { year: number; units: UnitRef[]; cooperationTypes: CooperationTypeRef[]; cells: MappingCell[]; previousYearCells: number }
/** POST /kerjasama/mapping/copy-previous-year */
export interface MappingCopyResult { copied: number; kept: number; matrix: MappingMatrix }

export interface MetricInfo { metric: TargetMetric | string; labels: Bilingual; definition: Bilingual }
export interface Ref { id: number; documentId: string; code: string; name: string }
export interface TargetView {
  id: number; documentId: string; year: number; metric: TargetMetric; targetValue: number; notes: string | null; partnerLevel: string | null;
  unit: Ref | null;
  cooperationType: Ref | null;
  achieved: number; percent: number | null; progress: number;
}
/** GET /kerjasama/targets?year= */
export interface TargetsReport { year: number; metrics: MetricInfo[]; targets: TargetView[]; rollUp: RollUpRow[]; overall: number | null; units: UnitRef[]; cooperationTypes: CooperationTypeRef[] }

export interface AgreementBrief { documentId: string; ourNumber: string; title: string; endDate: string | null; partnerName: string | null }
/** GET /kerjasama/dashboard?year= */
export interface Dashboard {
  year: number; today: string;
  pipeline: Array<{ state: string; count: number }>;
  achievement: { overall: number | null; rollUp: RollUpRow[]; metrics: MetricInfo[]; units: Array<{ id: number; documentId: string; code: string; name: string; targets: number; percent: number | null }> };
  expiring: { total: number; items: AgreementBrief[]; from: string; to: string };
  dormant: { total: number; items: AgreementBrief[]; since: string };
  partners: Array<{ level: string; institutionType: string; count: number }>;
  satisfaction: { documentId: string; title: string; year: number; scaleMax: number; meanScore: number; percent: number; responses: number } | null;
}

export interface ProgramItem {
  id: number; documentId: string; title: string; quarter: string | null; budget: number | null; expectedOutput: string | null; workflowState: string;
  partner: { id: number; documentId: string; name: string; level: string } | null;
  cooperationType: Ref | null;
  units: Ref[];
  kpis: Array<{ documentId: string; code: string }>;
  proposal: { documentId: string; title: string } | null;
}
/** GET /kerjasama/program/choices: what the program item form offers; units come in their tree. */
export interface ProgramChoices {
  partners: Array<{ id: number; documentId: string; name: string; level: string | null }>;
  cooperationTypes: CooperationTypeRef[];
  units: Array<UnitRef & { depth: number; path: string }>;
  kpis: Array<{ id: number; documentId: string; code: string; statement: string; statementEn: string | null }>;
}
export interface WorkflowSummary {
  state: string;
  stateLabels: Bilingual;
  available: Array<{ name: string; to: string; labels: Bilingual; reasonRequired: boolean }>;
  history: Array<{ fromState: string; toState: string; actorName?: string; reason?: string; occurredAt: string }>;
}
/** GET /kerjasama/program?year= */
export interface ProgramView {
  year: number;
  program: {
    documentId: string; year: number; title: string; summary: string | null; workflowState: string; revisionNumber: number;
    approvedAt: string | null; approvedBy: string | null;
    approvedSnapshot: { items?: Array<{ title: string; partner: string | null; cooperationType: string | null; quarter: string | null; units: string[] }> } | null;
    previousEvaluation: { documentId: string; year: number; title: string } | null;
  } | null;
  items: ProgramItem[];
  waitingProposals: Array<{ documentId: string; title: string; partner: string | null; unit: string | null; cooperationTypes: string[]; kpis: string[] }>;
  coverage: { needs: Array<{ unit: { code?: string; name?: string }; cooperationType: { code?: string; name?: string } }>; targets: TargetView[] };
  workflow: WorkflowSummary | null;
  previousYearHasProgram: boolean;
}
