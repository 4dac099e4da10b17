/**
 * Contracts of the workflow routes (`GET /kerjasama/workflow/:uid/:documentId`, `POST .../transitions`
 * and the program's own transitions): what the workflow panel reads. Server controllers type their
 * answers with these; the admin imports them (`@kerjasama/contracts/workflow`).
 */
import type { Bilingual } from '../domain/bilingual';

export interface WorkflowTransitionOption {
  name: string;
  to: string;
  labels: Bilingual;
  reasonRequired: boolean;
}

/** A move the actor's role allows that waits for a condition (the guard's message, the missing fields). */
export interface WorkflowBlockedOption {
  name: string;
  to: string;
  labels: Bilingual;
  needs: Bilingual;
  missing: readonly Bilingual[];
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
  states: ReadonlyArray<{ name: string; labels: Bilingual }>;
  available: readonly WorkflowTransitionOption[];
  blocked?: readonly WorkflowBlockedOption[];
  history: readonly WorkflowHistoryEntry[];
}

/** POST bodies of the transition routes. */
export interface TransitionRequest {
  to: string;
  reason?: string;
}
