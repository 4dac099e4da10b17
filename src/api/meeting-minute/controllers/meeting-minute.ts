import { factories } from '@strapi/strapi';
import { workflowActions } from '../../../workflow/transition-routes';

export default factories.createCoreController('api::meeting-minute.meeting-minute', workflowActions('api::meeting-minute.meeting-minute'));
