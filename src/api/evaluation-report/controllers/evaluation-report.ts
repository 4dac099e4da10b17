import { factories } from '@strapi/strapi';
import { workflowActions } from '../../../workflow/transition-routes';

export default factories.createCoreController('api::evaluation-report.evaluation-report', workflowActions('api::evaluation-report.evaluation-report'));
