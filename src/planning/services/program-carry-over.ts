import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { computeTargetAchievement, type TargetInput } from '../../domain/achievement';
import { formatBilingual } from '../../domain/bilingual';
import { isUnfinishedItem } from '../../domain/program-coverage';
import { annualProgramWorkflow, workflowLists } from '../../domain/workflow';
import type { AchievementService } from './achievement';
import { documentsOf, rowsOf, type EvaluationRow, type Ref } from '../rows';
import type { ProgramItemView, ProgramView } from './program-view';
import { UIDS } from './schema';
import type { TargetsService } from './targets';

/** "Start from last year": what the year takes over from the one before. */
export const createProgramCarryOver = (
  strapi: Core.Strapi,
  { findProgram, loadItems, targets }: Pick<ProgramView, 'findProgram' | 'loadItems'> & { targets: TargetsService },
) => {
  // The plugin's one achievement service: its prepared figures are shared by every page.
  const achievement = () => strapi.plugin('kerjasama').service('achievement') as AchievementService;

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
    const rows = await rowsOf<Ref & { carriedFrom: Ref }>(strapi, UIDS.programItem).findMany({
      where: { program: { id: programId }, carriedFrom: { id: { $in: itemIds } } },
      select: ['id'],
      populate: { carriedFrom: { select: ['id'] } },
    });
    return new Set(rows.map((row) => row.carriedFrom.id));
  };

  return {
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
        rowsOf<EvaluationRow>(strapi, UIDS.evaluation).findOne({ where: { year: previousYear } }),
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

      const existing = await findProgram(year);
      if (existing && !workflowLists(annualProgramWorkflow.uid).editableStates.includes(existing.workflowState)) {
        throw new errors.ValidationError(
          formatBilingual({ id: `Program ${year} sedang dikunci (${existing.workflowState})`, en: `The ${year} program is locked (${existing.workflowState})` }),
          { errors: [{ path: ['year'], message: 'locked', name: 'ValidationError' }] },
        );
      }
      const recommendations = evaluation?.recommendations ?? null;
      let program: Ref | null = existing;
      let itemsCarried = 0;
      await strapi.db.transaction(async () => {
        const summaryAddition = recommendations ? `Rekomendasi evaluasi ${previousYear} (Evaluation recommendations):\n${recommendations}` : null;
        if (!existing) {
          const created = await documentsOf(strapi, UIDS.program).create({
            year,
            title: `Program Kerjasama ${year}`,
            ...(summaryAddition ? { summary: summaryAddition } : {}),
            ...(evaluation ? { previousEvaluation: evaluation.documentId } : {}),
          });
          program = { id: created.id, documentId: created.documentId };
        } else {
          // A second run at the same time waits here, then finds what the first one carried.
          if (strapi.db.dialect.client === 'postgres') await strapi.db.queryBuilder(UIDS.program).select('id').where({ id: existing.id }).forUpdate().execute();
          if (evaluation || summaryAddition) {
            const summary = [existing.summary, summaryAddition].filter(Boolean).join('\n\n');
            const alreadyHas = typeof existing.summary === 'string' && summaryAddition !== null && existing.summary.includes(summaryAddition);
            await documentsOf(strapi, UIDS.program).update(existing.documentId, {
              ...(evaluation ? { previousEvaluation: evaluation.documentId } : {}),
              ...(summaryAddition && !alreadyHas ? { summary } : {}),
            });
          }
        }
        const into = program!;
        // Items carried by an earlier run (their copy names them in carriedFrom) are not carried again.
        const carried = await alreadyCarried(into.id, unfinished.map((item) => item.id));
        for (const item of unfinished.filter((candidate) => !carried.has(candidate.id))) {
          await documentsOf(strapi, UIDS.programItem).create({ ...copyItem(item), program: into.documentId });
          itemsCarried += 1;
        }
        for (const target of unmet) {
          await documentsOf(strapi, UIDS.target).create({
            year,
            unit: target.unit?.documentId ?? null,
            cooperationType: target.cooperationType?.documentId ?? null,
            partnerLevel: target.partnerLevel,
            metric: target.metric,
            targetValue: target.targetValue,
            notes: `Dibawa dari ${previousYear} (carried over from ${previousYear})`,
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
