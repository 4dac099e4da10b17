/** What the proposal form offers a unit: partners to choose from, catalogues, calls, its units. */
export default {
  routes: [{ method: 'GET' as const, path: '/proposal-form-options', handler: 'api::proposal.proposal.options', config: {} }],
};
