import type { Core } from '@strapi/strapi';
import { emailConfig } from '../src/participation/email-config';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  kerjasama: { enabled: true, resolve: './plugins/kerjasama' },
  // Nodemailer through SMTP_* when SMTP_HOST is set; otherwise every e-mail is written to outbox/.
  email: { config: emailConfig(env) },
  // OpenAPI document at /documentation (the public directory is described there); all its assets
  // are served locally, it makes no outbound call.
  documentation: {
    enabled: true,
    config: {
      info: {
        version: '1.0.0',
        title: 'Kerjasama API',
        description: 'API Kerjasama Politeknik Negeri Batam (Polibatam cooperation API)',
      },
      servers: [{ url: '/api', description: 'Server ini (This server)' }],
    },
  },
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
