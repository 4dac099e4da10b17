import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { availableTransitions, blockedTransitions, getWorkflow, isWorkflowType, workflowLists } from '../domain/workflow';
import type { Actor } from '../domain/roles';
import { formatBilingual } from '../domain/bilingual';
import { parseInput } from '../http/validate';
import { transitionBody } from '../contracts/schemas/workflow';
import { transitionFacts } from './adapters';
import { transitionHistory } from './transition-log';
import { withWriteContext } from './write-context';

type Row = Record<string, unknown> & { id: number; documentId: string };

const assertWorkflowUid = (uid: string): UID.ContentType => {
  if (!isWorkflowType(uid)) {
    throw new errors.NotFoundError(formatBilingual({ id: `${uid} tidak memiliki alur kerja`, en: `${uid} has no workflow` }));
  }
  return uid as UID.ContentType;
};

const loadDraft = async (strapi: Core.Strapi, uid: UID.ContentType, documentId: string): Promise<Row> => {
  const hasDraftAndPublish = Boolean(strapi.contentTypes[uid].options?.draftAndPublish);
  const row = (await strapi.db.query(uid).findOne({
    where: { documentId, ...(hasDraftAndPublish ? { publishedAt: null } : {}) },
  })) as Row | null;
  if (!row) throw new errors.NotFoundError(formatBilingual({ id: 'Rekaman tidak ditemukan', en: 'Record not found' }));
  return row;
};

/**
 * Current state, its history and the moves this actor may make now (what the panel shows), with
 * the type's lists from its spec (editable and unit-editable states, derived fields) so that
 * pages read them instead of spelling them out, and the derived fields' current values.
 */
export const describeWorkflow = async (strapi: Core.Strapi, uid: string, documentId: string, actor: Actor) => {
  const contentType = assertWorkflowUid(uid);
  const machine = getWorkflow(uid)!;
  const record = await loadDraft(strapi, contentType, documentId);
  const state = record.workflowState as string;
  const facts = await transitionFacts(strapi, contentType, record, {});
  return {
    uid,
    documentId,
    state,
    stateLabels: machine.states.find((s) => s.name === state)?.labels ?? { id: state, en: state },
    states: machine.states,
    ...workflowLists(uid),
    available: availableTransitions({ uid, from: state, actor, context: facts }).map((t) => ({
      name: t.name,
      to: t.to,
      labels: t.labels,
      reasonRequired: t.reasonRequired,
      permissions: t.permissions,
    })),
    // Moves the actor's role allows that wait for a condition: the panel names what is missing.
    blocked: blockedTransitions({ uid, from: state, actor, context: facts }).map(({ transition, message, missing }) => ({
      name: transition.name,
      to: transition.to,
      labels: transition.labels,
      needs: message,
      missing: missing.map((field) => field.labels),
    })),
    history: await transitionHistory(strapi, uid, documentId),
    record: machine.derivedFields.length ? Object.fromEntries(machine.derivedFields.map((field) => [field, record[field]])) : undefined,
  };
};

export interface TransitionRequestBody {
  to?: unknown;
  reason?: unknown;
  from?: unknown;
}

/**
 * Moves a record to another state on a person's behalf. The change goes through the Document
 * Service like any other write, so the workflow middleware decides and logs it.
 */
export const requestTransition = async (
  strapi: Core.Strapi,
  { uid, documentId, actor, body }: { uid: string; documentId: string; actor: Actor; body: TransitionRequestBody },
) => {
  const contentType = assertWorkflowUid(uid);
  const { to, reason, from } = parseInput(transitionBody, body);
  const current = await loadDraft(strapi, contentType, documentId);
  const expectedFrom = from ?? (current.workflowState as string);
  await withWriteContext({ actor, reason: reason ?? undefined, expectedFrom, transitionRequested: true }, () =>
    strapi.documents(contentType).update({ documentId, data: { workflowState: to } as never }),
  );
};
