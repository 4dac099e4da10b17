import { workflowRoutes } from '../../../workflow/transition-routes';

export default workflowRoutes('proposals', 'api::proposal.proposal');
