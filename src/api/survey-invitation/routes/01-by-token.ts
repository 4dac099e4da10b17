/** The partner's doors: no account, the single-use token in the path is the only credential. */
export default {
  routes: [
    {
      method: 'GET' as const,
      path: '/survey-invitations/by-token/:token',
      handler: 'api::survey-invitation.survey-invitation.byToken',
      config: { auth: false as const },
    },
    {
      method: 'POST' as const,
      path: '/survey-invitations/by-token/:token/responses',
      handler: 'api::survey-invitation.survey-invitation.respond',
      config: { auth: false as const },
    },
  ],
};
