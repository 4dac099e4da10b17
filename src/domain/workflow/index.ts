export type {
  EffectName,
  Guard,
  ParentFreeze,
  UnitEdits,
  WorkflowPermission,
  StateDefinition,
  TransitionContext,
  TransitionDefinition,
  TransitionName,
  WorkflowMachine,
  WorkflowUid,
} from './types';
export {
  WORKFLOWS,
  availableTransitions,
  blockedTransitions,
  checkTransition,
  getWorkflow,
  initialState,
  isFrozen,
  isTerminalState,
  isWorkflowType,
  transitionPermissions,
  unitEdits,
  workflowLists,
} from './engine';
export type { TransitionCheck, TransitionRefusal, TransitionRefusalCode, TransitionRequest, WorkflowLists } from './engine';
export { EFFECT_FIELDS } from './define';
export { proposalWorkflow } from './proposal';
export type { ProposalState } from './proposal';
export { annualProgramWorkflow } from './annual-program';
export type { AnnualProgramState } from './annual-program';
export { programItemWorkflow, isProgramItemFrozen } from './program-item';
export type { ProgramItemState } from './program-item';
export { meetingMinuteWorkflow } from './meeting-minute';
export type { MeetingMinuteState } from './meeting-minute';
export { evaluationReportWorkflow } from './evaluation-report';
export type { EvaluationReportState } from './evaluation-report';
export { partnerListingWorkflow, isPartnerListed } from './partner';
export type { PartnerListingState } from './partner';
export { satisfactionSurveyWorkflow } from './satisfaction-survey';
export type { SatisfactionSurveyState } from './satisfaction-survey';
export { activityReportWorkflow } from './activity-report';
export type { ActivityReportState } from './activity-report';
