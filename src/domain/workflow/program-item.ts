import { annualProgramWorkflow } from './annual-program';
import { defineWorkflow } from './define';
import { Guard } from './types';

/** A program item is locked whenever its annual program is (submitted, approved or closed). */
export function isProgramItemFrozen(programState: string): boolean {
  return (annualProgramWorkflow.frozenStates as readonly string[]).includes(programState);
}

/** Program states in which the planned activities are being carried out. */
export const RUNNING_PROGRAM_STATES = ['approved', 'revision_opened'] as const;

/**
 * Items record progress while their program runs. The plan fields of an item are frozen with
 * the program (see isProgramItemFrozen), but its progress state is not: execution is tracked
 * during the year the approved program runs.
 */
const programRunning: Guard = {
  // No known program state means no proof the program runs: refuse.
  holds: (context) =>
    typeof context.programState === 'string' && (RUNNING_PROGRAM_STATES as readonly string[]).includes(context.programState),
  message: {
    id: 'program kerjasama butir ini belum disetujui atau sudah ditutup',
    en: "the item's annual program is not approved yet or already closed",
  },
};

const HUMAS_ROLES = ['staf_humas', 'kapokja', 'super_admin', 'api_token'] as const;

export const programItemWorkflow = defineWorkflow({
  uid: 'api::program-item.program-item',
  labels: { id: 'Butir program', en: 'The program item' },
  states: {
    planned: { id: 'Direncanakan', en: 'Planned' },
    in_progress: { id: 'Berjalan', en: 'In progress' },
    done: { id: 'Selesai', en: 'Done' },
    cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  },
  initial: 'planned',
  frozenStates: [],
  // Its plan fields are frozen with its program; its progress state moves on (guard below).
  frozenByParent: { uid: annualProgramWorkflow.uid, relation: 'program', part: 'items' },
  transitions: [
    { name: 'start', from: 'planned', to: 'in_progress', roles: HUMAS_ROLES, guard: programRunning },
    { name: 'finish', from: 'in_progress', to: 'done', roles: HUMAS_ROLES, guard: programRunning },
    {
      name: 'cancel',
      from: 'planned',
      to: 'cancelled',
      roles: HUMAS_ROLES,
      reasonRequired: true,
      guard: programRunning,
    },
    {
      name: 'cancel',
      from: 'in_progress',
      to: 'cancelled',
      roles: HUMAS_ROLES,
      reasonRequired: true,
      guard: programRunning,
    },
  ],
});

export type ProgramItemState = (typeof programItemWorkflow.states)[number]['name'];
