/**
 * Admin permission actions of the plugin, shared by the server (routes, registration) and the
 * admin pages (useRBAC). The last segment of each action is unique so that useRBAC's
 * `can<Action>` names do not collide (canReadDashboard, canEditMapping, ...).
 */
export const PLUGIN_ACTIONS = {
  readWorkflow: 'plugin::kerjasama.workflow.read',
  readRetention: 'plugin::kerjasama.retention.read',
  readDashboard: 'plugin::kerjasama.planning.read-dashboard',
  editMapping: 'plugin::kerjasama.planning.edit-mapping',
  editTargets: 'plugin::kerjasama.planning.edit-targets',
  manageProgram: 'plugin::kerjasama.planning.manage-program',
  approveProgram: 'plugin::kerjasama.planning.approve-program',
  prepareEvaluation: 'plugin::kerjasama.evaluation.prepare',
  finalizeEvaluation: 'plugin::kerjasama.evaluation.finalize',
  manageParticipation: 'plugin::kerjasama.participation.manage',
  readSurveyResults: 'plugin::kerjasama.survey.read',
  readAccreditation: 'plugin::kerjasama.accreditation.read-accreditation',
  downloadEvidencePack: 'plugin::kerjasama.accreditation.evidence-pack',
  importRecords: 'plugin::kerjasama.import.import-records',
  mergePartners: 'plugin::kerjasama.partners.merge-partners',
} as const;

export type PluginAction = (typeof PLUGIN_ACTIONS)[keyof typeof PLUGIN_ACTIONS];
