import { workflowRoutes } from '../../../workflow/transition-routes';

export default workflowRoutes('meeting-minutes', 'api::meeting-minute.meeting-minute');
