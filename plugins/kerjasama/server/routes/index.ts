import { PLUGIN_ACTIONS } from '../permissions';

const requires = (action: string) => [{ name: 'admin::hasPermissions', config: { actions: [action] } }];

/** Admin routes (under /kerjasama), used by the plugin's panels and pages. */
export const routes = {
  admin: {
    type: 'admin' as const,
    routes: [
      {
        method: 'GET',
        path: '/workflow/:uid/:documentId',
        handler: 'workflow.describe',
        config: { policies: requires(PLUGIN_ACTIONS.readWorkflow) },
      },
      {
        method: 'POST',
        path: '/workflow/:uid/:documentId/transitions',
        handler: 'workflow.transition',
        config: { policies: requires(PLUGIN_ACTIONS.readWorkflow) },
      },
      {
        method: 'GET',
        path: '/retention-report',
        handler: 'retention.report',
        config: { policies: requires(PLUGIN_ACTIONS.readRetention) },
      },
    ],
  },
};
