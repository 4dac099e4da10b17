import type { Core } from '@strapi/strapi';
import type { Dashboard } from '../../contracts/planning';
import { progressWidth } from '../../domain/achievement';
import { addDays } from '../../domain/dates';
import { todayInBatam } from '../../workflow/today';
import { createMappingService } from './mapping';
import { preparedService } from './prepared';
import { createSchema, UIDS } from './schema';
import { runSql, toNumber } from './sql';
import { createTargetsService } from './targets';

/** How far ahead "expiring" looks, and how long without monitoring makes an agreement dormant. */
export const EXPIRING_WITHIN_DAYS = 90;
export const DORMANT_AFTER_DAYS = 365;
const LIST_LIMIT = 100;

const ACTIVE_VALIDITY = `('active', 'expiring')`;

/**
 * The plugin's home: the year's pipeline, achievement overall and per unit, agreements expiring
 * soon, dormant agreements, partners by level and type, the latest satisfaction score. Every
 * figure is one aggregate query; the whole dashboard is a constant number of queries.
 */
export const createDashboardService = ({ strapi }: { strapi: Core.Strapi }) => {
  const s = createSchema(strapi);
  const A = UIDS.agreement;
  const P = UIDS.partner;
  const M = UIDS.monitoring;
  const col = (alias: string, uid: string, field: string) => `${alias}.${s.column(uid, field)}`;
  const targets = createTargetsService({ strapi });
  const mapping = createMappingService({ strapi });

  const pipeline = async (year: number) => {
    const R = UIDS.proposal;
    const rows = await runSql(
      strapi,
      `SELECT ${col('r', R, 'workflowState')} AS state, COUNT(*) AS n FROM ${s.table(R)} r WHERE ${col('r', R, 'plannedYear')} = ? GROUP BY ${col('r', R, 'workflowState')}`,
      [year],
    );
    return rows.map((row) => ({ state: row.state as string, count: toNumber(row.n) }));
  };

  /**
   * Agreements with their partner's name. A listed partner has a draft and a published row and an
   * agreement links both, so the name is read from the draft row in a subquery: joining the link
   * table would list (and count) each agreement once per row of its partner.
   */
  const agreementList = (where: string) => {
    const partner = s.join(A, 'partner');
    const partnerName = `(SELECT ${col('p', P, 'name')} FROM ${partner.table} ap JOIN ${s.table(P)} p ON ${col('p', P, 'id')} = ap.${partner.related}
        WHERE ap.${partner.owner} = ${col('a', A, 'id')} AND ${col('p', P, 'publishedAt')} IS NULL LIMIT 1)`;
    return `SELECT ${col('a', A, 'documentId')} AS document_id, ${col('a', A, 'ourNumber')} AS our_number, ${col('a', A, 'title')} AS title, ${col('a', A, 'endDate')} AS end_date, ${partnerName} AS partner_name, COUNT(*) OVER () AS total
      FROM ${s.table(A)} a
      WHERE ${where}`;
  };

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
    const rows = await runSql(
      strapi,
      `${agreementList(`${col('a', A, 'validityState')} IN ${ACTIVE_VALIDITY} AND ${col('a', A, 'endDate')} >= ? AND ${col('a', A, 'endDate')} <= ?`)} ORDER BY ${col('a', A, 'endDate')} ASC LIMIT ${LIST_LIMIT}`,
      [today, addDays(today, EXPIRING_WITHIN_DAYS)],
    );
    return { ...listOf(rows), from: today, to: addDays(today, EXPIRING_WITHIN_DAYS) };
  };

  /** Agreements in force with no monitoring record dated in the last 12 months (one query). */
  const dormant = async (today: string) => {
    const link = s.join(M, 'agreement');
    const since = addDays(today, -DORMANT_AFTER_DAYS);
    const rows = await runSql(
      strapi,
      `${agreementList(`${col('a', A, 'validityState')} IN ${ACTIVE_VALIDITY} AND ${col('a', A, 'startDate')} <= ? AND NOT EXISTS (
        SELECT 1 FROM ${link.table} ml JOIN ${s.table(M)} m ON ${col('m', M, 'id')} = ml.${link.owner}
        WHERE ml.${link.related} = ${col('a', A, 'id')} AND ${col('m', M, 'monitoredOn')} >= ?)`)} ORDER BY ${col('a', A, 'startDate')} ASC LIMIT ${LIST_LIMIT}`,
      [since, since],
    );
    return { ...listOf(rows), since };
  };

  /** Listed (published) partners by level and institution type (one query). */
  const partners = async () => {
    const rows = await runSql(
      strapi,
      `SELECT ${col('p', P, 'level')} AS level, ${col('p', P, 'institutionType')} AS institution_type, COUNT(DISTINCT ${col('p', P, 'documentId')}) AS n
       FROM ${s.table(P)} p WHERE ${col('p', P, 'publishedAt')} IS NOT NULL GROUP BY ${col('p', P, 'level')}, ${col('p', P, 'institutionType')}`,
    );
    return rows.map((row) => ({ level: row.level as string, institutionType: row.institution_type as string, count: toNumber(row.n) }));
  };

  /** The latest survey (up to the year) that has answers: mean score on its scale (one query). */
  const satisfaction = async (year: number) => {
    const S = UIDS.survey;
    const R = UIDS.surveyResponse;
    const link = s.join(R, 'survey');
    const answers = s.join(R, 'answers');
    const answerTable = s.table('survey.answer');
    const score = s.column('survey.answer', 'score');
    const rows = await runSql(
      strapi,
      `SELECT ${col('sv', S, 'documentId')} AS document_id, ${col('sv', S, 'title')} AS title, ${col('sv', S, 'year')} AS year, ${col('sv', S, 'scaleMax')} AS scale_max,
         AVG(ans.${score}) AS mean_score, COUNT(DISTINCT rl.${link.owner}) AS responses
       FROM ${s.table(S)} sv
       JOIN ${link.table} rl ON rl.${link.related} = ${col('sv', S, 'id')}
       JOIN ${answers.table} rc ON rc.${answers.owner} = rl.${link.owner} AND rc.field = 'answers'
       JOIN ${answerTable} ans ON ans.${s.column('survey.answer', 'id')} = rc.${answers.related}
       WHERE ${col('sv', S, 'year')} <= ?
       GROUP BY ${col('sv', S, 'id')}, ${col('sv', S, 'documentId')}, ${col('sv', S, 'title')}, ${col('sv', S, 'year')}, ${col('sv', S, 'scaleMax')}
       ORDER BY ${col('sv', S, 'year')} DESC, ${col('sv', S, 'id')} DESC LIMIT 1`,
      [year],
    );
    const row = rows[0];
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
