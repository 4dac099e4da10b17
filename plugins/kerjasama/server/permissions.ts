import type { Core } from '@strapi/strapi';

/** Admin permission actions of the plugin, granted to the office roles in the app's bootstrap. */
export const PLUGIN_ACTIONS = {
  readWorkflow: 'plugin::kerjasama.workflow.read',
  readRetention: 'plugin::kerjasama.retention.read',
} as const;

export const registerPermissionActions = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'Lihat alur kerja (Read workflow)', uid: 'workflow.read', subCategory: 'workflow', pluginName: 'kerjasama' },
    { section: 'plugins', displayName: 'Lihat laporan retensi (Read retention report)', uid: 'retention.read', subCategory: 'retention', pluginName: 'kerjasama' },
  ]);
};
