import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { createSchema, UIDS } from './services/schema';
import { toNumber, type SqlRow } from './services/sql';

/**
 * The planning pages' aggregate reads, built with knex's query builder (identifiers quoted and
 * values bound by knex, names read from Strapi's metadata: no SQL is put together from strings).
 * The same query runs on SQLite and PostgreSQL; counts come back as numbers either way.
 */
export const createPlanningRepository = (strapi: Core.Strapi) => {
  const { names } = createSchema(strapi);
  const db = () => strapi.db.connection as unknown as Knex;
  /** `alias.column` of a field. */
  const col = (alias: string, uid: string, field: string) => `${alias}.${names.column(uid, field)}`;
  const from = (alias: string, uid: string) => db()({ [alias]: names.table(uid) });
  /**
   * Runs a query; inside a transaction (a workflow effect computing the figures it freezes) it
   * reads through it: it sees the transaction's writes, and on SQLite the transaction holds the
   * only connection, so a query outside it would wait for the pool until it timed out.
   */
  const run = async (query: Knex.QueryBuilder): Promise<SqlRow[]> => {
    if (strapi.db.inTransaction()) query.transacting((await strapi.db.transaction()).get());
    return (await query) as SqlRow[];
  };

  const A = UIDS.agreement;
  const P = UIDS.partner;
  const M = UIDS.monitoring;
  const R = UIDS.proposal;
  const ACTIVE_VALIDITY = ['active', 'expiring'];

  /**
   * Agreements in force with their partner's name. A listed partner has a draft and a published
   * row and an agreement links both, so the name is read from the draft row in a subquery:
   * joining the link table would list (and count) each agreement once per row of its partner.
   */
  const agreementsInForce = () => {
    const partner = names.join(A, 'partner');
    const partnerName = db()({ ap: partner.table })
      .join({ p: names.table(P) }, col('p', P, 'id'), `ap.${partner.related}`)
      .select(col('p', P, 'name'))
      .whereRaw('?? = ??', [`ap.${partner.owner}`, col('a', A, 'id')])
      .whereNull(col('p', P, 'publishedAt'))
      .limit(1)
      .as('partner_name');
    return from('a', A)
      .select({
        document_id: col('a', A, 'documentId'),
        our_number: col('a', A, 'ourNumber'),
        title: col('a', A, 'title'),
        end_date: col('a', A, 'endDate'),
      })
      .select(partnerName)
      .select(db().raw('COUNT(*) OVER () AS total'))
      .whereIn(col('a', A, 'validityState'), ACTIVE_VALIDITY);
  };

  return {
    /** Proposals of a year by state. */
    async proposalPipeline(year: number) {
      const rows = await run(from('r', R)
        .select({ state: col('r', R, 'workflowState') })
        .count({ n: '*' })
        .where(col('r', R, 'plannedYear'), year)
        .groupBy(col('r', R, 'workflowState')));
      return rows.map((row) => ({ state: row.state as string, count: toNumber(row.n) }));
    },

    /** Ids of the year's approved proposals that no program item takes up yet. */
    async waitingProposalIds(year: number): Promise<number[]> {
      const link = names.join(UIDS.programItem, 'proposal');
      const rows = await run(from('r', R)
        .select({ id: col('r', R, 'id') })
        .where(col('r', R, 'workflowState'), 'approved')
        .where(col('r', R, 'plannedYear'), year)
        .whereNotExists(db()({ l: link.table }).select(db().raw('1')).whereRaw('?? = ??', [`l.${link.related}`, col('r', R, 'id')])));
      return rows.map((row) => Number(row.id));
    },

    /** Agreements in force whose end date falls within [from, to], soonest first. */
    expiringAgreements: async (fromDate: string, toDate: string, limit: number) =>
      run(agreementsInForce()
        .where(col('a', A, 'endDate'), '>=', fromDate)
        .where(col('a', A, 'endDate'), '<=', toDate)
        .orderBy(col('a', A, 'endDate'), 'asc')
        .limit(limit)),

    /** Agreements in force since before `since` with no monitoring record dated from `since` on. */
    async dormantAgreements(since: string, limit: number) {
      const link = names.join(M, 'agreement');
      const monitored = db()({ ml: link.table })
        .join({ m: names.table(M) }, col('m', M, 'id'), `ml.${link.owner}`)
        .select(db().raw('1'))
        .whereRaw('?? = ??', [`ml.${link.related}`, col('a', A, 'id')])
        .where(col('m', M, 'monitoredOn'), '>=', since);
      return run(agreementsInForce()
        .where(col('a', A, 'startDate'), '<=', since)
        .whereNotExists(monitored)
        .orderBy(col('a', A, 'startDate'), 'asc')
        .limit(limit));
    },

    /** Listed (published) partners by level and institution type. */
    async listedPartnerCounts() {
      const rows = await run(from('p', P)
        .select({ level: col('p', P, 'level'), institution_type: col('p', P, 'institutionType') })
        .countDistinct({ n: col('p', P, 'documentId') })
        .whereNotNull(col('p', P, 'publishedAt'))
        .groupBy(col('p', P, 'level'), col('p', P, 'institutionType')));
      return rows.map((row) => ({ level: row.level as string, institutionType: row.institution_type as string, count: toNumber(row.n) }));
    },

    /** The latest survey (up to the year) that has answers: its mean score and number of responses. */
    async latestSatisfaction(year: number) {
      const S = UIDS.survey;
      const SR = UIDS.surveyResponse;
      const link = names.join(SR, 'survey');
      const answers = names.join(SR, 'answers');
      const rows = await run(from('sv', S)
        .join({ rl: link.table }, `rl.${link.related}`, col('sv', S, 'id'))
        .join({ rc: answers.table }, (join) => join.on(`rc.${answers.owner}`, '=', `rl.${link.owner}`).andOnVal('rc.field', '=', 'answers'))
        .join({ ans: names.table('survey.answer') }, col('ans', 'survey.answer', 'id'), `rc.${answers.related}`)
        .select({ document_id: col('sv', S, 'documentId'), title: col('sv', S, 'title'), year: col('sv', S, 'year'), scale_max: col('sv', S, 'scaleMax') })
        .avg({ mean_score: col('ans', 'survey.answer', 'score') })
        .countDistinct({ responses: `rl.${link.owner}` })
        .where(col('sv', S, 'year'), '<=', year)
        .groupBy(col('sv', S, 'id'), col('sv', S, 'documentId'), col('sv', S, 'title'), col('sv', S, 'year'), col('sv', S, 'scaleMax'))
        .orderBy([{ column: col('sv', S, 'year'), order: 'desc' }, { column: col('sv', S, 'id'), order: 'desc' }])
        .limit(1));
      return rows[0] ?? null;
    },
  };
};

export type PlanningRepository = ReturnType<typeof createPlanningRepository>;
