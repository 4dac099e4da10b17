import type { Core } from '@strapi/strapi';
import { PLUGIN_ACTIONS } from '../contracts/permissions';
import { participationPermissionActions } from './participation';
import { documentPermissionActions } from './documents';
import { evaluationPermissionActions } from '../documents/evaluation/plugin';

/** Admin permission actions of the plugin, granted to the office roles in the app's bootstrap. */
export { PLUGIN_ACTIONS };

const planning = (uid: string, displayName: string) => ({ section: 'plugins', displayName, uid: `planning.${uid}`, subCategory: 'planning', pluginName: 'kerjasama' });

export const registerPermissionActions = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'Lihat alur kerja (Read workflow)', uid: 'workflow.read', subCategory: 'workflow', pluginName: 'kerjasama' },
    { section: 'plugins', displayName: 'Lihat laporan retensi (Read retention report)', uid: 'retention.read', subCategory: 'retention', pluginName: 'kerjasama' },
    planning('read-dashboard', 'Lihat dasbor dan perencanaan (Read dashboard and planning)'),
    planning('edit-mapping', 'Ubah pemetaan jenis kerjasama (Edit needs mapping)'),
    planning('edit-targets', 'Ubah target kerjasama (Edit targets)'),
    planning('manage-program', 'Kelola program kerjasama (Manage annual program)'),
    planning('approve-program', 'Setujui atau kembalikan program (Approve or return the program)'),
    ...participationPermissionActions,
    ...documentPermissionActions,
    ...evaluationPermissionActions,
  ]);
};
