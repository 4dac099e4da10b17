import type { Core } from '@strapi/strapi';
import { DEV_SECRETS } from '../src/domain/deployment';
import { outboxDirectory } from '../src/participation/email-config';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: { secret: env('ADMIN_JWT_SECRET', DEV_SECRETS.ADMIN_JWT_SECRET) },
  apiToken: { salt: env('API_TOKEN_SALT', DEV_SECRETS.API_TOKEN_SALT) },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', DEV_SECRETS.TRANSFER_TOKEN_SALT) } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', DEV_SECRETS.ENCRYPTION_KEY) },
  autoOpen: false,
  flags: { nps: false, promoteEE: false },
  // No preview front end: "disabled" rather than "not configured", so the Content Manager's edit
  // view shows no "Set up preview" box.
  preview: { enabled: false, config: { handler: () => null } },
  // `strapi develop` restarts on any new file in the project except those its watcher ignores
  // (dot folders, public/, build/, ...): the e-mail outbox is added here, so a written e-mail
  // never restarts the dev server, wherever EMAIL_OUTBOX_DIR points.
  watchIgnoreFiles: [outboxDirectory(env), `${outboxDirectory(env)}/**`],
});

export default config;
