import type { Core, UID } from '@strapi/strapi';
import { checkTransition, getWorkflow, isFrozen, type WorkflowMachine, type WorkflowUid } from '../domain/workflow';
import { formatBilingual } from '../domain/bilingual';
import { resolveActor } from '../workflow/actor';
import { applyAfterEffects, applyFieldEffects, assertAdaptersComplete, ADAPTERS, transitionFacts } from '../workflow/adapters';
import { changedFields } from '../workflow/changes';
import type { PublicationAction } from '../workflow/effects';
import { refuse, workflowConflict } from '../workflow/errors';
import { appendTransitionLog, TRANSITION_LOG_UID } from '../workflow/transition-log';
import { currentWriteContext } from '../workflow/write-context';
import { parseToOneChange } from './relation-input';

/*
 * The Document Service side of every workflow: one loop over the spec of the record's type
 * (src/domain/workflow): its initial and creatable states, derived fields, what freezes it (its
 * own states or its parent's), its transitions with their guards and effects, and whether its
 * publication is the workflow's. Nothing here names a content type; the adapter of each type
 * (src/workflow/adapters.ts) supplies the facts and the type-specific effects.
 */

type Row = Record<string, unknown> & { id: number; documentId: string };
type Params = Record<string, unknown> & { documentId?: string; data?: Record<string, unknown>; status?: string };
interface MiddlewareContext {
  uid: string;
  action: string;
  params: Params;
}

const STATE = 'workflowState';

