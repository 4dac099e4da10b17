import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { computeTargetAchievement, type TargetInput } from '../../domain/achievement';
import { formatBilingual } from '../../domain/bilingual';
import { isUnfinishedItem, uncoveredNeeds, uncoveredTargets, type CoverageItem } from '../../domain/program-coverage';
import type { Actor } from '../../domain/roles';
import { annualProgramWorkflow, workflowLists } from '../../domain/workflow';
import { fieldError, type FieldError } from '../../domain/validation';
import { throwFieldErrors } from '../../workflow/errors';
import { describeWorkflow, requestTransition } from '../../workflow/service';
import type { ProgramChoices } from '../../contracts/planning';
import type { AchievementService } from './achievement';
import { createMappingService, type UnitRef } from './mapping';
import { notFound, optionalText, resolveReference, resolveReferences, type Row } from './lookups';
import { createSchema, UIDS } from './schema';
import { runSql } from './sql';
import { createTargetsService } from './targets';

const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];
const ref = { select: ['id', 'documentId', 'code', 'name'] };

const itemView = (row: Row) => ({
  id: row.id,
  documentId: row.documentId,
  title: row.title as string,
  quarter: (row.quarter as string | null) ?? null,
  budget: row.budget === null || row.budget === undefined ? null : Number(row.budget),
  expectedOutput: (row.expectedOutput as string | null) ?? null,
  workflowState: row.workflowState as string,
  partner: row.partner ? { id: (row.partner as Row).id, documentId: (row.partner as Row).documentId, name: (row.partner as Row).name as string, level: (row.partner as Row).level as string } : null,
  cooperationType: row.cooperationType ? { id: (row.cooperationType as Row).id, documentId: (row.cooperationType as Row).documentId, code: (row.cooperationType as Row).code as string, name: (row.cooperationType as Row).name as string } : null,
  units: ((row.units as Row[]) ?? []).map((unit) => ({ id: unit.id, documentId: unit.documentId, code: unit.code as string, name: unit.name as string })),
  kpis: ((row.kpis as Row[]) ?? []).map((kpi) => ({ documentId: kpi.documentId, code: kpi.code as string })),
  proposal: row.proposal ? { documentId: (row.proposal as Row).documentId, title: (row.proposal as Row).title as string } : null,
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
 * The annual program page: the program and its items, approved proposals waiting for a program,
 * the coverage check, and the moves through the workflow (which the workflow rules decide).
 */
export const createProgramService = ({ strapi }: { strapi: Core.Strapi }) => {
  const s = createSchema(strapi);
  const targets = createTargetsService({ strapi });
  const mapping = createMappingService({ strapi });
  // The plugin's one achievement service: its prepared figures are shared by every page.
  const achievement = () => strapi.plugin('kerjasama').service('achievement') as AchievementService;

  const findProgram = async (year: number) =>
    (await strapi.db.query(UIDS.program).findOne({ where: { year }, populate: { previousEvaluation: { select: ['documentId', 'year', 'title'] } } })) as Row | null;

  const loadItems = async (programId: number): Promise<ProgramItemView[]> =>
    ((await strapi.db.query(UIDS.programItem).findMany({
      where: { program: { id: programId } },
      orderBy: [{ quarter: 'asc' }, { id: 'asc' }],
      populate: {
        partner: { select: ['id', 'documentId', 'name', 'level'] },
        cooperationType: ref,
        units: ref,
        kpis: { select: ['documentId', 'code'] },
        proposal: { select: ['documentId', 'title'] },
      },
    })) as Row[]).map(itemView);

  /** Approved proposals for the year that no program item takes up yet (two queries). */
  const waitingProposals = async (year: number) => {
    const R = UIDS.proposal;
    const link = s.join(UIDS.programItem, 'proposal');
    const idRows = await runSql(
      strapi,
      `SELECT r.${s.column(R, 'id')} AS id FROM ${s.table(R)} r WHERE r.${s.column(R, 'workflowState')} = 'approved' AND r.${s.column(R, 'plannedYear')} = ?
       AND NOT EXISTS (SELECT 1 FROM ${link.table} l WHERE l.${link.related} = r.${s.column(R, 'id')})`,
      [year],
    );
    const ids = idRows.map((row) => Number(row.id));
    if (ids.length === 0) return [];
    const rows = (await strapi.db.query(R).findMany({
      where: { id: { $in: ids } },
      orderBy: { id: 'asc' },
      populate: { partner: { select: ['documentId', 'name'] }, unit: ref, cooperationTypes: ref, kpis: { select: ['code'] } },
    })) as Row[];
    return rows.map((row) => ({
      documentId: row.documentId,
      title: row.title as string,
      partner: (row.partner as Row | null)?.name ?? (row.prospectivePartnerName as string | null) ?? null,
      unit: (row.unit as Row | null)?.name ?? null,
      cooperationTypes: ((row.cooperationTypes as Row[]) ?? []).map((type) => type.code as string),
      kpis: ((row.kpis as Row[]) ?? []).map((kpi) => kpi.code as string),
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

  const requireProgram = async (documentId: string) => {
    const program = (await strapi.db.query(UIDS.program).findOne({ where: { documentId }, select: ['id', 'documentId', 'year', 'workflowState'] })) as Row | null;
    if (!program) throw notFound({ id: 'Program kerjasama tidak ditemukan', en: 'Annual program not found' });
    return program;
  };

  /** Last year's item as this year's, marked with where it came from (so it is carried once). */
  const copyItem = (item: ProgramItemView) => ({
    title: item.title,
    partner: item.partner?.documentId ?? null,
    cooperationType: item.cooperationType?.documentId ?? null,
    units: item.units.map((unit) => unit.documentId),
    kpis: item.kpis.map((kpi) => kpi.documentId),
    quarter: item.quarter,
    budget: item.budget,
    expectedOutput: item.expectedOutput,
    carriedFrom: item.documentId,
  });

  /** Ids of the given items that the program already holds a carried copy of (one query). */
  const alreadyCarried = async (programId: number, itemIds: number[]): Promise<Set<number>> => {
    if (itemIds.length === 0) return new Set();
    const rows = (await strapi.db.query(UIDS.programItem).findMany({
      where: { program: { id: programId }, carriedFrom: { id: { $in: itemIds } } },
      select: ['id'],
      populate: { carriedFrom: { select: ['id'] } },
    })) as Row[];
    return new Set(rows.map((row) => (row.carriedFrom as Row).id));
  };

  /** Quarter, budget and expected output, each read only when the request sends it (null clears). */
  const readSchedule = (body: Record<string, unknown>, found: FieldError[]) => {
    const data: Record<string, unknown> = {};
    if (body.quarter === null || body.quarter === '') data.quarter = null;
    else if (body.quarter !== undefined) {
      if (QUARTERS.includes(body.quarter as string)) data.quarter = body.quarter;
      else found.push(fieldError(['quarter'], { id: 'Triwulan harus Q1–Q4', en: 'The quarter must be Q1–Q4' }));
    }
    // Whole rupiah within the schema's bounds: checked at the Document Service for every door (field-rules.ts).
    if (body.budget === null || body.budget === '') data.budget = null;
    else if (body.budget !== undefined) data.budget = body.budget;
    const expectedOutput = optionalText(body.expectedOutput, 'expectedOutput', 5000, found);
    if (expectedOutput !== undefined) data.expectedOutput = expectedOutput;
    return data;
  };

  /**
   * The plan fields of a typed-in item (`partial`: an edit, which reads only the fields sent).
   * References are documentIds; an unknown one is a field error. Nothing is written here.
   */
  const readItemFields = async (body: Record<string, unknown>, found: FieldError[], { partial }: { partial: boolean }) => {
    const sent = (field: string) => !partial || body[field] !== undefined;
    const data: Record<string, unknown> = {};
    if (sent('title')) {
      const title = typeof body.title === 'string' ? body.title.trim() : '';
      if (!title) found.push(fieldError(['title'], { id: 'Judul wajib diisi', en: 'The title is required' }));
      else if (title.length > 300) found.push(fieldError(['title'], { id: 'Judul paling banyak 300 karakter', en: 'The title has at most 300 characters' }));
      else data.title = title;
    }
    if (sent('partner')) data.partner = (await resolveReference(strapi, 'partner', body.partner, found, { optional: true }))?.documentId ?? null;
    if (sent('cooperationType')) data.cooperationType = (await resolveReference(strapi, 'cooperationType', body.cooperationType, found, { optional: true }))?.documentId ?? null;
    if (sent('units')) data.units = await resolveReferences(strapi, 'unit', body.units, found, 'units');
    if (sent('kpis')) data.kpis = await resolveReferences(strapi, 'kpi', body.kpis, found, 'kpis');
    return { ...data, ...readSchedule(body, found) };
  };

  return {
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

    async create(year: number, body: Record<string, unknown>) {
      const found: FieldError[] = [];
      const title = typeof body.title === 'string' && body.title.trim() ? body.title.trim() : `Program Kerjasama ${year}`;
      if (title.length > 300) found.push(fieldError(['title'], { id: 'Judul paling banyak 300 karakter', en: 'The title has at most 300 characters' }));
      throwFieldErrors(found);
      if (await findProgram(year)) {
        throwFieldErrors([fieldError(['year'], { id: `Program kerjasama ${year} sudah ada`, en: `The ${year} annual program already exists` })]);
      }
      return strapi.documents(UIDS.program).create({ data: { year, title } as never });
    },

    /** Adds an item: from an approved proposal, or typed in. The workflow refuses a locked program. */
    async addItem(programDocumentId: string, body: Record<string, unknown>) {
      const program = await requireProgram(programDocumentId);
      const found: FieldError[] = [];
      const data: Record<string, unknown> = { program: program.documentId };
      if (body.proposal !== undefined) {
        const proposal = await resolveReference(strapi, 'proposal', body.proposal, found);
        if (proposal) {
          const full = (await strapi.db.query(UIDS.proposal).findOne({
            where: { id: proposal.id },
            populate: { partner: { select: ['documentId'] }, unit: { select: ['documentId'] }, cooperationTypes: { select: ['documentId'] }, kpis: { select: ['documentId'] } },
          })) as Row;
          if (full.workflowState !== 'approved') found.push(fieldError(['proposal'], { id: 'Hanya usulan yang disetujui dapat dimasukkan ke program', en: 'Only approved proposals can be added to the program' }));
          Object.assign(data, {
            title: full.title,
            proposal: full.documentId,
            partner: (full.partner as Row | null)?.documentId ?? null,
            cooperationType: ((full.cooperationTypes as Row[]) ?? [])[0]?.documentId ?? null,
            units: full.unit ? [(full.unit as Row).documentId] : [],
            kpis: ((full.kpis as Row[]) ?? []).map((kpi) => kpi.documentId),
            expectedOutput: (full.expectedBenefit as string | null) ?? null,
          });
        }
        Object.assign(data, readSchedule(body, found));
      } else {
        Object.assign(data, await readItemFields(body, found, { partial: false }));
      }
      throwFieldErrors(found);
      return strapi.documents(UIDS.programItem).create({ data: data as never });
    },

    /**
     * Edits an item's plan fields in place (only the fields sent). Bad input is a 400 naming the
     * field before anything is written; the workflow's frozen rule refuses the write while the
     * program is submitted, approved or closed.
     */
    async updateItem(documentId: string, body: Record<string, unknown>) {
      const existing = (await strapi.db.query(UIDS.programItem).findOne({ where: { documentId }, select: ['id', 'documentId'] })) as Row | null;
      if (!existing) throw notFound({ id: 'Butir program tidak ditemukan', en: 'Program item not found' });
      const found: FieldError[] = [];
      const data = await readItemFields(body, found, { partial: true });
      throwFieldErrors(found);
      return strapi.documents(UIDS.programItem).update({ documentId, data: data as never });
    },

    /** What the item form offers: partners, cooperation types, units (in their tree) and KPIs; five queries. */
    async choices(): Promise<ProgramChoices> {
      const [partners, cooperationTypes, units, kpis] = await Promise.all([
        // A listed partner has a published copy too: the draft is the one row every partner has.
        strapi.db.query(UIDS.partner).findMany({ where: { publishedAt: null }, select: ['id', 'documentId', 'name', 'level'], orderBy: [{ name: 'asc' }, { id: 'asc' }] }) as Promise<Row[]>,
        mapping.cooperationTypes(),
        mapping.units(),
        strapi.db.query(UIDS.kpi).findMany({ select: ['id', 'documentId', 'code', 'statement', 'statementEn'], orderBy: { code: 'asc' } }) as Promise<Row[]>,
      ]);
      return {
        partners: partners.map((row) => ({ id: row.id, documentId: row.documentId, name: row.name as string, level: (row.level as string | null) ?? null })),
        cooperationTypes,
        units: unitTree(units),
        kpis: kpis.map((row) => ({ id: row.id, documentId: row.documentId, code: row.code as string, statement: row.statement as string, statementEn: (row.statementEn as string | null) ?? null })),
      };
    },

    /** Submit, approve, return, open a revision: the workflow rules decide, through requestTransition. */
    async transition(programDocumentId: string, body: Record<string, unknown>, actor: Actor) {
      await requireProgram(programDocumentId);
      await requestTransition(strapi, { uid: UIDS.program, documentId: programDocumentId, actor, body });
    },

    programState: async (documentId: string) => (await requireProgram(documentId)).workflowState as string,

    /**
     * "Start from last year": creates the year's program when missing, links last year's
     * evaluation report and brings its recommendations into the summary, carries over last
     * year's unfinished items, and last year's unmet targets (same scope, same value) that the
     * year does not have yet. One transaction.
     */
    async startFromLastYear(year: number) {
      const previousYear = year - 1;
      const [previousProgram, evaluation, previousTargets, currentTargets] = await Promise.all([
        findProgram(previousYear),
        strapi.db.query(UIDS.evaluation).findOne({ where: { year: previousYear } }) as Promise<Row | null>,
        targets.loadTargets(previousYear),
        targets.loadTargets(year),
      ]);
      const previousItems = previousProgram ? await loadItems(previousProgram.id) : [];
      const inputs: TargetInput[] = previousTargets.map((target) => ({
        id: target.id, metric: target.metric, targetValue: target.targetValue,
        unitId: target.unit?.id ?? null, cooperationTypeId: target.cooperationType?.id ?? null, partnerLevel: target.partnerLevel,
      }));
      const figures = await achievement().figures(previousYear, inputs);
      const achieved = computeTargetAchievement(inputs, figures);
      const scopeKey = (t: { unit: { id: number } | null; cooperationType: { id: number } | null; partnerLevel: string | null; metric: string }) =>
        `${t.unit?.id ?? ''}|${t.cooperationType?.id ?? ''}|${t.partnerLevel ?? ''}|${t.metric}`;
      const have = new Set(currentTargets.map(scopeKey));
      const unmet = previousTargets.filter((target, index) => achieved[index].achieved < target.targetValue && !have.has(scopeKey(target)));
      const unfinished = previousItems.filter((item) => isUnfinishedItem(item.workflowState));

      let program = await findProgram(year);
      if (program && !workflowLists(annualProgramWorkflow.uid).editableStates.includes(program.workflowState as string)) {
        throw new errors.ValidationError(
          formatBilingual({ id: `Program ${year} sedang dikunci (${program.workflowState})`, en: `The ${year} program is locked (${program.workflowState})` }),
          { errors: [{ path: ['year'], message: 'locked', name: 'ValidationError' }] },
        );
      }
      const recommendations = (evaluation?.recommendations as string | null) ?? null;
      let itemsCarried = 0;
      await strapi.db.transaction(async () => {
        const summaryAddition = recommendations ? `Rekomendasi evaluasi ${previousYear} (Evaluation recommendations):\n${recommendations}` : null;
        if (!program) {
          const created = await strapi.documents(UIDS.program).create({
            data: {
              year,
              title: `Program Kerjasama ${year}`,
              ...(summaryAddition ? { summary: summaryAddition } : {}),
              ...(evaluation ? { previousEvaluation: evaluation.documentId } : {}),
            } as never,
          });
          program = { id: (created as unknown as Row).id, documentId: (created as unknown as Row).documentId } as Row;
        } else {
          // A second run at the same time waits here, then finds what the first one carried.
          if (strapi.db.dialect.client === 'postgres') await strapi.db.queryBuilder(UIDS.program).select('id').where({ id: program.id }).forUpdate().execute();
          if (evaluation || summaryAddition) {
            const summary = [program.summary as string | null, summaryAddition].filter(Boolean).join('\n\n');
            const alreadyHas = typeof program.summary === 'string' && summaryAddition !== null && program.summary.includes(summaryAddition);
            await strapi.documents(UIDS.program).update({
              documentId: program.documentId,
              data: { ...(evaluation ? { previousEvaluation: evaluation.documentId } : {}), ...(summaryAddition && !alreadyHas ? { summary } : {}) } as never,
            });
          }
        }
        // Items carried by an earlier run (their copy names them in carriedFrom) are not carried again.
        const carried = await alreadyCarried(program.id, unfinished.map((item) => item.id as number));
        for (const item of unfinished.filter((candidate) => !carried.has(candidate.id as number))) {
          await strapi.documents(UIDS.programItem).create({ data: { ...copyItem(item), program: program!.documentId } as never });
          itemsCarried += 1;
        }
        for (const target of unmet) {
          await strapi.documents(UIDS.target).create({
            data: {
              year,
              unit: target.unit?.documentId ?? null,
              cooperationType: target.cooperationType?.documentId ?? null,
              partnerLevel: target.partnerLevel,
              metric: target.metric,
              targetValue: target.targetValue,
              notes: `Dibawa dari ${previousYear} (carried over from ${previousYear})`,
            } as never,
          });
        }
      });
      return {
        programDocumentId: program!.documentId,
        itemsCarried,
        itemsAlreadyCarried: unfinished.length - itemsCarried,
        targetsCarried: unmet.length,
        evaluation: evaluation ? { documentId: evaluation.documentId, year: evaluation.year } : null,
      };
    },
  };
};

export type ProgramService = ReturnType<typeof createProgramService>;
