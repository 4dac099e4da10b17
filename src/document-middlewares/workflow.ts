import type { Core, UID } from '@strapi/strapi';
import { checkTransition, getWorkflow, initialState, isFrozen, isProgramItemFrozen, isWorkflowType, type WorkflowUid } from '../domain/workflow';
import type { Actor } from '../domain/roles';
import { formatBilingual } from '../domain/bilingual';
import { resolveActor } from '../workflow/actor';
import { changedFields } from '../workflow/changes';
import { refuse, workflowConflict } from '../workflow/errors';
import { transitionFacts } from '../workflow/facts';
import { appendTransitionLog, TRANSITION_LOG_UID } from '../workflow/transition-log';
import { currentWriteContext } from '../workflow/write-context';
import { parseToOneChange } from './relation-input';
import { programSnapshot, syncPartnerListing, partnerListingRefusal } from '../workflow/effects';

type Row = Record<string, unknown> & { id: number; documentId: string };
type Params = Record<string, unknown> & { documentId?: string; data?: Record<string, unknown>; status?: string };
interface MiddlewareContext {
  uid: string;
  action: string;
  params: Params;
}

const STATE = 'workflowState';
const PARTNER = 'api::partner.partner';
const PROGRAM = 'api::annual-program.annual-program';
const PROGRAM_ITEM = 'api::program-item.program-item';

/** Fields the workflow itself maintains; nobody types them in. */
export const DERIVED_FIELDS: Partial<Record<WorkflowUid, string[]>> = {
  [PROGRAM]: ['approvedAt', 'approvedBy', 'approvedSnapshot', 'revisionNumber'],
  'api::meeting-minute.meeting-minute': ['finalizedAt'],
  'api::evaluation-report.evaluation-report': ['finalizedAt'],
};

const frozenMessage = (uid: string, state: string, fields: string[]) => {
  const machine = getWorkflow(uid)!;
  const label = machine.states.find((s) => s.name === state)?.labels ?? { id: state, en: state };
  return formatBilingual({
    id: `${machine.labels.id} berstatus "${label.id}" dan tidak dapat diubah (${fields.join(', ')})${uid === PROGRAM ? '; buka revisi dengan alasan terlebih dahulu' : ''}`,
    en: `${machine.labels.en} is "${label.en}" and cannot be changed (${fields.join(', ')})${uid === PROGRAM ? '; open a revision with a reason first' : ''}`,
  });
};

/** Reads the stored version, locking its row on PostgreSQL so racing transitions queue up. */
const loadForUpdate = async (strapi: Core.Strapi, uid: WorkflowUid, documentId: string): Promise<Row | null> => {
  const hasDraftAndPublish = Boolean(strapi.contentTypes[uid].options?.draftAndPublish);
  if (strapi.db.dialect.client === 'postgres') {
    await strapi.db.queryBuilder(uid).select('id').where({ documentId }).forUpdate().execute();
  }
  return (await strapi.db.query(uid).findOne({
    where: { documentId, ...(hasDraftAndPublish ? { publishedAt: null } : {}) },
  })) as Row | null;
};

const refuseDerivedWrites = async (strapi: Core.Strapi, uid: WorkflowUid, data: Record<string, unknown>, stored?: Row) => {
  if (currentWriteContext().system) return;
  const derived = DERIVED_FIELDS[uid] ?? [];
  const written = stored
    ? await changedFields(strapi, uid as UID.ContentType, stored.id, Object.fromEntries(derived.filter((f) => f in data).map((f) => [f, data[f]])))
    : derived.filter((field) => data[field] !== undefined && data[field] !== null);
  if (written.length) {
    refuse(written[0], formatBilingual({ id: 'Kolom ini diisi oleh sistem alur kerja', en: 'This field is maintained by the workflow' }));
  }
};

const guardCreate = async (strapi: Core.Strapi, uid: WorkflowUid, params: Params, next: () => Promise<unknown>) => {
  const data = params.data ?? {};
  await refuseDerivedWrites(strapi, uid, data);
  const initial = initialState(uid);
  const state = data[STATE];
  if (state !== undefined && state !== initial && !currentWriteContext().system) {
    refuse(STATE, formatBilingual({
      id: `Rekaman baru dimulai dengan status "${initial}"; ubah status melalui transisi`,
      en: `A new record starts in "${initial}"; change its state through a transition`,
    }));
  }
  if (uid === PROGRAM_ITEM) await refuseItemOfFrozenProgram(strapi, data.program);
  return next();
};

