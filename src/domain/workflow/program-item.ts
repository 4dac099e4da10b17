import { annualProgramWorkflow } from './annual-program';
import { defineWorkflow } from './define';
import { Guard } from './types';

/** A program item is locked whenever its annual program is (submitted, approved or closed). */
export function isProgramItemFrozen(programState: string): boolean {
  return (annualProgramWorkflow.frozenStates as readonly string[]).includes(programState);
}

const programOpenForChanges: Guard = {
  // No known program state means no proof the program is open: refuse.
  holds: (context) => typeof context.programState === 'string' && !isProgramItemFrozen(context.programState),
  message: {
    id: 'program kerjasama butir ini sedang diajukan, sudah disetujui atau ditutup, sehingga butirnya terkunci',
    en: "the item's annual program is submitted, approved or closed, so its items are locked",
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
  transitions: [
    { name: 'start', from: 'planned', to: 'in_progress', roles: HUMAS_ROLES, guard: programOpenForChanges },
    { name: 'finish', from: 'in_progress', to: 'done', roles: HUMAS_ROLES, guard: programOpenForChanges },
    {
      name: 'cancel',
      from: 'planned',
      to: 'cancelled',
      roles: HUMAS_ROLES,
      reasonRequired: true,
      guard: programOpenForChanges,
    },
    {
      name: 'cancel',
      from: 'in_progress',
      to: 'cancelled',
      roles: HUMAS_ROLES,
      reasonRequired: true,
      guard: programOpenForChanges,
    },
  ],
});

export type ProgramItemState = (typeof programItemWorkflow.states)[number]['name'];
