import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Actor } from '../domain/roles';
import { formatBilingual } from '../domain/bilingual';
import { callClosedMessage, checkUnitProposalWrite, isCallOpen, pickOpenCall, UNIT_INITIATIVE, UNIT_PROPOSAL_CHANNELS } from '../domain/proposal-intake';
import { resolveActor } from '../workflow/actor';
import { changedFields } from '../workflow/changes';
import { refuse, throwFieldErrors } from '../workflow/errors';
import { todayInBatam } from '../workflow/today';
import { currentWriteContext } from '../workflow/write-context';
import { unitPartnerChoice } from '../participation/partner-choice';
import { FILE, uploaderOf } from '../uploads';
import { parseToManyAdditions, parseToOneChange } from './relation-input';
import { useForTypes, type DocumentHandler } from './for-type';

/**
 * Proposals from units, at every door (REST, GraphQL, Content Manager, Document Service):
 * - a unit user (Users & Permissions) reads, counts, changes and deletes only proposals of its
 *   own unit(s): reads get the unit filter added, writes to other records are "not found";
 * - a unit user writes only the fields a unit fills in, only while the proposal is its draft
 *   or was returned for revision, and only for its own unit;
 * - a proposal is submitted only while its call for proposals is open (the deadline).
 */
export const PROPOSAL = 'api::proposal.proposal';
const CALL = 'api::call-for-proposal.call-for-proposal';
const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

type Row = Record<string, unknown> & { id: number; documentId: string };
type Params = Record<string, unknown> & { documentId?: string; data?: Record<string, unknown>; filters?: unknown };

/** Users & Permissions users act for their units only; a user without a unit sees nothing. */
export const isUnitScoped = (actor: Actor) => actor.kind === 'user';

export const unitScopeFilter = (actor: Actor) => ({ unit: { id: { $in: (actor.unitIds ?? []).map(Number) } } });

/**
 * A read by a unit user gets its units' filter added (the records of other units do not exist for
 * it: lists, counts and `findOne` alike). True when `action` is a read, which then needs nothing else.
 */
export const scopeUnitRead = (actor: Actor, action: string, params: { filters?: unknown }) => {
  if (!READ_ACTIONS.has(action)) return false;
  if (isUnitScoped(actor)) params.filters = params.filters ? { $and: [params.filters, unitScopeFilter(actor)] } : unitScopeFilter(actor);
  return true;
};

const notFound = () => new errors.NotFoundError(formatBilingual({ id: 'Usulan tidak ditemukan', en: 'Proposal not found' }));

export const inScope = (actor: Actor, unitId: unknown) => (actor.unitIds ?? []).some((own) => String(own) === String(unitId));

export const resolveRefId = async (strapi: Core.Strapi, target: UID.ContentType, value: unknown): Promise<number | null | undefined> => {
  const change = parseToOneChange(value);
  if (change.kind === 'keep') return undefined;
  if (change.kind === 'clear') return null;
  if ('id' in change.ref) return change.ref.id;
  const row = (await strapi.db.query(target).findOne({ where: { documentId: change.ref.documentId }, select: ['id'] })) as Row | null;
  return row?.id ?? -1;
};

const loadCall = async (strapi: Core.Strapi, id: number) =>
  (await strapi.db.query(CALL).findOne({ where: { id }, select: ['id', 'title', 'deadline'] })) as Row | null;

const foreignAttachment = () =>
  refuse('attachments', formatBilingual({ id: 'Lampiran harus berkas yang baru Anda unggah', en: 'Attachments must be files you have just uploaded' }));

/** The media ids a write adds to `attachments`, whatever the relation shape; documentIds resolve through the Media Library. */
const addedAttachmentIds = async (strapi: Core.Strapi, value: unknown): Promise<number[]> => {
  const parsed = parseToManyAdditions(value);
  if (!parsed.ok) return foreignAttachment();
  const ids = parsed.refs.flatMap((ref) => ('id' in ref ? [ref.id] : []));
  const documentIds = parsed.refs.flatMap((ref) => ('documentId' in ref ? [ref.documentId] : []));
  const resolved = documentIds.length ? ((await strapi.db.query(FILE).findMany({ where: { documentId: { $in: documentIds } }, select: ['id'] })) as Row[]) : [];
  return [...ids, ...resolved.map((file) => file.id)];
};

