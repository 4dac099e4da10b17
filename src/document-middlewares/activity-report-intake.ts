import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Actor } from '../domain/roles';
import { formatBilingual } from '../domain/bilingual';
import { ACTIVITY_REPORT_UID, checkUnitReportWrite } from '../domain/activity-report';
import { resolveActor } from '../workflow/actor';
import { changedFields } from '../workflow/changes';
import { refuse, throwFieldErrors } from '../workflow/errors';
import { currentWriteContext } from '../workflow/write-context';
import { FILE } from '../uploads';
import { inScope, isUnitScoped, refuseUnlessFreshOwnUploads, resolveRefId, scopeUnitRead } from './proposal-intake';
import { useForTypes, type DocumentHandler } from './for-type';
import { unitLinkChoice } from '../participation/activity-reports';

/**
 * Activity reports from units, at every door (REST, GraphQL, Content Manager, Document Service),
 * scoped as proposals are:
 * - a unit user reads, counts, changes and deletes only its own unit's reports (reads get the unit
 *   filter added; writes to another unit's report are "not found");
 * - it writes only the fields a unit fills in, only while the report is its draft or was returned;
 * - it links only its own unit's agreements and program items, and as evidence only files already
 *   on the report or its own fresh uploads.
 * For every writer: a report naming an agreement or program item but no partner (or cooperation
 * type) takes it from that record, so the LKPS row has its partner.
 */
const AGREEMENT = 'api::agreement.agreement';
const PROGRAM_ITEM = 'api::program-item.program-item';

type Row = Record<string, unknown> & { id: number; documentId: string };
type Params = Record<string, unknown> & { documentId?: string; data?: Record<string, unknown>; filters?: unknown };

const notFound = () => new errors.NotFoundError(formatBilingual({ id: 'Laporan kegiatan tidak ditemukan', en: 'Activity report not found' }));

const ownUnitMessage = { id: 'Unit pelapor harus unit Anda sendiri', en: 'The reporting unit must be your own unit' };

/** The agreement or program item must involve one of the actor's units. */
const refuseForeignLink = async (strapi: Core.Strapi, actor: Actor, field: 'agreement' | 'programItem', value: unknown) => {
  const uid = field === 'agreement' ? AGREEMENT : PROGRAM_ITEM;
  const id = await resolveRefId(strapi, uid, value);
  if (id === undefined || id === null) return;
  const row = (await strapi.db.query(uid).findOne({ where: { id }, populate: { units: { select: ['id'] } } })) as Row | null;
  const units = ((row?.units as Row[] | undefined) ?? []).map((unit) => unit.id);
  if (!row || !units.some((unitId) => inScope(actor, unitId))) {
    refuse(field, formatBilingual(field === 'agreement'
      ? { id: 'Naskah kerjasama ini bukan milik unit Anda', en: 'This agreement does not involve your unit' }
      : { id: 'Butir program ini bukan milik unit Anda', en: 'This program item does not involve your unit' }));
  }
};

const foreignEvidence = () =>
  refuse('evidence', formatBilingual({ id: 'Berkas bukti harus berkas yang baru Anda unggah', en: 'Evidence files must be files you have just uploaded' }));

/** The media ids the evidence rows of a write name (id, numeric string, documentId, `{ id }`, `{ documentId }`). */
const evidenceFileIds = async (strapi: Core.Strapi, value: unknown): Promise<number[]> => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return foreignEvidence();
  const ids: number[] = [];
  const documentIds: string[] = [];
  for (const row of value) {
    if (!row || typeof row !== 'object') return foreignEvidence();
    let file = (row as Record<string, unknown>).file;
    if (Array.isArray(file)) {
      if (file.length > 1) return foreignEvidence();
      file = file[0];
    }
    if (file === undefined || file === null) continue;
    if (typeof file === 'object') {
      const ref = file as { id?: unknown; documentId?: unknown };
      file = typeof ref.documentId === 'string' ? ref.documentId : ref.id;
    }
    if (typeof file === 'number' && Number.isInteger(file)) ids.push(file);
    else if (typeof file === 'string' && /^\d+$/.test(file)) ids.push(Number(file));
    else if (typeof file === 'string' && file) documentIds.push(file);
    else return foreignEvidence();
  }
  const resolved = documentIds.length ? ((await strapi.db.query(FILE).findMany({ where: { documentId: { $in: documentIds } }, select: ['id'] })) as Row[]) : [];
  if (resolved.length !== new Set(documentIds).size) foreignEvidence();
  return [...ids, ...resolved.map((file) => file.id)];
};

/** The ids of the files on a stored report's evidence rows. */
const storedEvidenceFiles = async (strapi: Core.Strapi, reportId: number): Promise<Set<number>> => {
  const row = (await strapi.db.query(ACTIVITY_REPORT_UID).findOne({ where: { id: reportId }, populate: { evidence: { populate: { file: { select: ['id'] } } } } })) as Row | null;
  return new Set(((row?.evidence as Row[] | undefined) ?? []).flatMap((item) => (item.file ? [(item.file as Row).id] : [])));
};

