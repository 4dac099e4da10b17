import { defineWorkflow } from './define';
import { Guard } from './types';

const hasProgramItems: Guard = {
  // A cancelled item is no longer part of the plan.
  holds: (context) => (context.itemStates ?? []).some((state) => state !== 'cancelled'),
  message: {
    id: 'program kerjasama harus memiliki sedikitnya satu butir program',
    en: 'the annual program needs at least one program item',
  },
};

/**
 * Kapokja plans and submits, the Director approves. Once submitted the plan is locked; a change
 * after approval goes through a revision with a reason, and the approved version stays readable.
 */
export const annualProgramWorkflow = defineWorkflow({
  uid: 'api::annual-program.annual-program',
  labels: { id: 'Program kerjasama', en: 'The annual cooperation program' },
  states: {
    draft: { id: 'Draf', en: 'Draft' },
    submitted: { id: 'Diajukan', en: 'Submitted' },
    approved: { id: 'Disetujui', en: 'Approved' },
    revision_opened: { id: 'Revisi dibuka', en: 'Revision opened' },
    closed: { id: 'Ditutup', en: 'Closed' },
  },
  initial: 'draft',
  frozenStates: ['submitted', 'approved', 'closed'],
  unfreezeHint: { id: 'buka revisi dengan alasan terlebih dahulu', en: 'open a revision with a reason first' },
  // On the planning pages the planner ("manage program") moves the plan, the Director ("approve
  // program") decides on it; opening a revision is open to both.
  transitions: [
    {
      name: 'submit',
      from: 'draft',
      to: 'submitted',
      roles: ['kapokja', 'super_admin', 'api_token'],
      guard: hasProgramItems,
      permissions: ['manageProgram'],
    },
    {
      name: 'approve',
      from: 'submitted',
      to: 'approved',
      roles: ['direktur', 'super_admin'],
      effects: ['approval_record', 'snapshot'],
      permissions: ['approveProgram'],
    },
    {
      name: 'return',
      from: 'submitted',
      to: 'draft',
      roles: ['direktur', 'super_admin', 'api_token'],
      reasonRequired: true,
      permissions: ['approveProgram'],
    },
    {
      name: 'open_revision',
      from: 'approved',
      to: 'revision_opened',
      roles: ['kapokja', 'direktur', 'super_admin', 'api_token'],
      reasonRequired: true,
      effects: ['revision_number'],
      permissions: ['manageProgram', 'approveProgram'],
    },
    {
      name: 'resubmit',
      from: 'revision_opened',
      to: 'submitted',
      roles: ['kapokja', 'super_admin', 'api_token'],
      guard: hasProgramItems,
      permissions: ['manageProgram'],
    },
    {
      name: 'close',
      from: 'approved',
      to: 'closed',
      roles: ['kapokja', 'direktur', 'super_admin', 'api_token'],
      permissions: ['manageProgram'],
    },
  ],
});

export type AnnualProgramState = (typeof annualProgramWorkflow.states)[number]['name'];
