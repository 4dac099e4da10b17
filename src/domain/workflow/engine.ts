/**
 * Enforces the workflow tables: whether an actor may move a record from one state to another,
 * and which moves an actor may make now. Both answers come from the same checks.
 */
import { Bilingual, formatBilingual } from '../bilingual';
import { Actor, hasRole, isMemberOfUnit, ROLE_LABELS } from '../roles';
import { activityReportWorkflow } from './activity-report';
import { annualProgramWorkflow } from './annual-program';
import { evaluationReportWorkflow } from './evaluation-report';
import { meetingMinuteWorkflow } from './meeting-minute';
import { partnerListingWorkflow } from './partner';
import { programItemWorkflow } from './program-item';
import { proposalWorkflow } from './proposal';
import { satisfactionSurveyWorkflow } from './satisfaction-survey';
import { fieldError, FieldError } from '../validation';
import { Guard, TransitionContext, TransitionDefinition, UnitEdits, WorkflowMachine, WorkflowPermission, WorkflowUid } from './types';

export const WORKFLOWS: Readonly<Record<WorkflowUid, WorkflowMachine>> = {
  'api::proposal.proposal': proposalWorkflow,
  'api::annual-program.annual-program': annualProgramWorkflow,
  'api::program-item.program-item': programItemWorkflow,
  'api::meeting-minute.meeting-minute': meetingMinuteWorkflow,
  'api::evaluation-report.evaluation-report': evaluationReportWorkflow,
  'api::partner.partner': partnerListingWorkflow,
  'api::satisfaction-survey.satisfaction-survey': satisfactionSurveyWorkflow,
  'api::activity-report.activity-report': activityReportWorkflow,
};

export function isWorkflowType(uid: string): uid is WorkflowUid {
  return Object.prototype.hasOwnProperty.call(WORKFLOWS, uid);
}

export function getWorkflow(uid: string): WorkflowMachine | undefined {
  return isWorkflowType(uid) ? WORKFLOWS[uid] : undefined;
}

/** The state a new record starts in; throws for a content type without a workflow. */
export function initialState(uid: string): string {
  const machine = getWorkflow(uid);
  if (!machine) throw new RangeError(`${uid} has no workflow`);
  return machine.initial;
}

/** True when a record in this state may no longer be changed (final minutes, a submitted program…). */
export function isFrozen(uid: string, state: string | null | undefined): boolean {
  const machine = getWorkflow(uid);
  return !!machine && !!state && machine.frozenStates.includes(state);
}

/** What a unit may edit on its own records of this type; nothing for a type without `unitEdits`. */
export function unitEdits(uid: string): UnitEdits {
  return getWorkflow(uid)?.unitEdits ?? { states: [], fields: [] };
}

/** The lists the doors and pages read instead of spelling states out (served by describeWorkflow). */
export interface WorkflowLists {
  /** States in which the record's content may be edited (not frozen). */
  editableStates: readonly string[];
  frozenStates: readonly string[];
  /** States in which a unit may edit its own record (none for most types). */
  unitEditableStates: readonly string[];
  /** Fields the workflow writes itself. */
  derivedFields: readonly string[];
}

export function workflowLists(uid: string): WorkflowLists {
  const machine = getWorkflow(uid);
  if (!machine) throw new RangeError(`${uid} has no workflow`);
  return {
    editableStates: machine.editableStates,
    frozenStates: machine.frozenStates,
    unitEditableStates: unitEdits(uid).states,
    derivedFields: machine.derivedFields,
  };
}

/**
 * The admin permissions (any one) the planning pages ask for the move `from` → `to`; a move
 * that is not in the table asks for `fallback` (the workflow then refuses it with its reason).
 */
export function transitionPermissions(
  uid: string,
  from: string,
  to: string,
  fallback: readonly WorkflowPermission[],
): readonly WorkflowPermission[] {
  const transition = getWorkflow(uid)?.transitions.find((t) => t.from === from && t.to === to);
  return transition?.permissions.length ? transition.permissions : fallback;
}

