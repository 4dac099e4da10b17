import type { Core } from '@strapi/strapi';
import { uncoveredNeeds, uncoveredTargets, type CoverageItem } from '../../domain/program-coverage';
import type { Actor } from '../../domain/roles';
import { describeWorkflow } from '../../workflow/service';
import type { ProgramChoices } from '../../contracts/planning';
import { rowsOf, type KpiRow, type PartnerRef, type ProgramItemRow, type ProgramRow, type ProposalRow } from '../rows';
import type { MappingService, UnitRef } from './mapping';
import { createPlanningRepository } from '../repository';
import { UIDS } from './schema';
import type { TargetsService } from './targets';

const ref = { select: ['id', 'documentId', 'code', 'name'] };

const itemView = (row: ProgramItemRow) => ({
  id: row.id,
  documentId: row.documentId,
  title: row.title,
  quarter: row.quarter ?? null,
  budget: row.budget === null || row.budget === undefined ? null : Number(row.budget),
  expectedOutput: row.expectedOutput ?? null,
  workflowState: row.workflowState,
  partner: row.partner ? { id: row.partner.id, documentId: row.partner.documentId, name: row.partner.name, level: row.partner.level as string } : null,
  cooperationType: row.cooperationType
    ? { id: row.cooperationType.id, documentId: row.cooperationType.documentId, code: row.cooperationType.code, name: row.cooperationType.name }
    : null,
  units: (row.units ?? []).map((unit) => ({ id: unit.id, documentId: unit.documentId, code: unit.code, name: unit.name })),
  kpis: (row.kpis ?? []).map((kpi) => ({ documentId: kpi.documentId, code: kpi.code })),
  proposal: row.proposal ? { documentId: row.proposal.documentId, title: row.proposal.title } : null,
});

export type ProgramItemView = ReturnType<typeof itemView>;

/**
 * Units in their tree, each department followed by its study programs, with the codes of the
 * path (`J1 › P1`) so that a flat list still shows where a unit belongs. A unit whose parent is
 * not listed (inactive) starts its own branch.
 */
