import type { Bilingual } from '../bilingual';

/** Response shapes of the planning routes (plugins/kerjasama/server/services). */
export interface UnitRef { id: number; documentId: string; code: string; name: string; nameEn: string | null; kind: string; parentId: number | null }
export interface CooperationTypeRef { id: number; documentId: string; code: string; name: string; nameEn: string | null; tridharma: string; iku6Criterion: string | null }
export interface MappingCell { documentId: string; unitId: number; cooperationTypeId: number; priority: string; rationale: string | null; source: string | null }
export interface MappingMatrix { year: number; units: UnitRef[]; cooperationTypes: CooperationTypeRef[]; cells: MappingCell[]; previousYearCells: number }

export interface MetricInfo { metric: string; labels: Bilingual; definition: Bilingual }
export interface RollUpRow { metric: string; target: number; targetBasis: string; achieved: number; percent: number | null; progress: number }
export interface TargetView {
  id: number; documentId: string; year: number; metric: string; targetValue: number; notes: string | null; partnerLevel: string | null;
  unit: { id: number; documentId: string; code: string; name: string } | null;
  cooperationType: { id: number; documentId: string; code: string; name: string } | null;
  achieved: number; percent: number | null; progress: number;
}
export interface TargetsReport { year: number; metrics: MetricInfo[]; targets: TargetView[]; rollUp: RollUpRow[]; overall: number | null; units: UnitRef[]; cooperationTypes: CooperationTypeRef[] }

export interface AgreementBrief { documentId: string; ourNumber: string; title: string; endDate: string | null; partnerName: string | null }
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
  partner: { documentId: string; name: string; level: string } | null;
  cooperationType: { documentId: string; code: string; name: string } | null;
  units: Array<{ documentId: string; code: string; name: string }>;
  kpis: Array<{ documentId: string; code: string }>;
}
/** What the program item form offers (GET /kerjasama/program/choices); units come in their tree. */
export interface ProgramChoices {
  partners: Array<{ id: number; documentId: string; name: string; level: string | null }>;
  cooperationTypes: CooperationTypeRef[];
  units: Array<UnitRef & { depth: number; path: string }>;
  kpis: Array<{ id: number; documentId: string; code: string; statement: string; statementEn: string | null }>;
}
export interface ProgramView {
  year: number;
  program: {
    documentId: string; year: number; title: string; summary: string | null; workflowState: string; revisionNumber: number;
    approvedAt: string | null; approvedBy: string | null;
    approvedSnapshot: { items?: Array<{ title: string; partner: string | null; cooperationType: string | null; quarter: string | null; units: string[] }> } | null;
  } | null;
  items: ProgramItem[];
  waitingProposals: Array<{ documentId: string; title: string; partner: string | null; unit: string | null; cooperationTypes: string[]; kpis: string[] }>;
  coverage: { needs: Array<{ unit: { code?: string; name?: string }; cooperationType: { code?: string; name?: string } }>; targets: TargetView[] };
  workflow: { state: string; stateLabels: Bilingual; available: Array<{ name: string; to: string; labels: Bilingual; reasonRequired: boolean }>; history: Array<{ fromState: string; toState: string; actorName?: string; reason?: string; occurredAt: string }> } | null;
  previousYearHasProgram: boolean;
}

export const PLANNING_PERMISSIONS = [
  { action: 'plugin::kerjasama.planning.read-dashboard', subject: null },
  { action: 'plugin::kerjasama.planning.edit-mapping', subject: null },
  { action: 'plugin::kerjasama.planning.edit-targets', subject: null },
  { action: 'plugin::kerjasama.planning.manage-program', subject: null },
  { action: 'plugin::kerjasama.planning.approve-program', subject: null },
  { action: 'plugin::kerjasama.retention.read', subject: null },
];

type Filter = [path: string, operator: string, value: string | number | Array<string | number>];

/** A Content Manager list URL filtered the way the figure was counted. */
export const contentManagerList = (uid: string, filters: Filter[]) => {
  const params = new URLSearchParams({ page: '1' });
  filters.forEach(([path, operator, value], index) => {
    const key = `filters[$and][${index}]${path.split('.').map((part) => `[${part}]`).join('')}[${operator}]`;
    if (Array.isArray(value)) value.forEach((item, i) => params.append(`${key}[${i}]`, String(item)));
    else params.append(key, String(value));
  });
  return `/content-manager/collection-types/${uid}?${params.toString()}`;
};

export const contentManagerEntry = (uid: string, documentId: string) => `/content-manager/collection-types/${uid}/${documentId}`;

export const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;
