import { factories } from '@strapi/strapi';
import { workflowActions } from '../../../workflow/transition-routes';

export default factories.createCoreController('api::program-item.program-item', workflowActions('api::program-item.program-item'));
