import { PLUGIN_ACTIONS } from '@kerjasama/contracts/permissions';

/** Response shapes of the planning routes: owned by the server's contracts (src/contracts/planning.ts). */
export type {
  AgreementBrief, CooperationTypeRef, Dashboard, MappingCell, MappingMatrix, MetricInfo, ProgramChoices, ProgramItem, ProgramView,
  RollUpRow, TargetsReport, TargetView, UnitRef,
} from '@kerjasama/contracts/planning';

export const PLANNING_PERMISSIONS = [
  PLUGIN_ACTIONS.readDashboard,
  PLUGIN_ACTIONS.editMapping,
  PLUGIN_ACTIONS.editTargets,
  PLUGIN_ACTIONS.manageProgram,
  PLUGIN_ACTIONS.approveProgram,
  PLUGIN_ACTIONS.readRetention,
].map((action) => ({ action, subject: null }));

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
