import { PLUGIN_ACTIONS } from '../permissions';
import { participationRoutes } from '../participation';
import { documentRoutes } from '../documents';
import { evaluationRoutes } from '../../documents/evaluation/plugin';
import { formDocumentRoutes } from '../../documents/plugin';
import { adminRoute as route } from './policy';
import { accreditationRoutes } from '../../accreditation/plugin';
import { importRoutes } from '../import';
import { myQueueRoutes } from '../my-queue';

/** Admin routes (under /kerjasama), used by the plugin's panels and pages. */
export const routes = {
  admin: {
    type: 'admin' as const,
    routes: [
      route('GET', '/workflow/:uid/:documentId', 'workflow.describe', PLUGIN_ACTIONS.readWorkflow),
      route('POST', '/workflow/:uid/:documentId/transitions', 'workflow.transition', PLUGIN_ACTIONS.readWorkflow),
      route('GET', '/retention-report', 'retention.report', PLUGIN_ACTIONS.readRetention),
      // Planning (PR.28.1): reads need the dashboard permission, each write its own.
      route('GET', '/dashboard', 'dashboard.show', PLUGIN_ACTIONS.readDashboard),
      route('GET', '/mapping', 'mapping.matrix', PLUGIN_ACTIONS.readDashboard),
      route('GET', '/mapping/export', 'mapping.export', PLUGIN_ACTIONS.readDashboard),
      route('PUT', '/mapping/cells', 'mapping.setCell', PLUGIN_ACTIONS.editMapping),
      route('POST', '/mapping/copy-previous-year', 'mapping.copyFromPreviousYear', PLUGIN_ACTIONS.editMapping),
      route('GET', '/targets', 'targets.report', PLUGIN_ACTIONS.readDashboard),
      route('GET', '/targets/export', 'targets.export', PLUGIN_ACTIONS.readDashboard),
      route('POST', '/targets', 'targets.create', PLUGIN_ACTIONS.editTargets),
      route('PUT', '/targets/:documentId', 'targets.update', PLUGIN_ACTIONS.editTargets),
      route('GET', '/program', 'program.view', PLUGIN_ACTIONS.readDashboard),
      route('POST', '/program', 'program.create', PLUGIN_ACTIONS.manageProgram),
      route('POST', '/program/start-from-last-year', 'program.startFromLastYear', PLUGIN_ACTIONS.manageProgram),
      route('GET', '/program/choices', 'program.choices', PLUGIN_ACTIONS.manageProgram),
      route('POST', '/program/:documentId/items', 'program.addItem', PLUGIN_ACTIONS.manageProgram),
      route('PUT', '/program/items/:documentId', 'program.updateItem', PLUGIN_ACTIONS.manageProgram),
      // Approve / return need "approve program", the other moves "manage program" (checked in the controller).
      route('POST', '/program/:documentId/transitions', 'program.transition', PLUGIN_ACTIONS.readDashboard),
      // Units and partners taking part: calls, unit accounts, survey invitations and results.
      ...participationRoutes,
      // Issued documents (issue 11): list, preview, issue.
      ...documentRoutes,
      ...evaluationRoutes,
      ...formDocumentRoutes,
      // Accreditation (issue 12): LKPS Table 1, IKU 6 per study program, the KPI evidence pack.
      ...accreditationRoutes,
      // The office's existing sheets and duplicate partners (issue 13).
      ...importRoutes,
      // My queue (issue 13): what waits for the logged-in person, and their weekly digest setting.
      ...myQueueRoutes,
    ],
  },
};
