import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  kerjasama: { enabled: true, resolve: './plugins/kerjasama' },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET', 'kerjasama-dev-users-permissions-jwt-secret'),
      // Unit accounts are created by Humas; nobody registers themselves.
      register: { allowedFields: [] },
    },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      depthLimit: 10,
      amountLimit: 100,
      defaultLimit: 25,
      maxLimit: 100,
      landingPage: env('NODE_ENV', 'development') !== 'production',
      apolloServer: { introspection: env('NODE_ENV', 'development') !== 'production' },
    },
  },
});

export default config;
