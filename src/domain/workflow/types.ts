import { Bilingual } from '../bilingual';
import { ActorRole } from '../roles';
import type { AnalysisField } from './proposal';

export type WorkflowUid =
  | 'api::proposal.proposal'
  | 'api::annual-program.annual-program'
  | 'api::program-item.program-item'
  | 'api::meeting-minute.meeting-minute'
  | 'api::evaluation-report.evaluation-report'
  | 'api::partner.partner'
  | 'api::satisfaction-survey.satisfaction-survey'
  | 'api::activity-report.activity-report';

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
  | 'withdraw_listing'
  | 'open'
  | 'reopen'
  | 'verify';

/**
 * What a transition does besides changing the state. The fields an effect writes are the
 * machine's derived fields (nobody types them in); type-specific effects (`snapshot`,
 * `listing_sync`) are implemented by the content type's adapter (src/workflow/adapters.ts).
 */
export type EffectName =
  /** `approvedAt` and `approvedBy`: who approved, when. */
  | 'approval_record'
  /** `approvedSnapshot`: the approved version, readable after a revision opens; also kept in the log entry. */
  | 'snapshot'
  /** `revisionNumber` counts the revisions opened. */
  | 'revision_number'
  /** `finalizedAt`: when the record became final. */
  | 'finalisation_time'
  /**
   * `figures` of the evaluation report: computed once more and stored as the transition saves, so a
   * final report keeps the figures of the moment it became final (whichever door finalised it).
   * The report's own routes also write a draft's figures, so `figures` is not a derived field.
   */
  | 'frozen_figures'
  /** `verifiedAt`: when Humas verified the record (an activity report). */
  | 'verification_time'
  /** After the write: the public listing (Strapi's published version) follows the listing rule. */
  | 'listing_sync';

/**
 * Admin permissions (keys of the plugin's PLUGIN_ACTIONS) a transition asks of an admin user on
 * the planning pages, any one of them sufficing. The workflow table (roles) still decides.
 */
export type WorkflowPermission = 'manageProgram' | 'approveProgram';

/** A record frozen by its parent's state: a program item while its annual program is submitted, approved or closed. */
export interface ParentFreeze {
  /** The parent's workflow; its frozen states freeze the child. */
  uid: WorkflowUid;
  /** The to-one relation of the child naming the parent (and the path of a refusal). */
  relation: string;
  /** What of the parent the child is, named in the refusal ("items"). */
  part: string;
}

/** What a unit user (Users & Permissions) may edit on its own unit's record, and in which states. */
export interface UnitEdits<S extends string = string> {
  states: readonly S[];
  fields: readonly string[];
}

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
  /** Effects, in order; field-writing effects run before the write, `listing_sync` after it. */
  effects: readonly EffectName[];
  /** Admin permissions asked by the planning pages (any one); empty: none beyond the table. */
  permissions: readonly WorkflowPermission[];
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
  /** Its own states minus the frozen ones: where its content may be edited. */
  editableStates: readonly S[];
  /** States a new record may be created in (the initial state unless the spec says more). */
  creatableStates: readonly S[];
  /** Frozen also by its parent's state (program items by their annual program). */
  frozenByParent?: ParentFreeze;
  /** How to get out of a frozen state, added to the refusal of an edit (lower case). */
  unfreezeHint?: Bilingual;
  /** What a unit may edit on its own records; none when absent. */
  unitEdits?: UnitEdits<S>;
  /** Fields the workflow maintains (written by the transitions' effects), never typed in. */
  derivedFields: readonly string[];
  /** Effects after every write that is not a transition (a partner's listing is refreshed). */
  editEffects: readonly EffectName[];
  /** Strapi's draft & publish of this type is the workflow's business: only `listing_sync` publishes. */
  publicationByWorkflow: boolean;
  transitions: readonly TransitionDefinition<S>[];
}
