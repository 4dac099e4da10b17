import { workflowRoutes } from '../../../workflow/transition-routes';

export default workflowRoutes('activity-reports', 'api::activity-report.activity-report');