const refuseItemOfFrozenProgram = async (strapi: Core.Strapi, programRef: unknown) => {
  if (programRef === undefined || programRef === null || currentWriteContext().system) return;
  const change = parseToOneChange(programRef);
  if (change.kind !== 'set') return;
  const where = 'id' in change.ref ? { id: change.ref.id } : { documentId: change.ref.documentId };
  const program = (await strapi.db.query(PROGRAM).findOne({ where })) as Row | null;
  if (program && isProgramItemFrozen(program[STATE] as string)) {
    refuse('program', frozenMessage(PROGRAM, program[STATE] as string, ['items']));
  }
};

const guardUpdate = async (strapi: Core.Strapi, uid: WorkflowUid, params: Params, next: () => Promise<unknown>) => {
  const data = params.data ?? {};
  const documentId = params.documentId;
  if (!documentId) return next();

  const stored = await loadForUpdate(strapi, uid, documentId);
  if (!stored) return next();
  await refuseDerivedWrites(strapi, uid, data, stored);
  const from = stored[STATE] as string;
  const to = data[STATE] as string | undefined;
  const context = currentWriteContext();

  if (to === undefined || to === from) {
    if (context.expectedFrom && context.expectedFrom !== from) throw conflict(uid, from, context.expectedFrom);
    // Two identical requests without `from`: the second finds the record already moved (the row
    // lock made it wait on PostgreSQL); answering it with a silent no-op would report a second success.
    if (context.transitionRequested && to === from) throw alreadyInState(uid, from);
    await refuseFrozenEdit(strapi, uid, stored, data);
    if (uid === PROGRAM_ITEM) await refuseItemOfFrozenProgram(strapi, data.program);
    const result = await next();
    if (uid === PARTNER) await syncPartnerListing(strapi, documentId);
    return result;
  }

  if (context.expectedFrom && context.expectedFrom !== from) throw conflict(uid, from, context.expectedFrom);
  const actor = await resolveActor(strapi);
  const facts = await transitionFacts(strapi, uid, stored, data);
  const check = checkTransition({ uid, from, to, actor, reason: context.reason, context: facts });
  if (!check.ok) refuse(STATE, check.message, { code: check.code, from, to }, check.fieldErrors);
  if (check.ok === false) return undefined;

  // Leaving a frozen state (e.g. opening a revision) changes the state only.
  if (isFrozen(uid, from)) await refuseFrozenEdit(strapi, uid, stored, data);
  const snapshot = await applyTransitionEffects(strapi, uid, stored, to, actor, data);
  const result = await next();
  await appendTransitionLog(strapi, {
    recordType: uid,
    recordDocumentId: documentId,
    fromState: from,
    toState: to,
    transition: check.transition.name,
    actor,
    reason: context.reason,
    snapshot,
  });
  if (uid === PARTNER) await syncPartnerListing(strapi, documentId);
  return result;
};

const conflict = (uid: string, current: string, expected: string) =>
  workflowConflict(
    formatBilingual({
      id: `Konflik: ${getWorkflow(uid)!.labels.id} sudah berstatus "${current}", bukan "${expected}"; orang lain telah bertindak lebih dahulu`,
      en: `Conflict: ${getWorkflow(uid)!.labels.en} is already "${current}", not "${expected}"; someone else acted first`,
    }),
    { current, expected },
  );

const alreadyInState = (uid: string, current: string) =>
  workflowConflict(
    formatBilingual({
      id: `Konflik: ${getWorkflow(uid)!.labels.id} sudah berstatus "${current}"; tidak ada yang diubah`,
      en: `Conflict: ${getWorkflow(uid)!.labels.en} is already "${current}"; nothing was changed`,
    }),
    { current, expected: current },
  );

const refuseFrozenEdit = async (strapi: Core.Strapi, uid: WorkflowUid, stored: Row, data: Record<string, unknown>) => {
  if (currentWriteContext().system) return;
  const state = stored[STATE] as string;
  let frozenBy: { uid: string; state: string } | null = isFrozen(uid, state) ? { uid, state } : null;
  if (!frozenBy && uid === PROGRAM_ITEM) {
    const row = (await strapi.db.query(PROGRAM_ITEM).findOne({ where: { id: stored.id }, populate: { program: true } })) as Row | null;
    const programState = (row?.program as Row | null)?.[STATE] as string | undefined;
    if (programState && isProgramItemFrozen(programState)) frozenBy = { uid: PROGRAM, state: programState };
  }
  if (!frozenBy) return;
  const changed = await changedFields(strapi, uid as UID.ContentType, stored.id, data, [STATE, ...(DERIVED_FIELDS[uid] ?? [])]);
  if (changed.length) refuse(changed[0], frozenMessage(frozenBy.uid, frozenBy.state, changed));
};