/**
 * Media a unit attaches must be already on this proposal, or its own fresh uploads: uploaded by
 * this same user (src/uploads records the uploader) and attached nowhere yet. Anything else —
 * another unit's file, a fresh upload of someone else, Humas's agreement scans — is refused.
 */
const refuseForeignAttachments = async (strapi: Core.Strapi, actor: Actor, value: unknown, stored: Row | null) => {
  if (value === undefined) return;
  const own = new Set(((stored?.attachments as Row[] | undefined) ?? []).map((file) => file.id));
  const added = [...new Set(await addedAttachmentIds(strapi, value))].filter((id) => !own.has(id));
  await refuseUnlessFreshOwnUploads(strapi, actor, added, foreignAttachment);
};

/**
 * Files a unit user adds to its record must be its own uploads that no record holds yet (a fresh
 * upload of someone else, another unit's file or Humas's scans are `refuse`d). Shared by every
 * record a unit attaches files to (proposals, activity reports).
 */
export const refuseUnlessFreshOwnUploads = async (strapi: Core.Strapi, actor: Actor, added: number[], refuse: () => never) => {
  if (!added.length) return;
  const files = (await strapi.db.query(FILE).findMany({ where: { id: { $in: added } }, select: ['id', 'provider_metadata'] })) as Array<Row & { provider_metadata?: unknown }>;
  if (files.length !== added.length || files.some((file) => uploaderOf(file) !== actor.id)) refuse();
  const meta = strapi.db.metadata.get(FILE) as unknown as { attributes: { related: { joinTable: { name: string; joinColumn: { name: string } } } } };
  const { name, joinColumn } = meta.attributes.related.joinTable;
  const linked = await strapi.db.connection(name).whereIn(joinColumn.name, added).first(joinColumn.name);
  if (linked) refuse();
};

const guardUnitCreate = async (strapi: Core.Strapi, actor: Actor, data: Record<string, unknown>) => {
  const isUnitChannel = (value: unknown) => (UNIT_PROPOSAL_CHANNELS as readonly unknown[]).includes(value);
  const present = Object.keys(data).filter((field) => data[field] !== undefined && data[field] !== null && !(field === 'sourceChannel' && isUnitChannel(data[field])));
  throwFieldErrors(checkUnitProposalWrite({ fields: present }));

  const unitId = await resolveRefId(strapi, 'api::unit.unit', data.unit);
  if (unitId === undefined || unitId === null) {
    if (!actor.unitIds?.length) refuse('unit', formatBilingual({ id: 'Akun Anda belum terhubung ke unit', en: 'Your account is not linked to a unit' }));
    data.unit = Number(actor.unitIds![0]);
  } else if (!inScope(actor, unitId)) {
    refuse('unit', formatBilingual({ id: 'Unit pengusul harus unit Anda sendiri', en: 'The proposing unit must be your own unit' }));
  }

  const callId = await resolveRefId(strapi, CALL, data.callForProposals);
  const today = todayInBatam();
  if (data.sourceChannel === UNIT_INITIATIVE) {
    // Its own initiative answers no call, open or not.
    if (callId !== undefined && callId !== null) {
      refuse('callForProposals', formatBilingual({ id: 'Usulan atas inisiatif unit tidak menjawab panggilan usulan', en: "A proposal on the unit's own initiative answers no call for proposals" }));
    }
  } else if (callId === undefined || callId === null) {
    const calls = (await strapi.db.query(CALL).findMany({ select: ['id', 'title', 'deadline'] })) as Array<Row & { deadline: string }>;
    const open = pickOpenCall(calls, today);
    if (!open) refuse('callForProposals', formatBilingual({ id: 'Tidak ada panggilan usulan yang sedang dibuka', en: 'No call for proposals is open' }));
    data.callForProposals = open!.id;
  } else {
    const call = await loadCall(strapi, callId);
    if (call && !isCallOpen(call.deadline as string, today)) refuse('callForProposals', callClosedMessage(call as Row & { deadline: string }));
  }
  await refuseForeignAttachments(strapi, actor, data.attachments, null);
};

