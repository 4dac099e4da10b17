/**
 * The annual program's coverage check: which high-priority needs and which targets no program
 * item serves. An item serves a need or target when it matches every dimension the need or
 * target sets; a study program's item also serves its department.
 */
import type { TargetScope } from './achievement';

export interface CoverageItem {
  id: number;
  cooperationTypeId: number | null;
  unitIds: number[];
  partnerLevel: string | null;
  workflowState: string;
}

export interface CoverageNeed {
  id: number;
  unitId: number;
  cooperationTypeId: number;
}

export interface CoverageTarget extends TargetScope {
  id: number;
}

/** Parent of each unit (a prodi's jurusan); units without a parent are absent. */
export type UnitParents = ReadonlyMap<number, number>;

const servesUnit = (item: CoverageItem, unitId: number, parents: UnitParents) =>
  item.unitIds.some((own) => own === unitId || parents.get(own) === unitId);

const active = (item: CoverageItem) => item.workflowState !== 'cancelled';

export function itemServesScope(item: CoverageItem, scope: TargetScope, parents: UnitParents): boolean {
  if (!active(item)) return false;
  if (scope.unitId !== null && !servesUnit(item, scope.unitId, parents)) return false;
  if (scope.cooperationTypeId !== null && item.cooperationTypeId !== scope.cooperationTypeId) return false;
  if (scope.partnerLevel !== null && item.partnerLevel !== scope.partnerLevel) return false;
  return true;
}

export function uncoveredNeeds(needs: CoverageNeed[], items: CoverageItem[], parents: UnitParents): CoverageNeed[] {
  return needs.filter(
    (need) => !items.some((item) => itemServesScope(item, { unitId: need.unitId, cooperationTypeId: need.cooperationTypeId, partnerLevel: null }, parents)),
  );
}

export function uncoveredTargets(targets: CoverageTarget[], items: CoverageItem[], parents: UnitParents): CoverageTarget[] {
  return targets.filter((target) => !items.some((item) => itemServesScope(item, target, parents)));
}

/** Last year's items not finished (planned or in progress) are carried into the new program. */
export const UNFINISHED_ITEM_STATES = ['planned', 'in_progress'] as const;

export function isUnfinishedItem(state: string): boolean {
  return (UNFINISHED_ITEM_STATES as readonly string[]).includes(state);
}