/** Fields the transition itself sets: approval record, revision number, finalisation time. */
const applyTransitionEffects = async (
  strapi: Core.Strapi,
  uid: WorkflowUid,
  stored: Row,
  to: string,
  actor: Actor,
  data: Record<string, unknown>,
): Promise<unknown> => {
  const now = new Date().toISOString();
  if (uid === PROGRAM && to === 'approved') {
    const snapshot = await programSnapshot(strapi, stored.id);
    Object.assign(data, { approvedAt: now, approvedBy: actor.name ?? actor.kind, approvedSnapshot: snapshot });
    return snapshot;
  }
  if (uid === PROGRAM && to === 'revision_opened') {
    data.revisionNumber = Number(stored.revisionNumber ?? 0) + 1;
  }
  if ((uid === 'api::meeting-minute.meeting-minute' || uid === 'api::evaluation-report.evaluation-report') && to === 'final') {
    data.finalizedAt = now;
  }
  return undefined;
};

/** Draft & publish of a partner is its public listing: only the listing rule may change it. */
const guardPartnerPublication = async (strapi: Core.Strapi, action: string, params: Params, next: () => Promise<unknown>) => {
  const documentId = params.documentId;
  if (!documentId) return next();
  const refusal = await partnerListingRefusal(strapi, documentId, action === 'unpublish' || action === 'discardDraft' ? action : 'publish');
  if (refusal) refuse(STATE, refusal);
  return next();
};

const guardDelete = async (strapi: Core.Strapi, uid: WorkflowUid, params: Params, next: () => Promise<unknown>) => {
  if (uid === PROGRAM_ITEM && params.documentId) {
    const row = (await strapi.db.query(PROGRAM_ITEM).findOne({ where: { documentId: params.documentId }, populate: { program: true } })) as Row | null;
    const programState = (row?.program as Row | null)?.[STATE] as string | undefined;
    if (programState && isProgramItemFrozen(programState)) refuse('program', frozenMessage(PROGRAM, programState, ['items']));
  }
  return next();
};

/**
 * REST and GraphQL create and update publish by default. A partner's publication is its public
 * listing and follows the listing rule, so such writes save the draft and the rule publishes.
 */
const keepPartnerWriteAsDraft = (params: Params) => {
  if (params.status === 'published' && !currentWriteContext().system) params.status = 'draft';
};

/** The transition log is append-only: only the workflow middleware adds to it, nobody edits it. */
const guardTransitionLog = (action: string, next: () => Promise<unknown>) => {
  if (['findOne', 'findMany', 'findFirst', 'count'].includes(action)) return next();
  if (action === 'create' && currentWriteContext().appendingTransitionLog) return next();
  return refuse('transitionLog', formatBilingual({
    id: 'Log transisi hanya dapat ditambah oleh alur kerja dan tidak dapat diubah atau dihapus',
    en: 'The transition log is written only by the workflow and cannot be edited or deleted',
  }));
};

type DocumentMiddleware = Parameters<Core.Strapi['documents']['use']>[0];

export const registerWorkflowRules = (strapi: Core.Strapi) => {
  const middleware = async (ctx: unknown, next: () => Promise<unknown>) => {
    const { uid, action, params } = ctx as MiddlewareContext;
    if (uid === TRANSITION_LOG_UID) return guardTransitionLog(action, next);
    if (!isWorkflowType(uid)) return next();
    switch (action) {
      case 'create':
        if (uid === PARTNER) keepPartnerWriteAsDraft(params);
        return guardCreate(strapi, uid, params, next);
      case 'update':
        if (uid === PARTNER) keepPartnerWriteAsDraft(params);
        return strapi.db.transaction(() => guardUpdate(strapi, uid, params, next));
      case 'publish':
      case 'unpublish':
      case 'discardDraft':
        return uid === PARTNER ? guardPartnerPublication(strapi, action, params, next) : next();
      case 'delete':
        return guardDelete(strapi, uid, params, next);
      default:
        return next();
    }
  };
  strapi.documents.use(middleware as DocumentMiddleware);
};