const loadStored = async (strapi: Core.Strapi, documentId: string) =>
  (await strapi.db.query(PROPOSAL).findOne({
    where: { documentId },
    populate: { unit: { select: ['id'] }, callForProposals: { select: ['id', 'title', 'deadline'] }, attachments: { select: ['id'] } },
  })) as Row | null;

const guardUnitUpdate = async (strapi: Core.Strapi, actor: Actor, stored: Row, data: Record<string, unknown>) => {
  const changed = await changedFields(strapi, PROPOSAL, stored.id, data);
  throwFieldErrors(checkUnitProposalWrite({ fields: changed, storedState: stored.workflowState as string }));
  if (changed.includes('unit')) {
    const unitId = await resolveRefId(strapi, 'api::unit.unit', data.unit);
    if (unitId === null || unitId === undefined || !inScope(actor, unitId)) {
      refuse('unit', formatBilingual({ id: 'Unit pengusul harus unit Anda sendiri', en: 'The proposing unit must be your own unit' }));
    }
  }
  if (changed.includes('callForProposals')) {
    const callId = await resolveRefId(strapi, CALL, data.callForProposals);
    const call = callId ? await loadCall(strapi, callId) : null;
    if (!call) refuse('callForProposals', formatBilingual({ id: 'Usulan unit harus menjawab panggilan usulan', en: "A unit's proposal answers a call for proposals" }));
    if (!isCallOpen(call!.deadline as string, todayInBatam())) refuse('callForProposals', callClosedMessage(call as Row & { deadline: string }));
  }
  // Whatever `changedFields` makes of the shape: the rule reads every shape itself.
  await refuseForeignAttachments(strapi, actor, data.attachments, stored);
};

/** Submitting (draft → submitted) needs the call, if any, to be open today. */
const guardDeadline = async (strapi: Core.Strapi, stored: Row, data: Record<string, unknown>) => {
  if (stored.workflowState !== 'draft' || data.workflowState !== 'submitted') return;
  const callId = data.callForProposals !== undefined ? await resolveRefId(strapi, CALL, data.callForProposals) : (stored.callForProposals as Row | null)?.id;
  const call = callId ? await loadCall(strapi, callId) : null;
  if (call && !isCallOpen(call.deadline as string, todayInBatam())) refuse('workflowState', callClosedMessage(call as Row & { deadline: string }));
};

export const registerProposalIntake = (strapi: Core.Strapi) => {
  const middleware = async (context: { uid: string; action: string; params: Params }, next: () => Promise<unknown>) => {
    if (currentWriteContext().system) return next();
    const { action, params } = context;
    const actor = await resolveActor(strapi);
    const scoped = isUnitScoped(actor);

    if (scopeUnitRead(actor, action, params)) return next();
    const data = (params.data ?? {}) as Record<string, unknown>;
    const partnerChoice = scoped && (action === 'create' || action === 'update') ? unitPartnerChoice() : undefined;
    if (partnerChoice) data.partner = partnerChoice.partner;
    if (action === 'create') {
      if (scoped) await guardUnitCreate(strapi, actor, data);
      params.data = data;
      return next();
    }
    if (action === 'update' || action === 'delete') {
      const stored = params.documentId ? await loadStored(strapi, params.documentId) : null;
      if (!stored) return next();
      if (scoped && !inScope(actor, (stored.unit as Row | null)?.id)) throw notFound();
      if (action === 'update') {
        params.data = data;
        if (scoped) await guardUnitUpdate(strapi, actor, stored, data);
        await guardDeadline(strapi, stored, data);
      }
      return next();
    }
    return next();
  };
  useForTypes(strapi, { [PROPOSAL]: middleware as unknown as DocumentHandler });
};
