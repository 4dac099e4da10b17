/** What the unit portal shows a unit beside its reports: its agreements in force and its program items. */
export default {
  routes: [{ method: 'GET' as const, path: '/activity-report-options', handler: 'api::activity-report.activity-report.options', config: {} }],
};
