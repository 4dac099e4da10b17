import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { createSchema, UIDS } from '../planning/services/schema';
import { toNumber, type SqlRow } from '../planning/services/sql';
import { COUNTED_REPORT_STATE, type LkpsReportInput } from '../domain/accreditation/lkps';
import type { Iku6Evidence, Iku6Fact, Iku6StudyProgram } from '../domain/accreditation/iku6';

export const REPORT_UID = 'api::activity-report.activity-report';

/**
 * The accreditation reads (LKPS Table 1, IKU 6) through knex's query builder, names from Strapi's
 * metadata, as the planning repository does: the same query on SQLite and PostgreSQL. Only
 * verified activity reports are read (COUNTED_REPORT_STATE); the pure builders filter again.
 */
export const createAccreditationRepository = (strapi: Core.Strapi) => {
  const { names } = createSchema(strapi);
  const db = () => strapi.db.connection as unknown as Knex;
  const col = (alias: string, uid: string, field: string) => `${alias}.${names.column(uid, field)}`;
  const from = (alias: string, uid: string) => db()({ [alias]: names.table(uid) });
  const R = REPORT_UID;
  const A = UIDS.agreement;
  const P = UIDS.partner;
  const T = UIDS.cooperationType;
  const U = UIDS.unit;
  const run = async (query: Knex.QueryBuilder): Promise<SqlRow[]> => (await query) as SqlRow[];

  /**
   * The draft row of each report's partner (a listed partner has a draft and a published row and
   * a link may point at either): one row per report.
   */
  const reportPartners = () => {
    const link = names.join(R, 'partner');
    return db()({ rp: link.table })
      .join({ p: names.table(P) }, col('p', P, 'id'), `rp.${link.related}`)
      .whereNull(col('p', P, 'publishedAt'))
      .select({ report_id: `rp.${link.owner}`, partner_name: col('p', P, 'name'), partner_level: col('p', P, 'level'), partner_category: col('p', P, 'iku6Category') })
      .as('rpp');
  };

  /** Reports whose dates touch [fromDate, toDate]. */
  const touching = (query: Knex.QueryBuilder, fromDate: string, toDate: string) => query
    .where(col('r', R, 'startDate'), '<=', toDate)
    .where((inner) => inner
      .where(col('r', R, 'endDate'), '>=', fromDate)
      .orWhere((open) => open.whereNull(col('r', R, 'endDate')).where(col('r', R, 'startDate'), '>=', fromDate)));

  /** An agreement (alias `a`) in force at some day of [fromDate, toDate]. */
  const inForceSql = (fromDate: string, toDate: string) => ({
    sql: "(?? <> 'draft' AND ?? <= ? AND (?? = ? OR ?? IS NULL OR ?? >= ?))",
    bindings: [col('a', A, 'validityState'), col('a', A, 'startDate'), toDate, col('a', A, 'indefinite'), true, col('a', A, 'endDate'), col('a', A, 'endDate'), fromDate] as Knex.RawBinding[],
  });

  return {
    /** A unit by documentId (with its kind and instrument), or null. */
    async unit(documentId: string) {
      const rows = await run(from('u', U)
        .select({ id: col('u', U, 'id'), document_id: col('u', U, 'documentId'), code: col('u', U, 'code'), name: col('u', U, 'name'), kind: col('u', U, 'kind'), instrument: col('u', U, 'accreditationInstrument') })
        .where(col('u', U, 'documentId'), documentId)
        .limit(1));
      const row = rows[0];
      return row ? { id: Number(row.id), documentId: String(row.document_id), code: String(row.code), name: String(row.name), kind: String(row.kind), instrument: (row.instrument as string | null) ?? null } : null;
    },

    /** The verified reports of a unit whose dates touch [fromDate, toDate], with partner and agreement. */
    async lkpsReports(unitId: number, fromDate: string, toDate: string): Promise<LkpsReportInput[]> {
      const unitLink = names.join(R, 'unit');
      const agreementLink = names.join(R, 'agreement');
      const rows = await run(touching(from('r', R)
        .join({ ru: unitLink.table }, `ru.${unitLink.owner}`, col('r', R, 'id'))
        .leftJoin(reportPartners(), 'rpp.report_id', col('r', R, 'id'))
        .leftJoin({ ra: agreementLink.table }, `ra.${agreementLink.owner}`, col('r', R, 'id'))
        .leftJoin({ a: names.table(A) }, col('a', A, 'id'), `ra.${agreementLink.related}`)
        .where(`ru.${unitLink.related}`, unitId)
        .where(col('r', R, 'workflowState'), COUNTED_REPORT_STATE), fromDate, toDate)
        .select({
          document_id: col('r', R, 'documentId'), title: col('r', R, 'title'), tridharma: col('r', R, 'tridharma'), workflow_state: col('r', R, 'workflowState'),
          start_date: col('r', R, 'startDate'), end_date: col('r', R, 'endDate'), benefit: col('r', R, 'benefit'),
          students: col('r', R, 'studentParticipants'), lecturers: col('r', R, 'lecturerParticipants'),
          partner_name: 'rpp.partner_name', partner_level: 'rpp.partner_level',
          agreement_document_id: col('a', A, 'documentId'), our_number: col('a', A, 'ourNumber'), agreement_end: col('a', A, 'endDate'), indefinite: col('a', A, 'indefinite'),
        }));
      return rows.map((row) => ({
        documentId: String(row.document_id), title: String(row.title), tridharma: String(row.tridharma), workflowState: String(row.workflow_state),
        startDate: isoDay(row.start_date)!, endDate: isoDay(row.end_date), benefit: (row.benefit as string | null) ?? null,
        studentParticipants: row.students === null ? null : toNumber(row.students), lecturerParticipants: row.lecturers === null ? null : toNumber(row.lecturers),
        partnerName: (row.partner_name as string | null) ?? null, partnerLevel: (row.partner_level as string | null) ?? null,
        agreement: row.agreement_document_id ? { documentId: String(row.agreement_document_id), ourNumber: String(row.our_number), endDate: isoDay(row.agreement_end), indefinite: Boolean(row.indefinite) } : null,
      }));
    },

    /** Active study programs. */
    async studyPrograms(): Promise<Iku6StudyProgram[]> {
      const rows = await run(from('u', U)
        .select({ id: col('u', U, 'id'), document_id: col('u', U, 'documentId'), code: col('u', U, 'code'), name: col('u', U, 'name') })
        .where(col('u', U, 'kind'), 'study_program')
        .where(col('u', U, 'active'), true));
      return rows.map((row) => ({ id: Number(row.id), documentId: String(row.document_id), code: String(row.code), name: String(row.name) }));
    },

    /**
     * The year's IKU 6 facts of every unit, grouped: verified reports by (unit, partner category,
     * activity form, under an agreement in force) with their count and up to one example each,
     * and agreements in force by (unit, partner category, activity form).
     */
    async iku6Facts(year: number): Promise<Iku6Fact[]> {
      const fromDate = `${year}-01-01`;
      const toDate = `${year}-12-31`;
      const unitLink = names.join(R, 'unit');
      const agreementLink = names.join(R, 'agreement');
      const typeLink = names.join(R, 'cooperationType');
      const inForce = inForceSql(fromDate, toDate);
      // One row per verified report of the year (its unit, partner category, activity form and
      // whether it is under an agreement in force), grouped outside: PostgreSQL refuses to group
      // by an expression whose bound values differ from the selected one's.
      const perReport = touching(from('r', R)
        .join({ ru: unitLink.table }, `ru.${unitLink.owner}`, col('r', R, 'id'))
        .leftJoin(reportPartners(), 'rpp.report_id', col('r', R, 'id'))
        .leftJoin({ ra: agreementLink.table }, `ra.${agreementLink.owner}`, col('r', R, 'id'))
        .leftJoin({ a: names.table(A) }, col('a', A, 'id'), `ra.${agreementLink.related}`)
        .leftJoin({ rt: typeLink.table }, `rt.${typeLink.owner}`, col('r', R, 'id'))
        .leftJoin({ t: names.table(T) }, col('t', T, 'id'), `rt.${typeLink.related}`)
        .where(col('r', R, 'workflowState'), COUNTED_REPORT_STATE), fromDate, toDate)
        .select({ report_id: col('r', R, 'id'), unit_id: `ru.${unitLink.related}`, category: 'rpp.partner_category', form: col('t', T, 'iku6Criterion') })
        .select(db().raw(`CASE WHEN ?? IS NOT NULL AND ${inForce.sql} THEN 1 ELSE 0 END AS in_force`, [col('a', A, 'id'), ...inForce.bindings]))
        .as('f');
      const reports = await run(db().from(perReport)
        .select('f.unit_id', 'f.category', 'f.form', 'f.in_force')
        .count({ n: '*' })
        .min({ example_id: 'f.report_id' })
        .groupBy('f.unit_id', 'f.category', 'f.form', 'f.in_force'));
      const examples = await this.iku6Examples(reports.map((row) => Number(row.example_id)));
      const agreementUnits = names.join(A, 'units');
      const agreementPartner = names.join(A, 'partner');
      const agreementTypes = names.join(A, 'cooperationTypes');
      const agreements = await run(from('a', A)
        .join({ au: agreementUnits.table }, `au.${agreementUnits.owner}`, col('a', A, 'id'))
        .join({ ap: agreementPartner.table }, `ap.${agreementPartner.owner}`, col('a', A, 'id'))
        .join({ p: names.table(P) }, (join) => join.on(col('p', P, 'id'), '=', `ap.${agreementPartner.related}`).andOnNull(col('p', P, 'publishedAt')))
        .leftJoin({ at: agreementTypes.table }, `at.${agreementTypes.owner}`, col('a', A, 'id'))
        .leftJoin({ t: names.table(T) }, col('t', T, 'id'), `at.${agreementTypes.related}`)
        .whereRaw(inForce.sql, inForce.bindings)
        .select({ unit_id: `au.${agreementUnits.related}`, category: col('p', P, 'iku6Category'), form: col('t', T, 'iku6Criterion') })
        .countDistinct({ n: col('a', A, 'id') })
        .groupBy(`au.${agreementUnits.related}`, col('p', P, 'iku6Category'), col('t', T, 'iku6Criterion')));
      return [
        ...reports.map((row): Iku6Fact => ({
          unitId: Number(row.unit_id), source: 'report', partnerCategory: (row.category as string | null) ?? null, activityForm: (row.form as string | null) ?? null,
          workflowState: COUNTED_REPORT_STATE, agreementInForce: toNumber(row.in_force) === 1, count: toNumber(row.n),
          examples: examples.has(Number(row.example_id)) ? [examples.get(Number(row.example_id))!] : [],
        })),
        ...agreements.map((row): Iku6Fact => ({
          unitId: Number(row.unit_id), source: 'agreement', partnerCategory: (row.category as string | null) ?? null, activityForm: (row.form as string | null) ?? null, count: toNumber(row.n),
        })),
      ];
    },

    /** Title, agreement number and partner of reports by id. */
    async iku6Examples(ids: number[]): Promise<Map<number, Iku6Evidence>> {
      const found = new Map<number, Iku6Evidence>();
      const agreementLink = names.join(R, 'agreement');
      const unique = [...new Set(ids)].filter(Number.isFinite);
      for (let i = 0; i < unique.length; i += 500) {
        const rows = await run(from('r', R)
          .leftJoin(reportPartners(), 'rpp.report_id', col('r', R, 'id'))
          .leftJoin({ ra: agreementLink.table }, `ra.${agreementLink.owner}`, col('r', R, 'id'))
          .leftJoin({ a: names.table(A) }, col('a', A, 'id'), `ra.${agreementLink.related}`)
          .whereIn(col('r', R, 'id'), unique.slice(i, i + 500))
          .select({ id: col('r', R, 'id'), document_id: col('r', R, 'documentId'), title: col('r', R, 'title'), our_number: col('a', A, 'ourNumber'), partner_name: 'rpp.partner_name' }));
        for (const row of rows) {
          found.set(Number(row.id), { reportDocumentId: String(row.document_id), title: String(row.title), agreementNumber: (row.our_number as string | null) ?? null, partnerName: (row.partner_name as string | null) ?? null });
        }
      }
      return found;
    },
  };
};

/** A date column as 'YYYY-MM-DD' (PostgreSQL's driver may answer a Date or a string). */
export const isoDay = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
};

export type AccreditationRepository = ReturnType<typeof createAccreditationRepository>;
