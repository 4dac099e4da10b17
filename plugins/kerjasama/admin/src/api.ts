import type { Bilingual } from './bilingual';

export interface WorkflowTransitionOption {
  name: string;
  to: string;
  labels: Bilingual;
  reasonRequired: boolean;
}

export interface WorkflowHistoryEntry {
  fromState: string;
  toState: string;
  transition?: string;
  actorName?: string;
  role?: string;
  reason?: string;
  occurredAt: string;
}

export interface WorkflowDescription {
  uid: string;
  documentId: string;
  state: string;
  stateLabels: Bilingual;
  states: Array<{ name: string; labels: Bilingual }>;
  available: WorkflowTransitionOption[];
  history: WorkflowHistoryEntry[];
}

/** Content types whose edit view shows the workflow panel. */
export const WORKFLOW_UIDS = [
  'api::proposal.proposal',
  'api::annual-program.annual-program',
  'api::program-item.program-item',
  'api::meeting-minute.meeting-minute',
  'api::evaluation-report.evaluation-report',
  'api::partner.partner',
];

export const workflowPath = (uid: string, documentId: string) => `/kerjasama/workflow/${uid}/${documentId}`;
