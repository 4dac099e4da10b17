import type { Core } from '@strapi/strapi';
import { emailConfig } from '../src/participation/email-config';
import { DEV_SECRETS } from '../src/domain/deployment';
import { localGraphqlLanding } from '../src/security/graphql-landing';
import { formatGraphqlErrorWithoutSuggestions, requestLimitsPlugin } from '../src/graphql/request-limits';

const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const introspection = env('NODE_ENV', 'development') !== 'production';
  return {
    kerjasama: { enabled: true, resolve: './plugins/kerjasama' },
    // Nodemailer through SMTP_* when SMTP_HOST is set; otherwise every e-mail is written to EMAIL_OUTBOX_DIR (.tmp/outbox/).
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
        jwtSecret: env('JWT_SECRET', DEV_SECRETS.JWT_SECRET),
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
        // A local page without scripts in every environment (Apollo's own load from its CDN).
        landingPage: localGraphqlLanding,
        // cors: false leaves CORS to strapi::cors alone (Apollo's default added `*` to every answer).
        apolloServer: {
          introspection,
          cors: false,
          // Depth (as depthLimit above), aliases, root fields and fields per request, fragment cycles,
          // NUL in variables: a 400; the plugin validates in Apollo's place (src/graphql/request-limits.ts).
          plugins: [requestLimitsPlugin({ maxDepth: 10, introspection })],
          dangerouslyDisableValidation: true,
          // No "Did you mean …?" naming a private field.
          formatError: formatGraphqlErrorWithoutSuggestions(),
        },
      },
    },
  };
};

export default config;
