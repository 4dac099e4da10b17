import { Bilingual } from '../bilingual';
import { ActorRole } from '../roles';
import { EffectName, Guard, ParentFreeze, TransitionName, UnitEdits, WorkflowMachine, WorkflowPermission, WorkflowUid } from './types';

const TRANSITION_LABELS: Readonly<Record<TransitionName, Bilingual>> = {
  submit: { id: 'Ajukan', en: 'Submit' },
  review: { id: 'Mulai tinjauan', en: 'Start review' },
  request_revision: { id: 'Minta revisi', en: 'Request revision' },
  resubmit: { id: 'Ajukan ulang', en: 'Resubmit' },
  recommend: { id: 'Rekomendasikan', en: 'Recommend' },
  approve: { id: 'Setujui', en: 'Approve' },
  reject: { id: 'Tolak', en: 'Reject' },
  withdraw: { id: 'Tarik', en: 'Withdraw' },
  return: { id: 'Kembalikan', en: 'Return' },
  open_revision: { id: 'Buka revisi', en: 'Open revision' },
  close: { id: 'Tutup', en: 'Close' },
  start: { id: 'Mulai', en: 'Start' },
  finish: { id: 'Selesaikan', en: 'Finish' },
  cancel: { id: 'Batalkan', en: 'Cancel' },
  finalize: { id: 'Finalkan', en: 'Finalize' },
  propose: { id: 'Usulkan', en: 'Propose' },
  withdraw_listing: { id: 'Tarik dari direktori', en: 'Withdraw listing' },
  open: { id: 'Buka', en: 'Open' },
  reopen: { id: 'Buka kembali', en: 'Reopen' },
  verify: { id: 'Verifikasi', en: 'Verify' },
};

/** The record fields each effect writes: together, a machine's derived fields. */
export const EFFECT_FIELDS: Readonly<Record<EffectName, readonly string[]>> = {
  approval_record: ['approvedAt', 'approvedBy'],
  snapshot: ['approvedSnapshot'],
  revision_number: ['revisionNumber'],
  finalisation_time: ['finalizedAt'],
  verification_time: ['verifiedAt'],
  // Written by the report's routes too (a draft's figures on generate): not refused as derived.
  frozen_figures: [],
  listing_sync: [],
};

interface TransitionSpec<S extends string> {
  name: TransitionName;
  from: S;
  to: S;
  roles: readonly ActorRole[];
  reasonRequired?: boolean;
  guard?: Guard;
  effects?: readonly EffectName[];
  permissions?: readonly WorkflowPermission[];
}

interface WorkflowSpec<S extends string> {
  uid: WorkflowUid;
  labels: Bilingual;
  states: Readonly<Record<S, Bilingual>>;
  initial: NoInfer<S>;
  frozenStates: readonly NoInfer<S>[];
  /** Besides the initial state, states a record may be created in (a survey may start open). */
  creatableStates?: readonly NoInfer<S>[];
  frozenByParent?: ParentFreeze;
  unfreezeHint?: Bilingual;
  unitEdits?: UnitEdits<NoInfer<S>>;
  editEffects?: readonly EffectName[];
  publicationByWorkflow?: boolean;
  transitions: readonly TransitionSpec<NoInfer<S>>[];
}

/**
 * Builds a machine from one spec: state names come from `states`, transition labels from their
 * names; the lists the doors need (editable states, derived fields) are derived here, once.
 */
export function defineWorkflow<S extends string>(spec: WorkflowSpec<S>): WorkflowMachine<S> {
  const stateNames = Object.keys(spec.states) as S[];
  const transitions = spec.transitions.map(({ reasonRequired = false, effects = [], permissions = [], ...transition }) => ({
    ...transition,
    reasonRequired,
    effects,
    permissions,
    labels: TRANSITION_LABELS[transition.name],
  }));
  const editEffects = spec.editEffects ?? [];
  const effects = [...transitions.flatMap((transition) => transition.effects), ...editEffects];
  return {
    uid: spec.uid,
    stateField: 'workflowState',
    labels: spec.labels,
    states: stateNames.map((name) => ({ name, labels: spec.states[name] })),
    initial: spec.initial,
    frozenStates: spec.frozenStates,
    editableStates: stateNames.filter((name) => !spec.frozenStates.includes(name)),
    creatableStates: [...new Set([spec.initial, ...(spec.creatableStates ?? [])])],
    ...(spec.frozenByParent ? { frozenByParent: spec.frozenByParent } : {}),
    ...(spec.unfreezeHint ? { unfreezeHint: spec.unfreezeHint } : {}),
    ...(spec.unitEdits ? { unitEdits: spec.unitEdits } : {}),
    derivedFields: [...new Set(effects.flatMap((effect) => EFFECT_FIELDS[effect]))],
    editEffects,
    publicationByWorkflow: spec.publicationByWorkflow ?? false,
    transitions,
  };
}