const frozenMessage = (uid: string, state: string, fields: readonly string[]) => {
  const machine = getWorkflow(uid)!;
  const label = machine.states.find((s) => s.name === state)?.labels ?? { id: state, en: state };
  const hint = machine.unfreezeHint;
  return formatBilingual({
    id: `${machine.labels.id} berstatus "${label.id}" dan tidak dapat diubah (${fields.join(', ')})${hint ? `; ${hint.id}` : ''}`,
    en: `${machine.labels.en} is "${label.en}" and cannot be changed (${fields.join(', ')})${hint ? `; ${hint.en}` : ''}`,
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

const refuseDerivedWrites = async (strapi: Core.Strapi, machine: WorkflowMachine, data: Record<string, unknown>, stored?: Row) => {
  if (currentWriteContext().system) return;
  const derived = machine.derivedFields;
  const written = stored
    ? await changedFields(strapi, machine.uid as UID.ContentType, stored.id, Object.fromEntries(derived.filter((f) => f in data).map((f) => [f, data[f]])))
    : derived.filter((field) => data[field] !== undefined && data[field] !== null);
  if (written.length) {
    refuse(written[0], formatBilingual({ id: 'Kolom ini diisi oleh sistem alur kerja', en: 'This field is maintained by the workflow' }));
  }
};

const guardCreate = async (strapi: Core.Strapi, machine: WorkflowMachine, params: Params, next: () => Promise<unknown>) => {
  const data = params.data ?? {};
  await refuseDerivedWrites(strapi, machine, data);
  const state = data[STATE];
  if (state !== undefined && !(machine.creatableStates as readonly unknown[]).includes(state) && !currentWriteContext().system) {
    refuse(STATE, formatBilingual({
      id: `Rekaman baru dimulai dengan status "${machine.initial}"; ubah status melalui transisi`,
      en: `A new record starts in "${machine.initial}"; change its state through a transition`,
    }));
  }
  await refuseChildOfFrozenParent(strapi, machine, data);
  return next();
};

/** A record frozen by its parent cannot be attached to a frozen parent either (an item added to a submitted program). */
const refuseChildOfFrozenParent = async (strapi: Core.Strapi, machine: WorkflowMachine, data: Record<string, unknown>) => {
  const parent = machine.frozenByParent;
  const parentRef = parent ? data[parent.relation] : undefined;
  if (!parent || parentRef === undefined || parentRef === null || currentWriteContext().system) return;
  const change = parseToOneChange(parentRef);
  if (change.kind !== 'set') return;
  const where = 'id' in change.ref ? { id: change.ref.id } : { documentId: change.ref.documentId };
  const row = (await strapi.db.query(parent.uid).findOne({ where })) as Row | null;
  if (row && isFrozen(parent.uid, row[STATE] as string)) {
    refuse(parent.relation, frozenMessage(parent.uid, row[STATE] as string, [parent.part]));
  }
};

/** The state of the parent that can freeze this record (a program item's annual program), if any. */
const parentStateOf = async (strapi: Core.Strapi, machine: WorkflowMachine, where: Record<string, unknown>): Promise<string | undefined> => {
  const parent = machine.frozenByParent;
  if (!parent) return undefined;
  const row = (await strapi.db.query(machine.uid).findOne({ where, populate: { [parent.relation]: true } })) as Row | null;
  return (row?.[parent.relation] as Row | null)?.[STATE] as string | undefined;
};

const guardUpdate = async (strapi: Core.Strapi, machine: WorkflowMachine, params: Params, next: () => Promise<unknown>) => {
  const { uid } = machine;
  const data = params.data ?? {};
  const documentId = params.documentId;
  if (!documentId) return next();

  const stored = await loadForUpdate(strapi, uid, documentId);
  if (!stored) return next();
  await refuseDerivedWrites(strapi, machine, data, stored);
  const from = stored[STATE] as string;
  const to = data[STATE] as string | undefined;
  const context = currentWriteContext();

  if (to === undefined || to === from) {
    if (context.expectedFrom && context.expectedFrom !== from) throw conflict(uid, from, context.expectedFrom);
    // Two identical requests without `from`: the second finds the record already moved (the row
    // lock made it wait on PostgreSQL); answering it with a silent no-op would report a second success.
    if (context.transitionRequested && to === from) throw alreadyInState(uid, from);
    await refuseFrozenEdit(strapi, machine, stored, data);
    await refuseChildOfFrozenParent(strapi, machine, data);
    const result = await next();
    await applyAfterEffects(strapi, uid, machine.editEffects, documentId);
    return result;
  }

  if (context.expectedFrom && context.expectedFrom !== from) throw conflict(uid, from, context.expectedFrom);
  const actor = await resolveActor(strapi);
  const facts = await transitionFacts(strapi, uid as UID.ContentType, stored, data);
  const check = checkTransition({ uid, from, to, actor, reason: context.reason, context: facts });
  if (!check.ok) refuse(STATE, check.message, { code: check.code, from, to }, check.fieldErrors);
  if (check.ok === false) return undefined;

  // Leaving a frozen state (e.g. opening a revision) changes the state only.
  if (isFrozen(uid, from)) await refuseFrozenEdit(strapi, machine, stored, data);
  const { effects } = check.transition;
  const snapshot = await applyFieldEffects(effects, { strapi, uid, stored, data, actor });
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
  await applyAfterEffects(strapi, uid, effects, documentId);
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

const refuseFrozenEdit = async (strapi: Core.Strapi, machine: WorkflowMachine, stored: Row, data: Record<string, unknown>) => {
  if (currentWriteContext().system) return;
  const { uid, frozenByParent } = machine;
  const state = stored[STATE] as string;
  let frozenBy: { uid: string; state: string } | null = isFrozen(uid, state) ? { uid, state } : null;
  if (!frozenBy && frozenByParent) {
    const parentState = await parentStateOf(strapi, machine, { id: stored.id });
    if (parentState && isFrozen(frozenByParent.uid, parentState)) frozenBy = { uid: frozenByParent.uid, state: parentState };
  }
  if (!frozenBy) return;
  const changed = await changedFields(strapi, uid as UID.ContentType, stored.id, data, [STATE, ...machine.derivedFields]);
  if (changed.length) refuse(changed[0], frozenMessage(frozenBy.uid, frozenBy.state, changed));
};

/** Draft & publish of such a type (a partner) is its public listing: only the listing rule may change it. */
const guardPublication = async (strapi: Core.Strapi, machine: WorkflowMachine, action: PublicationAction, params: Params, next: () => Promise<unknown>) => {
  const documentId = params.documentId;
  if (!documentId) return next();
  const refusal = await ADAPTERS[machine.uid].publicationRefusal!(strapi, documentId, action);
  if (refusal) refuse(STATE, refusal);
  return next();
};

const guardDelete = async (strapi: Core.Strapi, machine: WorkflowMachine, params: Params, next: () => Promise<unknown>) => {
  const parent = machine.frozenByParent;
  if (parent && params.documentId) {
    const parentState = await parentStateOf(strapi, machine, { documentId: params.documentId });
    if (parentState && isFrozen(parent.uid, parentState)) refuse(parent.relation, frozenMessage(parent.uid, parentState, [parent.part]));
  }
  return next();
};

/**
 * REST and GraphQL create and update publish by default. Where publication is the workflow's (a
 * partner's public listing), such writes save the draft and the listing rule publishes.
 */
const keepWriteAsDraft = (params: Params) => {
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

/** Content types with a rule of their own here besides the workflows: the append-only log. */
const APPEND_ONLY: ReadonlyMap<string, (action: string, next: () => Promise<unknown>) => unknown> = new Map([[TRANSITION_LOG_UID, guardTransitionLog]]);

export const registerWorkflowRules = (strapi: Core.Strapi) => {
  assertAdaptersComplete();
  const middleware = async (ctx: unknown, next: () => Promise<unknown>) => {
    const { uid, action, params } = ctx as MiddlewareContext;
    const appendOnly = APPEND_ONLY.get(uid);
    if (appendOnly) return appendOnly(action, next);
    const machine = getWorkflow(uid);
    if (!machine) return next();
    switch (action) {
      case 'create':
        if (machine.publicationByWorkflow) keepWriteAsDraft(params);
        return guardCreate(strapi, machine, params, next);
      case 'update':
        if (machine.publicationByWorkflow) keepWriteAsDraft(params);
        return strapi.db.transaction(() => guardUpdate(strapi, machine, params, next));
      case 'publish':
      case 'unpublish':
      case 'discardDraft':
        return machine.publicationByWorkflow ? guardPublication(strapi, machine, action, params, next) : next();
      case 'delete':
        return guardDelete(strapi, machine, params, next);
      default:
        return next();
    }
  };
  strapi.documents.use(middleware as DocumentMiddleware);
};
