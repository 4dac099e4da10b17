import { factories } from '@strapi/strapi';
import { workflowActions } from '../../../workflow/transition-routes';

export default factories.createCoreController('api::partner.partner', workflowActions('api::partner.partner'));
