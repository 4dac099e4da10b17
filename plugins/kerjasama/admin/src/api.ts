/** Response shapes of the workflow routes: owned by the server's contracts (src/contracts/workflow.ts). */
export type { WorkflowDescription, WorkflowHistoryEntry, WorkflowTransitionOption } from '@kerjasama/contracts/workflow';

/** Content types whose edit view shows the workflow panel. */
export const WORKFLOW_UIDS = [
  'api::proposal.proposal',
  'api::annual-program.annual-program',
  'api::program-item.program-item',
  'api::meeting-minute.meeting-minute',
  'api::evaluation-report.evaluation-report',
  'api::partner.partner',
  'api::activity-report.activity-report',
];

export const workflowPath = (uid: string, documentId: string) => `/kerjasama/workflow/${uid}/${documentId}`;