/** True for a known state with no way out (an approved, rejected or withdrawn proposal…). */
export function isTerminalState(uid: string, state: string): boolean {
  const machine = getWorkflow(uid);
  return !!machine && isKnownState(machine, state) && !machine.transitions.some((t) => t.from === state);
}

export interface TransitionRequest {
  uid: string;
  from: string;
  to: string;
  actor: Actor;
  reason?: string | null;
  context?: TransitionContext;
}

export type TransitionRefusalCode =
  | 'unknown_workflow'
  | 'unknown_state'
  | 'no_such_transition'
  | 'forbidden_role'
  | 'reason_required'
  | 'guard_failed';

export interface TransitionRefusal {
  ok: false;
  code: TransitionRefusalCode;
  message: string;
  /** The fields a failed guard found missing, each with its own message. */
  fieldErrors?: FieldError[];
}

export type TransitionCheck = { ok: true; transition: TransitionDefinition } | TransitionRefusal;

/** Whether `actor` may move the record from `from` to `to` now; if not, why, in words a user understands. */
export function checkTransition({ uid, from, to, actor, reason, context = {} }: TransitionRequest): TransitionCheck {
  const machine = getWorkflow(uid);
  if (!machine) {
    return refuse('unknown_workflow', { id: `${uid} tidak memiliki alur kerja`, en: `${uid} has no workflow` });
  }
  const unknownState = [from, to].find((state) => !isKnownState(machine, state));
  if (unknownState !== undefined) return refuse('unknown_state', unknownStateMessage(machine, unknownState));

  const transition = machine.transitions.find((t) => t.from === from && t.to === to);
  if (!transition) return refuseMove(machine, from, to, 'no_such_transition', possibleMoves(machine, from));
  if (!actorMayFire(transition, actor, context)) {
    return refuseMove(machine, from, to, 'forbidden_role', whyActorMayNotFire(transition, actor));
  }
  if (transition.reasonRequired && !reason?.trim()) {
    return refuseMove(machine, from, to, 'reason_required', { id: 'alasan wajib diisi', en: 'a reason is required' });
  }
  if (transition.guard && !transition.guard.holds(context)) return refuseGuard(machine, from, to, transition.guard, context);
  return { ok: true, transition };
}

/** The moves `actor` may make from `from` now (a reason, where required, is asked for when firing). */
export function availableTransitions({
  uid,
  from,
  actor,
  context = {},
}: Omit<TransitionRequest, 'to' | 'reason'>): TransitionDefinition[] {
  const machine = getWorkflow(uid);
  if (!machine) return [];
  return machine.transitions.filter(
    (t) => t.from === from && actorMayFire(t, actor, context) && (!t.guard || t.guard.holds(context)),
  );
}

/**
 * The moves from `from` this actor's roles allow but whose guard does not hold yet, each with
 * the guard's message and the missing fields: what the panel shows as "needs ..." instead of
 * hiding the move (Recommend without the analysis, a partner's Approve without an active agreement).
 */
export function blockedTransitions({
  uid,
  from,
  actor,
  context = {},
}: Omit<TransitionRequest, 'to' | 'reason'>): Array<{ transition: TransitionDefinition; message: Bilingual; missing: readonly { path: string[]; labels: Bilingual }[] }> {
  const machine = getWorkflow(uid);
  if (!machine) return [];
  return machine.transitions
    .filter((t) => t.from === from && actorMayFire(t, actor, context) && t.guard && !t.guard.holds(context))
    .map((t) => ({ transition: t, message: t.guard!.message, missing: t.guard!.missingFields?.(context) ?? [] }));
}

/** One of the actor's roles is allowed; the `unit` role counts only on the actor's own unit's records. */
function actorMayFire(transition: TransitionDefinition, actor: Actor, context: TransitionContext): boolean {
  return actor.roles.some(
    (role) => transition.roles.includes(role) && (role !== 'unit' || isMemberOfUnit(actor, context.recordUnitId)),
  );
}

