import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { ACTIVITY_REPORT_UID } from '../domain/activity-report';
import { resolveActor } from '../workflow/actor';
import { isUnitScoped } from '../document-middlewares/proposal-intake';

type Row = Record<string, unknown> & { id: number; documentId: string };

const AGREEMENT_SUMMARY = ['documentId', 'kind', 'ourNumber', 'title', 'startDate', 'endDate', 'indefinite', 'validityState'] as const;
const ITEM_SUMMARY = ['documentId', 'title', 'quarter', 'plannedStart', 'plannedEnd', 'workflowState'] as const;
/** What a unit sees of the records its report links to: never a partner's contacts or notes. */
const LINKED = ['agreement', 'programItem', 'partner', 'cooperationType', 'reportedBy'] as const;

const pick = (row: Row | null | undefined, fields: readonly string[]) => (row ? Object.fromEntries(fields.map((field) => [field, row[field] ?? null])) : null);

/**
 * The unit portal's view of what its unit may report on: its agreements in force or expiring,
 * its program items (not cancelled), each with the partner's name; and its units. Only the
 * actor's own units (a department also its study programs'); nothing for anyone else.
 */
export const activityReportOptions = async (strapi: Core.Strapi) => {
  const actor = await resolveActor(strapi);
  if (!isUnitScoped(actor)) return { units: [], agreements: [], programItems: [] };
  const unitIds = (actor.unitIds ?? []).map(Number);
  const [units, agreements, items] = await Promise.all([
    strapi.db.query('api::unit.unit').findMany({ where: { id: { $in: unitIds } }, select: ['id', 'documentId', 'code', 'name', 'kind'] }),
    strapi.db.query('api::agreement.agreement').findMany({
      where: { units: { id: { $in: unitIds } }, validityState: { $in: ['active', 'expiring'] } },
      select: [...AGREEMENT_SUMMARY],
      populate: { partner: { select: ['name'] } },
      orderBy: [{ endDate: 'asc' }, { id: 'asc' }],
    }),
    strapi.db.query('api::program-item.program-item').findMany({
      where: { units: { id: { $in: unitIds } }, workflowState: { $ne: 'cancelled' } },
      select: [...ITEM_SUMMARY],
      populate: { partner: { select: ['name'] }, program: { select: ['year', 'workflowState'] } },
      orderBy: [{ plannedStart: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const ordered = (units as Row[]).sort((a, b) => unitIds.indexOf(a.id) - unitIds.indexOf(b.id));
  return {
    units: ordered.map(({ id: _id, ...unit }) => unit),
    agreements: (agreements as Row[]).map((row) => ({ ...pick(row, AGREEMENT_SUMMARY), partnerName: ((row.partner as Row | null)?.name as string) ?? null })),
    programItems: (items as Row[]).map((row) => ({
      ...pick(row, ITEM_SUMMARY),
      partnerName: ((row.partner as Row | null)?.name as string) ?? null,
      year: ((row.program as Row | null)?.year as number) ?? null,
    })),
  };
};

/** For a unit user: the linked records are left out of the populate (its role reads none of them); summaries come back attached. */
export const prepareUnitReportRead = async (strapi: Core.Strapi, query: Record<string, unknown>) => {
  if (!isUnitScoped(await resolveActor(strapi))) return false;
  const populate = query.populate;
  if (populate && typeof populate === 'object' && !Array.isArray(populate)) {
    for (const field of LINKED) delete (populate as Record<string, unknown>)[field];
  }
  return true;
};

/** Attaches to each report its agreement, program item and partner as a unit may see them. */
export const attachLinkSummaries = async <T>(strapi: Core.Strapi, result: T): Promise<T> => {
  const data = (result as { data?: Row | Row[] | null } | undefined)?.data;
  const items = data ? (Array.isArray(data) ? data : [data]) : [];
  if (!items.length) return result;
  const rows = (await strapi.db.query(ACTIVITY_REPORT_UID).findMany({
    where: { documentId: { $in: items.map((item) => item.documentId) } },
    select: ['documentId'],
    populate: {
      agreement: { select: [...AGREEMENT_SUMMARY] },
      programItem: { select: [...ITEM_SUMMARY] },
      partner: { select: ['documentId', 'name'] },
    },
  })) as Row[];
  const byDocument = new Map(rows.map((row) => [row.documentId, row]));
  for (const item of items) {
    const row = byDocument.get(item.documentId);
    item.agreement = pick(row?.agreement as Row | null, AGREEMENT_SUMMARY);
    item.programItem = pick(row?.programItem as Row | null, ITEM_SUMMARY);
    item.partner = pick(row?.partner as Row | null, ['documentId', 'name']);
  }
  return result;
};

/**
 * A unit names its agreement and program item on its report but may not read either type:
 * Strapi's REST input validation refuses a relation to a type the caller cannot read. The
 * controller takes them out of a unit user's request and the activity-report-intake middleware
 * puts them back into the write, where it checks they are the unit's own (as for a proposal's partner).
 */
const LINK_FIELDS = ['agreement', 'programItem'] as const;
const linkStorage = new AsyncLocalStorage<Partial<Record<(typeof LINK_FIELDS)[number], unknown>>>();

export const withUnitLinks = <T>(data: unknown, work: () => Promise<T>): Promise<T> => {
  if (!data || typeof data !== 'object') return work();
  const record = data as Record<string, unknown>;
  const links = Object.fromEntries(LINK_FIELDS.filter((field) => field in record).map((field) => [field, record[field]]));
  for (const field of LINK_FIELDS) delete record[field];
  return linkStorage.run(links, work);
};

export const unitLinkChoice = () => linkStorage.getStore();
