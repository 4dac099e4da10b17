import type { Core } from '@strapi/strapi';
import { DEV_SECRETS } from '../src/domain/deployment';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: { secret: env('ADMIN_JWT_SECRET', DEV_SECRETS.ADMIN_JWT_SECRET) },
  apiToken: { salt: env('API_TOKEN_SALT', DEV_SECRETS.API_TOKEN_SALT) },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', DEV_SECRETS.TRANSFER_TOKEN_SALT) } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', DEV_SECRETS.ENCRYPTION_KEY) },
  autoOpen: false,
  flags: { nps: false, promoteEE: false },
});

export default config;