function whyActorMayNotFire(transition: TransitionDefinition, actor: Actor): Bilingual {
  if (hasRole(actor, 'unit') && transition.roles.includes('unit')) {
    return {
      id: 'unit hanya dapat mengubah data milik unitnya sendiri',
      en: "a unit may only act on its own unit's records",
    };
  }
  if (hasRole(actor, 'api_token') && transition.name === 'approve') {
    return {
      id: 'persetujuan harus diberikan oleh orang yang bernama, bukan token API',
      en: 'an approval must be given by a named person, not an API token',
    };
  }
  const allowed = transition.roles.map((role) => ROLE_LABELS[role]);
  return {
    id: `hanya dapat dilakukan oleh ${allowed.map((label) => label.id).join(', ')}`,
    en: `only ${allowed.map((label) => label.en).join(', ')} may do this`,
  };
}

function possibleMoves(machine: WorkflowMachine, from: string): Bilingual {
  const targets = machine.transitions.filter((t) => t.from === from).map((t) => stateLabel(machine, t.to));
  if (targets.length === 0) {
    return { id: 'status ini sudah final', en: 'this state is final' };
  }
  return {
    id: `dari status ini hanya dapat ke ${targets.map((label) => `"${label.id}"`).join(', ')}`,
    en: `from this state it can only go to ${targets.map((label) => `"${label.en}"`).join(', ')}`,
  };
}

function unknownStateMessage(machine: WorkflowMachine, state: string): Bilingual {
  const known = machine.states.map((s) => s.name).join(', ');
  return {
    id: `Status "${state}" tidak dikenal untuk ${lowerFirst(machine.labels.id)}; status yang ada: ${known}`,
    en: `Unknown state "${state}" for ${lowerFirst(machine.labels.en)}; known states: ${known}`,
  };
}

function refuseMove(
  machine: WorkflowMachine,
  from: string,
  to: string,
  code: TransitionRefusalCode,
  why: Bilingual,
): TransitionRefusal {
  const [fromLabel, toLabel] = [stateLabel(machine, from), stateLabel(machine, to)];
  return refuse(code, {
    id: `${machine.labels.id} tidak dapat dipindahkan dari "${fromLabel.id}" ke "${toLabel.id}": ${why.id}`,
    en: `${machine.labels.en} cannot move from "${fromLabel.en}" to "${toLabel.en}": ${why.en}`,
  });
}

/** A failed guard; where it names missing fields, the message lists them and each gets its own field error. */
function refuseGuard(machine: WorkflowMachine, from: string, to: string, guard: Guard, context: TransitionContext): TransitionRefusal {
  const missing = guard.missingFields?.(context) ?? [];
  if (missing.length === 0) return refuseMove(machine, from, to, 'guard_failed', guard.message);
  const refusal = refuseMove(machine, from, to, 'guard_failed', {
    id: `${guard.message.id}; belum diisi: ${missing.map((field) => field.labels.id).join(', ')}`,
    en: `${guard.message.en}; not filled in yet: ${missing.map((field) => field.labels.en).join(', ')}`,
  });
  const fieldErrors = missing.map((field) =>
    fieldError(field.path, { id: `${upperFirst(field.labels.id)} wajib diisi`, en: `${upperFirst(field.labels.en)} is required` }),
  );
  return { ...refusal, fieldErrors };
}

function refuse(code: TransitionRefusalCode, message: Bilingual): TransitionRefusal {
  return { ok: false, code, message: formatBilingual(message) };
}

function isKnownState(machine: WorkflowMachine, state: string): boolean {
  return machine.states.some((s) => s.name === state);
}

function stateLabel(machine: WorkflowMachine, state: string): Bilingual {
  return machine.states.find((s) => s.name === state)?.labels ?? { id: state, en: state };
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
