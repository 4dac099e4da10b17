import { workflowRoutes } from '../../../workflow/transition-routes';

export default workflowRoutes('evaluation-reports', 'api::evaluation-report.evaluation-report');
