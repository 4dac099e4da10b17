import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: { secret: env('ADMIN_JWT_SECRET', 'kerjasama-dev-admin-jwt-secret') },
  apiToken: { salt: env('API_TOKEN_SALT', 'kerjasama-dev-api-token-salt') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', 'kerjasama-dev-transfer-salt') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', 'kerjasama-dev-encryption-key') },
  autoOpen: false,
  flags: { nps: false, promoteEE: false },
});

export default config;
