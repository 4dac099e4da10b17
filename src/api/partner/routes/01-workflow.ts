import { workflowRoutes } from '../../../workflow/transition-routes';

export default workflowRoutes('partners', 'api::partner.partner');
