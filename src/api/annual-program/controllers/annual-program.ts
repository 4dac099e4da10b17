import { factories } from '@strapi/strapi';
import { workflowActions } from '../../../workflow/transition-routes';

export default factories.createCoreController('api::annual-program.annual-program', workflowActions('api::annual-program.annual-program'));
