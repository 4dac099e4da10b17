export type {
  Guard,
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
  checkTransition,
  getWorkflow,
  initialState,
  isFrozen,
  isTerminalState,
  isWorkflowType,
} from './engine';
export type { TransitionCheck, TransitionRefusal, TransitionRefusalCode, TransitionRequest } from './engine';
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
