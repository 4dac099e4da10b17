import type { Core } from '@strapi/strapi';
import { yearBounds } from '../../domain/achievement';
import { formatBilingual } from '../../domain/bilingual';
import {
  evaluationFigures,
  programFigures,
  proposalFigures,
  referenceDate,
  surveyFigures,
  targetsFigures,
  type EvaluationFigures,
  type ProgramItemRow,
  type ProgramItemState,
  type YearFigures,
} from '../../domain/evaluation';
import { surveyResults } from '../../participation/survey';
import { getService } from '../../planning/services';
import { createSchema, UIDS } from '../../planning/services/schema';
import { runSql, toNumber } from '../../planning/services/sql';
import { todayInBatam } from '../../workflow/today';
import { addDays } from '../../domain/dates';
import { DORMANT_AFTER_DAYS, EXPIRING_WITHIN_DAYS } from '../../planning/services/dashboard';
import { refuse } from '../../workflow/errors';

/**
 * Loads what one year's FO.28.2.1 figures count, with a constant number of queries whatever the
 * data: targets vs achievement comes from the targets page's service (prepared once per change),
 * agreements (with expiring and dormant as of the reference day), monitoring and proposals are one
 * aggregate query each, the program two, the survey through its results page.
 */
export const createEvaluationFigures = (strapi: Core.Strapi) => {
  const s = createSchema(strapi);
  const A = UIDS.agreement;
  const M = UIDS.monitoring;
  const R = UIDS.proposal;
  const col = (alias: string, uid: string, field: string) => `${alias}.${s.column(uid, field)}`;

  /**
   * The agreement counts of a year, each "as of" the reference day (the year's last day, or today
   * while it runs): expiring and dormant are the dashboard's rules (in force, ending within 90 days;
   * in force for a year with no monitoring in the last 12 months) applied on that day, from the
   * dates, not from today's validity state, so a past year counts what was true at its end.
   */
  const agreements = async (year: number, reference: string) => {
    const { start, end } = yearBounds(year);
    const a = (field: string) => col('a', A, field);
    const renewal = s.join(A, 'renewalOf');
    const monitored = s.join(M, 'agreement');
    const inForceOn = `${a('validityState')} <> 'draft' AND ${a('startDate')} <= ? AND (${a('indefinite')} = TRUE OR ${a('endDate')} IS NULL OR ${a('endDate')} >= ?) AND (${a('terminatedDate')} IS NULL OR ${a('terminatedDate')} > ?)`;
    const dormantSince = addDays(reference, -DORMANT_AFTER_DAYS);
    const when = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
    const signed = `${a('signedDate')} >= ? AND ${a('signedDate')} <= ?`;
    const [row] = await runSql(
      strapi,
      `SELECT ${when(signed)} AS signed,
        ${when(`${a('validityState')} <> 'draft' AND ${a('startDate')} <= ? AND (${a('indefinite')} = TRUE OR ${a('endDate')} IS NULL OR ${a('endDate')} >= ?) AND (${a('terminatedDate')} IS NULL OR ${a('terminatedDate')} >= ?)`)} AS in_force,
        ${when(`${a('validityState')} <> 'draft' AND (${a('indefinite')} IS NULL OR ${a('indefinite')} = FALSE) AND ${a('endDate')} >= ? AND ${a('endDate')} <= ? AND ${a('endDate')} < ? AND (${a('terminatedDate')} IS NULL OR ${a('terminatedDate')} > ${a('endDate')})`)} AS expired,
        ${when(`${a('terminatedDate')} >= ? AND ${a('terminatedDate')} <= ?`)} AS terminated,
        ${when(`${signed} AND EXISTS (SELECT 1 FROM ${renewal.table} rn WHERE rn.${renewal.owner} = ${a('id')})`)} AS renewed,
        ${when(`${inForceOn} AND (${a('indefinite')} IS NULL OR ${a('indefinite')} = FALSE) AND ${a('endDate')} >= ? AND ${a('endDate')} <= ?`)} AS expiring,
        ${when(`${inForceOn} AND ${a('startDate')} <= ? AND NOT EXISTS (SELECT 1 FROM ${monitored.table} ml JOIN ${s.table(M)} m ON m.${s.column(M, 'id')} = ml.${monitored.owner}
          WHERE ml.${monitored.related} = ${a('id')} AND ${col('m', M, 'monitoredOn')} >= ? AND ${col('m', M, 'monitoredOn')} <= ?)`)} AS dormant
       FROM ${s.table(A)} a`,
      [
        start, end, end, start, start, start, end, reference, start, end, start, end,
        reference, reference, reference, reference, addDays(reference, EXPIRING_WITHIN_DAYS),
        reference, reference, reference, dormantSince, dormantSince, reference,
      ],
    );
    return {
      signed: toNumber(row?.signed), inForce: toNumber(row?.in_force), expired: toNumber(row?.expired), terminated: toNumber(row?.terminated), renewed: toNumber(row?.renewed),
      expiring: toNumber(row?.expiring), dormant: toNumber(row?.dormant),
    };
  };

  const monitoring = async (year: number) => {
    const { start, end } = yearBounds(year);
    const sum = (field: string) => `COALESCE(SUM(${col('m', M, field)}), 0)`;
    const [row] = await runSql(
      strapi,
      `SELECT COUNT(*) AS records, ${sum('activitiesCount')} AS activities, ${sum('studentParticipants')} AS students, ${sum('lecturerParticipants')} AS lecturers,
         ${sum('studentsWithCredits')} AS with_credits, ${sum('creditsRecognised')} AS credits, ${sum('certificatesIssued')} AS certificates
       FROM ${s.table(M)} m WHERE ${col('m', M, 'monitoredOn')} >= ? AND ${col('m', M, 'monitoredOn')} <= ?`,
      [start, end],
    );
    return {
      records: toNumber(row?.records),
      activities: toNumber(row?.activities),
      studentParticipants: toNumber(row?.students),
      lecturerParticipants: toNumber(row?.lecturers),
      studentsWithCredits: toNumber(row?.with_credits),
      creditsRecognised: toNumber(row?.credits),
      certificates: toNumber(row?.certificates),
    };
  };

  const proposals = async (year: number) => {
    const rows = await runSql(
      strapi,
      `SELECT ${col('r', R, 'sourceChannel')} AS channel, ${col('r', R, 'workflowState')} AS state, COUNT(*) AS n FROM ${s.table(R)} r
       WHERE ${col('r', R, 'plannedYear')} = ? GROUP BY ${col('r', R, 'sourceChannel')}, ${col('r', R, 'workflowState')}`,
      [year],
    );
    return proposalFigures(rows.map((row) => ({ channel: String(row.channel ?? 'other'), state: String(row.state), count: toNumber(row.n) })));
  };

  /** The year's program and its items, with the reason given when an item was cancelled (two queries). */
  const program = async (year: number, reference: string) => {
    const found = (await strapi.db.query(UIDS.program).findOne({
      where: { year },
      select: ['id', 'title'],
      populate: { items: { select: ['documentId', 'title', 'workflowState', 'plannedEnd'] } },
    })) as { id: number; title: string; items?: Array<{ documentId: string; title: string; workflowState: ProgramItemState; plannedEnd: string | null }> } | null;
    if (!found) return null;
    const items = found.items ?? [];
    const cancelled = items.filter((item) => item.workflowState === 'cancelled').map((item) => item.documentId);
    const logs = cancelled.length
      ? ((await strapi.db.query('api::transition-log.transition-log').findMany({
          where: { recordType: UIDS.programItem, toState: 'cancelled', recordDocumentId: { $in: cancelled } },
          select: ['recordDocumentId', 'reason'],
          orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
        })) as Array<{ recordDocumentId: string; reason: string | null }>)
      : [];
    const reasons = new Map(logs.map((log) => [log.recordDocumentId, log.reason]));
    const rows: ProgramItemRow[] = items.map((item) => ({
      title: item.title,
      state: item.workflowState,
      plannedEnd: item.plannedEnd ? String(item.plannedEnd).slice(0, 10) : null,
      reason: reasons.get(item.documentId) ?? null,
    }));
    return programFigures(found.title, rows, reference);
  };

  /** The year's latest survey, summarised by the survey results page's own computation. */
  const survey = async (year: number) => {
    const found = (await strapi.db.query(UIDS.survey).findOne({ where: { year }, select: ['documentId', 'title'], orderBy: [{ id: 'desc' }] })) as { documentId: string; title: string } | null;
    if (!found) return null;
    return surveyFigures(found.title, await surveyResults(strapi, found.documentId));
  };

  /** What a year counts (no comparison). */
  const yearFigures = async (year: number, today: string): Promise<YearFigures> => {
    const reference = referenceDate(year, today);
    const [report, agreementCounts, monitoringCounts, proposalCounts, programCounts, surveyCounts] = await Promise.all([
      getService(strapi, 'targets').report(year),
      agreements(year, reference),
      monitoring(year),
      proposals(year),
      program(year, reference),
      survey(year),
    ]);
    return {
      year,
      reference,
      targets: targetsFigures(report),
      program: programCounts,
      agreements: agreementCounts,
      monitoring: monitoringCounts,
      proposals: proposalCounts,
      survey: surveyCounts,
    };
  };

  return {
    yearFigures,
    /**
     * The FO.28.2.1 figures of a year, compared with the previous year (its final report's frozen
     * figures when there is one, else computed now). A year without an annual program has no report:
     * a 400 naming `year`.
     */
    async compute(year: number, now = new Date()): Promise<EvaluationFigures> {
      const today = todayInBatam(now);
      const hasProgram = await strapi.db.query(UIDS.program).count({ where: { year } });
      if (!hasProgram) {
        refuse('year', formatBilingual({ id: `Belum ada program kerjasama tahun ${year}; laporan evaluasi menilai program tahun itu`, en: `There is no cooperation program for ${year}; the evaluation report evaluates that year's program` }));
      }
      const previousFinal = (await strapi.db.query(UIDS.evaluation).findOne({ where: { year: year - 1, workflowState: 'final' }, select: ['figures'] })) as { figures?: EvaluationFigures | null } | null;
      const [current, previous] = await Promise.all([
        yearFigures(year, today),
        previousFinal?.figures?.version === 1 ? Promise.resolve(previousFinal.figures as YearFigures) : yearFigures(year - 1, today),
      ]);
      return evaluationFigures(current, previous, now.toISOString());
    },
  };
};
