import { defineWorkflow } from './define';

const HUMAS_ROLES = ['staf_humas', 'kapokja', 'super_admin', 'api_token'] as const;

/**
 * The partner satisfaction survey: Humas prepares it, opens it (sending the first invitations
 * opens it too), closes it when the answers are in, and may reopen it. Links of a closed survey
 * no longer take answers (src/participation/survey.ts). A survey may be entered already open or
 * closed (a survey run on paper, typed in afterwards), as it always could.
 */
export const satisfactionSurveyWorkflow = defineWorkflow({
  uid: 'api::satisfaction-survey.satisfaction-survey',
  labels: { id: 'Survei kepuasan mitra', en: 'The partner satisfaction survey' },
  states: {
    draft: { id: 'Draf', en: 'Draft' },
    open: { id: 'Dibuka', en: 'Open' },
    closed: { id: 'Ditutup', en: 'Closed' },
  },
  initial: 'draft',
  creatableStates: ['open', 'closed'],
  frozenStates: [],
  transitions: [
    { name: 'open', from: 'draft', to: 'open', roles: HUMAS_ROLES },
    { name: 'close', from: 'open', to: 'closed', roles: HUMAS_ROLES },
    { name: 'reopen', from: 'closed', to: 'open', roles: HUMAS_ROLES },
  ],
});

export type SatisfactionSurveyState = (typeof satisfactionSurveyWorkflow.states)[number]['name'];
