import { defineWorkflow } from './define';

/** Minutes (form BO.29.3.1) become immutable once final. */
export const meetingMinuteWorkflow = defineWorkflow({
  uid: 'api::meeting-minute.meeting-minute',
  labels: { id: 'Notulen rapat', en: 'The meeting minutes' },
  states: {
    draft: { id: 'Draf', en: 'Draft' },
    final: { id: 'Final', en: 'Final' },
  },
  initial: 'draft',
  frozenStates: ['final'],
  transitions: [
    {
      name: 'finalize',
      from: 'draft',
      to: 'final',
      roles: ['staf_humas', 'kapokja', 'super_admin', 'api_token'],
      effects: ['finalisation_time'],
    },
  ],
});

export type MeetingMinuteState = (typeof meetingMinuteWorkflow.states)[number]['name'];
