import type { Core } from '@strapi/strapi';
import { resolveActor } from '../workflow/actor';
import { isUnitScoped } from '../document-middlewares/proposal-intake';

type Row = Record<string, unknown> & { id: number; documentId: string };

/** What a unit may see of a partner: its name and kind, never its contacts or notes. */
const PARTNER_SUMMARY = ['documentId', 'name', 'institutionType', 'level', 'country'] as const;

/**
 * Unit users may not read partners (contacts and internal notes are Humas's), yet their page
 * shows which partner each of their proposals names. For them the partner is left out of the
 * populate (which their role could not read) and a summary is attached to each proposal.
 * Returns whether the caller is a unit user.
 */
export const isUnitRequest = async (strapi: Core.Strapi) => isUnitScoped(await resolveActor(strapi));

export const prepareUnitRead = async (strapi: Core.Strapi, query: Record<string, unknown>) => {
  if (!(await isUnitRequest(strapi))) return false;
  const populate = query.populate;
  if (populate && typeof populate === 'object' && !Array.isArray(populate)) delete (populate as Record<string, unknown>).partner;
  return true;
};

export const attachPartnerSummaries = async <T>(strapi: Core.Strapi, result: T): Promise<T> => {
  const data = (result as { data?: Row | Row[] | null } | undefined)?.data;
  const items = data ? (Array.isArray(data) ? data : [data]) : [];
  if (!items.length) return result;
  const rows = (await strapi.db.query('api::proposal.proposal').findMany({
    where: { documentId: { $in: items.map((item) => item.documentId) } },
    select: ['documentId'],
    populate: { partner: { select: [...PARTNER_SUMMARY] } },
  })) as Row[];
  const byDocument = new Map(rows.map((row) => [row.documentId, (row.partner as Row | null) ?? null]));
  for (const item of items) {
    const partner = byDocument.get(item.documentId);
    item.partner = partner ? Object.fromEntries(PARTNER_SUMMARY.map((field) => [field, partner[field]])) : null;
  }
  return result;
};

/**
 * The choices of the proposal form: existing partners (name and kind only), cooperation types,
 * KPI codes, calls for proposals with their deadlines, and the units the user may propose for.
 */
export const proposalFormOptions = async (strapi: Core.Strapi) => {
  const actor = await resolveActor(strapi);
  const unitIds = (actor.unitIds ?? []).map(Number);
  const [partners, cooperationTypes, kpis, calls, units] = await Promise.all([
    strapi.db.query('api::partner.partner').findMany({
      where: { publishedAt: null, workflowState: { $ne: 'withdrawn' } },
      select: [...PARTNER_SUMMARY],
      orderBy: { name: 'asc' },
    }),
    strapi.db.query('api::cooperation-type.cooperation-type').findMany({ select: ['documentId', 'code', 'name'], orderBy: { code: 'asc' } }),
    strapi.db.query('api::kpi.kpi').findMany({ select: ['documentId', 'code', 'statement'], orderBy: { code: 'asc' } }),
    strapi.db.query('api::call-for-proposal.call-for-proposal').findMany({ select: ['documentId', 'title', 'year', 'deadline', 'message', 'messageEn'], orderBy: { deadline: 'desc' } }),
    isUnitScoped(actor)
      ? strapi.db.query('api::unit.unit').findMany({ where: { id: { $in: unitIds } }, select: ['id', 'documentId', 'code', 'name', 'kind'] })
      : Promise.resolve([]),
  ]);
  const ordered = (units as Row[]).sort((a, b) => unitIds.indexOf(a.id) - unitIds.indexOf(b.id));
  return { partners, cooperationTypes, kpis, calls, units: ordered.map(({ id: _id, ...unit }) => unit) };
};
