import { workflowRoutes } from '../../../workflow/transition-routes';

export default workflowRoutes('annual-programs', 'api::annual-program.annual-program');
