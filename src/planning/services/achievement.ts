import type { Core } from '@strapi/strapi';
import {
  figureKey,
  groupingName,
  groupingsFor,
  scopeDimensions,
  METRIC_DEFINITIONS,
  TARGET_METRICS,
  yearBounds,
  type MetricSource,
  type ScopeDimension,
  type TargetMetric,
  type TargetScope,
} from '../../domain/achievement';
import { preparedService } from './prepared';
import { createSchema, UIDS, type JoinNames } from './schema';
import { runSql, toId, toNumber, type SqlRow } from './sql';

interface Query {
  sql: string;
  bindings: unknown[];
}

const NULL_ID = 'CAST(NULL AS INTEGER)';
const NULL_TEXT = 'CAST(NULL AS VARCHAR(255))';

/**
 * Achievement figures computed from the records with one GROUP BY query per source (agreements
 * signed, partners in force, IKU 6 study programs, monitoring sums): each query answers every
 * grouping the targets need (institution, unit, unit × type, ...) as a UNION ALL of aggregates,
 * so the number of queries never depends on the number of targets, units or records.
 */
export const createAchievementService = ({ strapi }: { strapi: Core.Strapi }) => {
  const s = createSchema(strapi);
  const A = UIDS.agreement;
  const U = UIDS.unit;
  const P = UIDS.partner;
  const M = UIDS.monitoring;
  const I = UIDS.programItem;
  const col = (alias: string, uid: string, field: string) => `${alias}.${s.column(uid, field)}`;

  /** Each unit counts for itself and for its parent (a prodi's records count for its jurusan). */
  const unitScope = () => {
    const parent = s.join(U, 'parent');
    const id = s.column(U, 'id');
    return `(SELECT ${id} AS unit_id, ${id} AS scope_id FROM ${s.table(U)} UNION ALL SELECT ${parent.owner} AS unit_id, ${parent.related} AS scope_id FROM ${parent.table})`;
  };

  const dimensionColumns = (grouping: ScopeDimension[], expressions: Record<ScopeDimension, string>) => ({
    select: [
      `'${groupingName(grouping)}' AS grouping_name`,
      `${grouping.includes('unit') ? expressions.unit : NULL_ID} AS unit_id`,
      `${grouping.includes('type') ? expressions.type : NULL_ID} AS type_id`,
      `${grouping.includes('level') ? expressions.level : NULL_TEXT} AS level`,
    ].join(', '),
    groupBy: grouping.length ? ` GROUP BY ${grouping.map((dimension) => expressions[dimension]).join(', ')}` : '',
  });

  /** One grouping of an agreement-based source. */
  const agreementBranch = (source: Exclude<MetricSource, 'monitoring'>, grouping: ScopeDimension[], year: number): Query => {
    const { start, end } = yearBounds(year);
    const units = s.join(A, 'units');
    const types = s.join(A, 'cooperationTypes');
    const partner = s.join(A, 'partner');
    const iku6 = source === 'iku6';
    const joins: string[] = [];
    if (grouping.includes('unit') || iku6) joins.push(`JOIN ${units.table} au ON au.${units.owner} = ${col('a', A, 'id')}`);
    if (iku6) joins.push(`JOIN ${s.table(U)} su ON ${col('su', U, 'id')} = au.${units.related} AND ${col('su', U, 'kind')} = 'study_program'`);
    if (grouping.includes('unit')) joins.push(`JOIN ${unitScope()} us ON us.unit_id = au.${units.related}`);
    if (grouping.includes('type') || iku6) joins.push(`JOIN ${types.table} at ON at.${types.owner} = ${col('a', A, 'id')}`);
    if (iku6) {
      const C = UIDS.cooperationType;
      joins.push(`JOIN ${s.table(C)} ct ON ${col('ct', C, 'id')} = at.${types.related} AND ${col('ct', C, 'iku6Criterion')} IS NOT NULL`);
    }
    if (grouping.includes('level') || source === 'active_partners') {
      joins.push(`JOIN ${partner.table} ap ON ap.${partner.owner} = ${col('a', A, 'id')} JOIN ${s.table(P)} p ON ${col('p', P, 'id')} = ap.${partner.related}`);
    }
    const inForce = [
      `${col('a', A, 'validityState')} <> 'draft'`,
      `${col('a', A, 'startDate')} <= ?`,
      `(${col('a', A, 'indefinite')} = TRUE OR ${col('a', A, 'endDate')} IS NULL OR ${col('a', A, 'endDate')} >= ?)`,
      `(${col('a', A, 'terminatedDate')} IS NULL OR ${col('a', A, 'terminatedDate')} >= ?)`,
    ];
    const where =
      source === 'agreements_signed'
        ? { sql: `${col('a', A, 'signedDate')} >= ? AND ${col('a', A, 'signedDate')} <= ?`, bindings: [start, end] }
        : { sql: [...inForce, ...(iku6 ? [`${col('a', A, 'kind')} = 'ia'`] : [])].join(' AND '), bindings: [end, start, start] };
    const value = {
      agreements_signed: `COUNT(DISTINCT ${col('a', A, 'id')})`,
      active_partners: `COUNT(DISTINCT ${col('p', P, 'documentId')})`,
      iku6: `COUNT(DISTINCT ${col('su', U, 'id')})`,
    }[source];
    const dims = dimensionColumns(grouping, { unit: 'us.scope_id', type: `at.${types.related}`, level: col('p', P, 'level') });
    return {
      sql: `SELECT ${dims.select}, ${value} AS v1, 0 AS v2, 0 AS v3 FROM ${s.table(A)} a ${joins.join(' ')} WHERE ${where.sql}${dims.groupBy}`,
      bindings: where.bindings,
    };
  };

  /**
   * The year's monitoring records and the units, types and partner levels each counts for (those
   * of its agreement and of its program item), as named subqueries (WITH) computed once per query
   * and shared by every grouping: the link tables are read once, not once per grouping.
   */
  const monitoringYear = (year: number): Query => {
    const { start, end } = yearBounds(year);
    const fields = ['activitiesCount', 'studentsWithCredits', 'certificatesIssued'].map((field, index) => `COALESCE(${col('m', M, field)}, 0) AS f${index + 1}`);
    /** The year's records with what they link to (their agreement, their program item). */
    const recordLinks = (name: string, link: JoinNames) =>
      `${name} AS (SELECT l.${link.owner} AS mrid, l.${link.related} AS owner_id FROM ${link.table} l JOIN year_records r ON r.id = l.${link.owner})`;
    /** The records in `source` (record_agreements / record_items) joined to what they link to. */
    const linked = (link: JoinNames, source: string, alias: string) => `FROM ${source} ${alias} JOIN ${link.table} x ON x.${link.owner} = ${alias}.owner_id`;
    type ValueOf = (link: JoinNames, source: string, alias: string) => string;
    const relatedId: ValueOf = (link, source, alias) => `x.${link.related} AS value ${linked(link, source, alias)}`;
    const partnerLevel: ValueOf = (link, source, alias) => `${col('p', P, 'level')} AS value ${linked(link, source, alias)} JOIN ${s.table(P)} p ON ${col('p', P, 'id')} = x.${link.related}`;
    /** A dimension's values: through the record's agreement, and through its program item. */
    const dimension = (name: string, value: ValueOf, throughAgreement: JoinNames, throughItem: JoinNames) =>
      `${name} AS (SELECT ra.mrid, ${value(throughAgreement, 'record_agreements', 'ra')} UNION SELECT ri.mrid, ${value(throughItem, 'record_items', 'ri')})`;
    const ctes = [
      `year_records AS (SELECT ${col('m', M, 'id')} AS id, ${fields.join(', ')} FROM ${s.table(M)} m WHERE ${col('m', M, 'monitoredOn')} >= ? AND ${col('m', M, 'monitoredOn')} <= ?)`,
      recordLinks('record_agreements', s.join(M, 'agreement')),
      recordLinks('record_items', s.join(M, 'programItem')),
      dimension('record_units', relatedId, s.join(A, 'units'), s.join(I, 'units')),
      dimension('record_types', relatedId, s.join(A, 'cooperationTypes'), s.join(I, 'cooperationType')),
      dimension('record_levels', partnerLevel, s.join(A, 'partner'), s.join(I, 'partner')),
    ];
    return { sql: `WITH ${ctes.join(', ')} `, bindings: [start, end] };
  };

  const monitoringBranch = (grouping: ScopeDimension[]): Query => {
    const derived: Record<ScopeDimension, [string, string]> = { unit: ['record_units', 'mu'], type: ['record_types', 'mt'], level: ['record_levels', 'ml'] };
    const joins: string[] = [];
    for (const dimension of grouping) {
      const [table, alias] = derived[dimension];
      joins.push(`JOIN ${table} ${alias} ON ${alias}.mrid = r.id`);
      if (dimension === 'unit') joins.push(`JOIN ${unitScope()} us ON us.unit_id = mu.value`);
    }
    const inner = dimensionColumns(grouping, { unit: 'us.scope_id', type: 'mt.value', level: 'ml.value' });
    // DISTINCT per record and group: a record linked twice to the same group is summed once.
    const rows = `SELECT DISTINCT r.id AS mid, r.f1, r.f2, r.f3, ${inner.select} FROM year_records r ${joins.join(' ')}`;
    const outerGroup = grouping.map((dimension) => ({ unit: 'x.unit_id', type: 'x.type_id', level: 'x.level' })[dimension]);
    return {
      sql: `SELECT '${groupingName(grouping)}' AS grouping_name, ${grouping.includes('unit') ? 'x.unit_id' : NULL_ID} AS unit_id, ${grouping.includes('type') ? 'x.type_id' : NULL_ID} AS type_id, ${grouping.includes('level') ? 'x.level' : NULL_TEXT} AS level, SUM(x.f1) AS v1, SUM(x.f2) AS v2, SUM(x.f3) AS v3 FROM (${rows}) x${outerGroup.length ? ` GROUP BY ${outerGroup.join(', ')}` : ''}`,
      bindings: [],
    };
  };

  const union = (queries: Query[]): Query => ({
    sql: queries.map((query) => `SELECT * FROM (${query.sql}) g${queries.indexOf(query)}`).join(' UNION ALL '),
    bindings: queries.flatMap((query) => query.bindings),
  });

  /** A query preceded by the named subqueries (WITH ...) it reads. */
  const withNames = (names: Query, query: Query): Query => ({ sql: names.sql + query.sql, bindings: [...names.bindings, ...query.bindings] });

  /** The scope of a result row, or null when a grouped value is missing (it belongs to no target). */
  const scopeOf = (row: SqlRow): TargetScope | null => {
    const scope = { unitId: toId(row.unit_id), cooperationTypeId: toId(row.type_id), partnerLevel: (row.level as string | null) ?? null };
    return groupingName(scopeDimensions(scope)) === row.grouping_name ? scope : null;
  };

  /** All figures of a year for these groupings: four queries, whatever the groupings and the data. */
  const compute = async (year: number, groupings: ScopeDimension[][]): Promise<Figures> => {
    const figures = new Map<string, number>();
    const sources: Array<Exclude<MetricSource, 'monitoring'>> = ['agreements_signed', 'active_partners', 'iku6'];
    const results = await Promise.all([
      ...sources.map((source) => runSql(strapi, ...asArgs(union(groupings.map((grouping) => agreementBranch(source, grouping, year)))))),
      runSql(strapi, ...asArgs(withNames(monitoringYear(year), union(groupings.map(monitoringBranch))))),
    ]);
    sources.forEach((source, index) => {
      for (const row of results[index]) {
        const scope = scopeOf(row);
        if (scope) figures.set(figureKey(source, scope), toNumber(row.v1));
      }
    });
    const monitoringMetrics = TARGET_METRICS.filter((metric) => METRIC_DEFINITIONS[metric].source === 'monitoring');
    const column: Record<string, 'v1' | 'v2' | 'v3'> = { activitiesCount: 'v1', studentsWithCredits: 'v2', certificatesIssued: 'v3' };
    for (const row of results[sources.length]) {
      const scope = scopeOf(row);
      if (!scope) continue;
      for (const metric of monitoringMetrics) {
        figures.set(figureKey(metric as TargetMetric, scope), toNumber(row[column[METRIC_DEFINITIONS[metric].monitoringField!]]));
      }
    }
    return figures;
  };

  return {
    /**
     * All figures of a year for the given target scopes (plus the institution-wide ones),
     * prepared once per change of the records they count (see prepared.ts).
     */
    figures(year: number, scopes: TargetScope[]): Promise<Figures> {
      const groupings = groupingsFor(scopes);
      return preparedService(strapi).get(`figures:${year}:${groupings.map(groupingName).join('|')}`, () => compute(year, groupings));
    },
  };
};

/** Figures by figureKey; shared between callers, so read-only. */
export type Figures = ReadonlyMap<string, number>;

const asArgs = (query: Query): [string, unknown[]] => [query.sql, query.bindings];

export type AchievementService = ReturnType<typeof createAchievementService>;