export const unitTree = (units: UnitRef[]) => {
  const listed = new Set(units.map((unit) => unit.id));
  const children = new Map<number | null, UnitRef[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && listed.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const ordered: Array<UnitRef & { depth: number; path: string }> = [];
  const visit = (parent: number | null, depth: number, path: string[]) => {
    for (const unit of [...(children.get(parent) ?? [])].sort((a, b) => a.code.localeCompare(b.code))) {
      ordered.push({ ...unit, depth, path: [...path, unit.code].join(' › ') });
      visit(unit.id, depth + 1, [...path, unit.code]);
    }
  };
  visit(null, 0, []);
  // A parent loop (bad data) is out of every branch: list its units rather than lose them.
  const placed = new Set(ordered.map((unit) => unit.id));
  return [...ordered, ...units.filter((unit) => !placed.has(unit.id)).map((unit) => ({ ...unit, depth: 0, path: unit.code }))];
};

/**
 * The program page's reads: the program and its items, approved proposals waiting for a program,
 * the coverage check, the item form's choices; and the loaders the other jobs share.
 */
export const createProgramView = (strapi: Core.Strapi, { mapping, targets }: { mapping: MappingService; targets: TargetsService }) => {
  const repository = createPlanningRepository(strapi);

  const findProgram = async (year: number) =>
    rowsOf<ProgramRow>(strapi, UIDS.program).findOne({ where: { year }, populate: { previousEvaluation: { select: ['documentId', 'year', 'title'] } } });

  const loadItems = async (programId: number): Promise<ProgramItemView[]> =>
    (await rowsOf<ProgramItemRow>(strapi, UIDS.programItem).findMany({
      where: { program: { id: programId } },
      orderBy: [{ quarter: 'asc' }, { id: 'asc' }],
      populate: {
        partner: { select: ['id', 'documentId', 'name', 'level'] },
        cooperationType: ref,
        units: ref,
        kpis: { select: ['documentId', 'code'] },
        proposal: { select: ['documentId', 'title'] },
      },
    })).map(itemView);

  /** Approved proposals for the year that no program item takes up yet (two queries). */
  const waitingProposals = async (year: number) => {
    const R = UIDS.proposal;
    const ids = await repository.waitingProposalIds(year);
    if (ids.length === 0) return [];
    const rows = await rowsOf<ProposalRow>(strapi, R).findMany({
      where: { id: { $in: ids } },
      orderBy: { id: 'asc' },
      populate: { partner: { select: ['documentId', 'name'] }, unit: ref, cooperationTypes: ref, kpis: { select: ['code'] } },
    });
    return rows.map((row) => ({
      documentId: row.documentId,
      title: row.title,
      partner: row.partner?.name ?? row.prospectivePartnerName ?? null,
      unit: row.unit?.name ?? null,
      cooperationTypes: (row.cooperationTypes ?? []).map((type) => type.code as string),
      kpis: (row.kpis ?? []).map((kpi) => kpi.code as string),
    }));
  };

  const coverage = async (year: number, items: ProgramItemView[]) => {
    const [cells, unitList, typeList, targetRows] = await Promise.all([mapping.cells(year), mapping.units(), mapping.cooperationTypes(), targets.loadTargets(year)]);
    const parents = new Map(unitList.filter((unit) => unit.parentId !== null).map((unit) => [unit.id, unit.parentId as number]));
    const coverageItems: CoverageItem[] = items.map((item) => ({
      id: item.id as number,
      cooperationTypeId: item.cooperationType?.id ?? null,
      unitIds: item.units.map((unit) => unit.id),
      partnerLevel: item.partner?.level ?? null,
      workflowState: item.workflowState,
    }));
    const high = cells.filter((cell) => cell.priority === 'high').map((cell) => ({ id: 0, unitId: cell.unitId, cooperationTypeId: cell.cooperationTypeId }));
    const unitName = new Map(unitList.map((unit) => [unit.id, unit]));
    const typeName = new Map(typeList.map((type) => [type.id, type]));
    const targetInputs = targetRows.map((target) => ({ id: target.id, unitId: target.unit?.id ?? null, cooperationTypeId: target.cooperationType?.id ?? null, partnerLevel: target.partnerLevel }));
    const missedTargets = new Set(uncoveredTargets(targetInputs, coverageItems, parents).map((target) => target.id));
    return {
      needs: uncoveredNeeds(high, coverageItems, parents).map((need) => ({
        unit: { code: unitName.get(need.unitId)?.code, name: unitName.get(need.unitId)?.name },
        cooperationType: { code: typeName.get(need.cooperationTypeId)?.code, name: typeName.get(need.cooperationTypeId)?.name },
      })),
      targets: targetRows.filter((target) => missedTargets.has(target.id)),
    };
  };

  return {
    findProgram,
    loadItems,

    /** The program page of a year; the workflow decides the moves it offers. */
    async view(year: number, actor: Actor) {
      const program = await findProgram(year);
      const [items, waiting] = await Promise.all([program ? loadItems(program.id) : Promise.resolve([]), waitingProposals(year)]);
      const [gaps, workflow, previous] = await Promise.all([
        coverage(year, items),
        program ? describeWorkflow(strapi, UIDS.program, program.documentId, actor) : Promise.resolve(null),
        strapi.db.query(UIDS.program).count({ where: { year: year - 1 } }),
      ]);
      return {
        year,
        program: program
          ? {
              documentId: program.documentId,
              year: program.year,
              title: program.title,
              summary: program.summary ?? null,
              workflowState: program.workflowState,
              revisionNumber: program.revisionNumber ?? 0,
              approvedAt: program.approvedAt ?? null,
              approvedBy: program.approvedBy ?? null,
              approvedSnapshot: program.approvedSnapshot ?? null,
              previousEvaluation: program.previousEvaluation ?? null,
            }
          : null,
        items,
        waitingProposals: waiting,
        coverage: gaps,
        workflow,
        previousYearHasProgram: previous > 0,
      };
    },

    /** What the item form offers: partners, cooperation types, units (in their tree) and KPIs; five queries. */
    async choices(): Promise<ProgramChoices> {
      const [partners, cooperationTypes, units, kpis] = await Promise.all([
        // A listed partner has a published copy too: the draft is the one row every partner has.
        rowsOf<PartnerRef>(strapi, UIDS.partner).findMany({ where: { publishedAt: null }, select: ['id', 'documentId', 'name', 'level'], orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
        mapping.cooperationTypes(),
        mapping.units(),
        rowsOf<KpiRow>(strapi, UIDS.kpi).findMany({ select: ['id', 'documentId', 'code', 'statement', 'statementEn'], orderBy: { code: 'asc' } }),
      ]);
      return {
        partners: partners.map((row) => ({ id: row.id, documentId: row.documentId, name: row.name, level: row.level ?? null })),
        cooperationTypes,
        units: unitTree(units),
        kpis: kpis.map((row) => ({ id: row.id, documentId: row.documentId, code: row.code, statement: row.statement, statementEn: row.statementEn ?? null })),
      };
    },

  };
};

export type ProgramView = ReturnType<typeof createProgramView>;
