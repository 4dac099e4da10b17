import { workflowRoutes } from '../../../workflow/transition-routes';

export default workflowRoutes('program-items', 'api::program-item.program-item');
