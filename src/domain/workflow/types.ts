import { Bilingual } from '../bilingual';
import { ActorRole } from '../roles';
import type { AnalysisField } from './proposal';

export type WorkflowUid =
  | 'api::proposal.proposal'
  | 'api::annual-program.annual-program'
  | 'api::program-item.program-item'
  | 'api::meeting-minute.meeting-minute'
  | 'api::evaluation-report.evaluation-report'
  | 'api::partner.partner';

export type TransitionName =
  | 'submit'
  | 'review'
  | 'request_revision'
  | 'resubmit'
  | 'recommend'
  | 'approve'
  | 'reject'
  | 'withdraw'
  | 'return'
  | 'open_revision'
  | 'close'
  | 'start'
  | 'finish'
  | 'cancel'
  | 'finalize'
  | 'propose'
  | 'withdraw_listing';

/**
 * Facts about the record that the caller looks up before asking whether a transition may fire,
 * so that guards stay pure. A fact a guard needs but the caller left out counts as not met.
 */
export interface TransitionContext {
  /** Proposal: the analysis fields Humas has not written yet (none: the analysis is complete). */
  missingAnalysisFields?: readonly AnalysisField[];
  /** Annual program: the workflow state of each of its program items. */
  itemStates?: readonly string[];
  /** Partner: how many of its agreements are active or expiring today. */
  activeAgreementCount?: number;
  /** The unit that owns the record, for the "own unit only" rule of unit users. */
  recordUnitId?: string | number | null;
  /** Program item: the workflow state of the annual program it belongs to. */
  programState?: string | null;
}

export interface Guard {
  holds: (context: TransitionContext) => boolean;
  /** Why the transition is refused while the guard does not hold (lower case: it follows a colon). */
  message: Bilingual;
  /** The fields whose absence makes it fail, named in the refusal (`path` below the record). */
  missingFields?: (context: TransitionContext) => readonly { path: string[]; labels: Bilingual }[];
}

export interface TransitionDefinition<S extends string = string> {
  from: S;
  to: S;
  name: TransitionName;
  /** Roles that may fire it; `unit` only on records of the actor's own unit. */
  roles: readonly ActorRole[];
  reasonRequired: boolean;
  guard?: Guard;
  labels: Bilingual;
}

export interface StateDefinition<S extends string = string> {
  name: S;
  labels: Bilingual;
}

export interface WorkflowMachine<S extends string = string> {
  uid: WorkflowUid;
  /** The attribute holding the state (`status` is reserved by Strapi 5). */
  stateField: 'workflowState';
  /** What the record is called, as the subject of a sentence. */
  labels: Bilingual;
  states: readonly StateDefinition<S>[];
  initial: S;
  /** States in which the record's content may no longer be changed. */
  frozenStates: readonly S[];
  transitions: readonly TransitionDefinition<S>[];
}
