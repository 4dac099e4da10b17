import { defineWorkflow } from './define';

/** The annual evaluation report (form FO.28.2.1) becomes immutable once final, its figures frozen as they were then. */
export const evaluationReportWorkflow = defineWorkflow({
  uid: 'api::evaluation-report.evaluation-report',
  labels: { id: 'Laporan evaluasi tahunan', en: 'The annual evaluation report' },
  states: {
    draft: { id: 'Draf', en: 'Draft' },
    final: { id: 'Final', en: 'Final' },
  },
  initial: 'draft',
  frozenStates: ['final'],
  transitions: [
    { name: 'finalize', from: 'draft', to: 'final', roles: ['kapokja', 'super_admin', 'api_token'], effects: ['finalisation_time', 'frozen_figures'] },
  ],
});

export type EvaluationReportState = (typeof evaluationReportWorkflow.states)[number]['name'];
