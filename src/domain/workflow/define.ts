import { Bilingual } from '../bilingual';
import { ActorRole } from '../roles';
import { Guard, TransitionName, WorkflowMachine, WorkflowUid } from './types';

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
};

interface TransitionSpec<S extends string> {
  name: TransitionName;
  from: S;
  to: S;
  roles: readonly ActorRole[];
  reasonRequired?: boolean;
  guard?: Guard;
}

interface WorkflowSpec<S extends string> {
  uid: WorkflowUid;
  labels: Bilingual;
  states: Readonly<Record<S, Bilingual>>;
  initial: NoInfer<S>;
  frozenStates: readonly NoInfer<S>[];
  transitions: readonly TransitionSpec<NoInfer<S>>[];
}

/** Builds a machine from a compact table: state names come from `states`, labels from the transition name. */
export function defineWorkflow<S extends string>(spec: WorkflowSpec<S>): WorkflowMachine<S> {
  return {
    uid: spec.uid,
    stateField: 'workflowState',
    labels: spec.labels,
    states: (Object.keys(spec.states) as S[]).map((name) => ({ name, labels: spec.states[name] })),
    initial: spec.initial,
    frozenStates: spec.frozenStates,
    transitions: spec.transitions.map(({ reasonRequired = false, ...transition }) => ({
      ...transition,
      reasonRequired,
      labels: TRANSITION_LABELS[transition.name],
    })),
  };
}
