import type { Core } from '@strapi/strapi';
import type { Dashboard } from '../../contracts/planning';
import { progressWidth } from '../../domain/achievement';
import { addDays } from '../../domain/dates';
import { todayInBatam } from '../../workflow/today';
import { createMappingService } from './mapping';
import { preparedService } from './prepared';
import { createPlanningRepository } from '../repository';
import { toNumber } from './sql';
import { createTargetsService } from './targets';

/** How far ahead "expiring" looks, and how long without monitoring makes an agreement dormant. */
export const EXPIRING_WITHIN_DAYS = 90;
export const DORMANT_AFTER_DAYS = 365;
const LIST_LIMIT = 100;

/**
 * The plugin's home: the year's pipeline, achievement overall and per unit, agreements expiring
 * soon, dormant agreements, partners by level and type, the latest satisfaction score. Every
 * figure is one aggregate query; the whole dashboard is a constant number of queries.
 */
export const createDashboardService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createPlanningRepository(strapi);
  const targets = createTargetsService({ strapi });
  const mapping = createMappingService({ strapi });

  const pipeline = (year: number) => repository.proposalPipeline(year);

  const listOf = (rows: Array<Record<string, unknown>>) => ({
    total: rows.length ? toNumber(rows[0].total) : 0,
    items: rows.map((row) => ({
      documentId: row.document_id as string,
      ourNumber: row.our_number as string,
      title: row.title as string,
      endDate: row.end_date ? String(row.end_date instanceof Date ? (row.end_date as Date).toISOString().slice(0, 10) : row.end_date).slice(0, 10) : null,
      partnerName: (row.partner_name as string | null) ?? null,
    })),
  });

  /** Agreements in force whose end date falls within the next 90 days (one query). */
  const expiring = async (today: string) => {
    const rows = await repository.expiringAgreements(today, addDays(today, EXPIRING_WITHIN_DAYS), LIST_LIMIT);
    return { ...listOf(rows), from: today, to: addDays(today, EXPIRING_WITHIN_DAYS) };
  };

  /** Agreements in force with no monitoring record dated in the last 12 months (one query). */
  const dormant = async (today: string) => {
    const since = addDays(today, -DORMANT_AFTER_DAYS);
    return { ...listOf(await repository.dormantAgreements(since, LIST_LIMIT)), since };
  };

  /** Listed (published) partners by level and institution type (one query). */
  const partners = () => repository.listedPartnerCounts();

  /** The latest survey (up to the year) that has answers: mean score on its scale (one query). */
  const satisfaction = async (year: number) => {
    const row = await repository.latestSatisfaction(year);
    if (!row) return null;
    const mean = Math.round(toNumber(row.mean_score) * 100) / 100;
    const scaleMax = toNumber(row.scale_max);
    return { documentId: row.document_id as string, title: row.title as string, year: toNumber(row.year), scaleMax, meanScore: mean, percent: Math.round((mean / scaleMax) * 1000) / 10, responses: toNumber(row.responses) };
  };

  return {
    async dashboard(year: number, now = new Date()): Promise<Dashboard> {
      const today = todayInBatam(now);
      // Both lists read every agreement in force: prepared once per change (and per day).
      const prepared = preparedService(strapi);
      const [achievement, unitList, proposals, expiringSoon, dormantList, partnerCounts, latestSurvey] = await Promise.all([
        targets.report(year),
        mapping.units(),
        pipeline(year),
        prepared.get(`expiring:${today}`, () => expiring(today)),
        prepared.get(`dormant:${today}`, () => dormant(today)),
        partners(),
        satisfaction(year),
      ]);
      // Per unit: the mean of its targets' capped percentages.
      const byUnit = new Map<number, { percents: number[]; targets: number }>();
      for (const target of achievement.targets) {
        if (!target.unit) continue;
        const entry = byUnit.get(target.unit.id) ?? { percents: [], targets: 0 };
        entry.targets += 1;
        if (target.percent !== null) entry.percents.push(progressWidth(target.percent));
        byUnit.set(target.unit.id, entry);
      }
      const units = unitList
        .filter((unit) => byUnit.has(unit.id))
        .map((unit) => {
          const entry = byUnit.get(unit.id)!;
          const percent = entry.percents.length ? Math.round((entry.percents.reduce((a, b) => a + b, 0) / entry.percents.length) * 10) / 10 : null;
          return { id: unit.id, documentId: unit.documentId, code: unit.code, name: unit.name, targets: entry.targets, percent };
        });
      return {
        year,
        today,
        pipeline: proposals,
        achievement: { overall: achievement.overall, rollUp: achievement.rollUp, metrics: achievement.metrics, units },
        expiring: expiringSoon,
        dormant: dormantList,
        partners: partnerCounts,
        satisfaction: latestSurvey,
      };
    },
  };
};

export type DashboardService = ReturnType<typeof createDashboardService>;
