/**
 * The public partner directory. No authentication: it serves one fixed projection of listed
 * partners and nothing else (see src/domain/directory.ts). In production the same controller is
 * reached earlier through the `global::directory-fast-path` middleware (config/middlewares.ts).
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/directory',
      handler: 'directory.find',
      config: { auth: false, policies: [], middlewares: [] },
    },
  ],
};