/** Evidence a unit names must be on this report already, or its own uploads linked nowhere yet. */
const refuseForeignEvidence = async (strapi: Core.Strapi, actor: Actor, value: unknown, stored: Row | null) => {
  if (value === undefined) return;
  const own = stored ? await storedEvidenceFiles(strapi, stored.id) : new Set<number>();
  const added = [...new Set(await evidenceFileIds(strapi, value))].filter((id) => !own.has(id));
  await refuseUnlessFreshOwnUploads(strapi, actor, added, foreignEvidence);
};

/** Partner and cooperation type from the agreement or program item named, when the write gives none. */
const fillFromLinks = async (strapi: Core.Strapi, data: Record<string, unknown>) => {
  if (data.partner !== undefined && data.cooperationType !== undefined) return;
  for (const [field, uid] of [['agreement', AGREEMENT], ['programItem', PROGRAM_ITEM]] as const) {
    const id = await resolveRefId(strapi, uid, data[field]);
    if (!id) continue;
    const row = (await strapi.db.query(uid).findOne({
      where: { id },
      populate: { partner: { select: ['id'] }, ...(uid === AGREEMENT ? { cooperationTypes: { select: ['id'] } } : { cooperationType: { select: ['id'] } }) },
    })) as Row | null;
    if (!row) continue;
    const type = uid === AGREEMENT ? ((row.cooperationTypes as Row[] | undefined) ?? [])[0] : (row.cooperationType as Row | null);
    if (data.partner === undefined && row.partner) data.partner = (row.partner as Row).id;
    if (data.cooperationType === undefined && type) data.cooperationType = type.id;
    return;
  }
};

const presentFields = (data: Record<string, unknown>) => Object.keys(data).filter((field) => data[field] !== undefined && data[field] !== null);

const guardUnitCreate = async (strapi: Core.Strapi, actor: Actor, data: Record<string, unknown>) => {
  throwFieldErrors(checkUnitReportWrite({ fields: presentFields(data) }));
  const unitId = await resolveRefId(strapi, 'api::unit.unit', data.unit);
  if (unitId === undefined || unitId === null) {
    if (!actor.unitIds?.length) refuse('unit', formatBilingual({ id: 'Akun Anda belum terhubung ke unit', en: 'Your account is not linked to a unit' }));
    data.unit = Number(actor.unitIds![0]);
  } else if (!inScope(actor, unitId)) {
    refuse('unit', formatBilingual(ownUnitMessage));
  }
  await refuseForeignLink(strapi, actor, 'agreement', data.agreement);
  await refuseForeignLink(strapi, actor, 'programItem', data.programItem);
  await refuseForeignEvidence(strapi, actor, data.evidence, null);
  data.reportedBy = actor.id;
};

const guardUnitUpdate = async (strapi: Core.Strapi, actor: Actor, stored: Row, data: Record<string, unknown>) => {
  const changed = await changedFields(strapi, ACTIVITY_REPORT_UID, stored.id, data);
  throwFieldErrors(checkUnitReportWrite({ fields: changed, storedState: stored.workflowState as string }));
  if (changed.includes('unit')) {
    const unitId = await resolveRefId(strapi, 'api::unit.unit', data.unit);
    if (unitId === null || unitId === undefined || !inScope(actor, unitId)) refuse('unit', formatBilingual(ownUnitMessage));
  }
  if (changed.includes('agreement')) await refuseForeignLink(strapi, actor, 'agreement', data.agreement);
  if (changed.includes('programItem')) await refuseForeignLink(strapi, actor, 'programItem', data.programItem);
  // Whatever `changedFields` makes of the component: the rule reads every row itself.
  await refuseForeignEvidence(strapi, actor, data.evidence, stored);
};

export const registerActivityReportIntake = (strapi: Core.Strapi) => {
  const middleware = async (context: { action: string; params: Params }, next: () => Promise<unknown>) => {
    if (currentWriteContext().system) return next();
    const { action, params } = context;
    const actor = await resolveActor(strapi);
    const scoped = isUnitScoped(actor);

    if (scopeUnitRead(actor, action, params)) return next();
    const data = (params.data ?? {}) as Record<string, unknown>;
    if (scoped && (action === 'create' || action === 'update')) Object.assign(data, unitLinkChoice() ?? {});
    if (action === 'create') {
      if (scoped) await guardUnitCreate(strapi, actor, data);
      await fillFromLinks(strapi, data);
      params.data = data;
      return next();
    }
    if (action === 'update' || action === 'delete') {
      const stored = params.documentId
        ? ((await strapi.db.query(ACTIVITY_REPORT_UID).findOne({ where: { documentId: params.documentId }, populate: { unit: { select: ['id'] } } })) as Row | null)
        : null;
      if (!stored) return next();
      if (scoped && !inScope(actor, (stored.unit as Row | null)?.id)) throw notFound();
      if (action === 'update') {
        if (scoped) await guardUnitUpdate(strapi, actor, stored, data);
        if (data.agreement !== undefined || data.programItem !== undefined) await fillFromLinks(strapi, data);
        params.data = data;
      }
      return next();
    }
    // clone, publish…: a unit user has no such door; refuse rather than let it through unscoped.
    if (scoped) throw notFound();
    return next();
  };
  useForTypes(strapi, { [ACTIVITY_REPORT_UID]: middleware as unknown as DocumentHandler });
};
