import type { Core } from '@strapi/strapi';
import { PLUGIN_ACTIONS } from '../contracts/permissions';
import { participationPermissionActions } from './participation';
import { documentPermissionActions } from './documents';
import { evaluationPermissionActions } from '../documents/evaluation/plugin';
import { pluginAction } from './routes/policy';
import { accreditationPermissionActions } from '../accreditation/plugin';
import { importPermissionActions } from './import';

/** Admin permission actions of the plugin, granted to the office roles in the app's bootstrap. */
export { PLUGIN_ACTIONS };

const planning = (uid: string, displayName: string) => pluginAction('planning', `planning.${uid}`, displayName);

export const registerPermissionActions = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany([
    pluginAction('workflow', 'workflow.read', 'Lihat alur kerja (Read workflow)'),
    pluginAction('retention', 'retention.read', 'Lihat laporan retensi (Read retention report)'),
    planning('read-dashboard', 'Lihat dasbor dan perencanaan (Read dashboard and planning)'),
    planning('edit-mapping', 'Ubah pemetaan jenis kerjasama (Edit needs mapping)'),
    planning('edit-targets', 'Ubah target kerjasama (Edit targets)'),
    planning('manage-program', 'Kelola program kerjasama (Manage annual program)'),
    planning('approve-program', 'Setujui atau kembalikan program (Approve or return the program)'),
    ...participationPermissionActions,
    ...documentPermissionActions,
    ...evaluationPermissionActions,
    ...accreditationPermissionActions,
    ...importPermissionActions,
  ]);
};
