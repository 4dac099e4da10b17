import path from 'path';
import { createOutboxTransport } from './outbox-transport';

type Env = ((key: string, fallback: string) => string) & {
  int: (key: string, fallback: number) => number;
  bool: (key: string, fallback: boolean) => boolean;
};

/** The folder the outbox writes to: EMAIL_OUTBOX_DIR (relative to the project), default `.tmp/outbox`. */
export const outboxDirectory = (env: (key: string, fallback: string) => string) =>
  path.resolve(process.cwd(), env('EMAIL_OUTBOX_DIR', path.join('.tmp', 'outbox')));

/**
 * The e-mail plugin's configuration from the environment: the nodemailer provider, sending
 * through SMTP_HOST when it is set, otherwise writing every message to EMAIL_OUTBOX_DIR
 * (default `.tmp/outbox/`, git-ignored). The default lies under a dot folder because
 * `strapi develop` restarts on every new file elsewhere in the project (a written e-mail took
 * the dev server down for ~50 s); its watcher ignores dot folders, and `config/admin.ts` adds
 * the configured folder to `watchIgnoreFiles` for a folder set elsewhere in the project.
 */
export const emailConfig = (env: Env) => {
  const host = env('SMTP_HOST', '');
  const user = env('SMTP_USER', '');
  const settings = {
    defaultFrom: env('EMAIL_FROM', 'Humas & Kerjasama Polibatam <kerjasama@polibatam.ac.id>'),
    defaultReplyTo: env('EMAIL_REPLY_TO', env('HUMAS_EMAIL', 'kerjasama@polibatam.ac.id')),
  };
  if (!host) {
    return {
      provider: 'nodemailer',
      providerOptions: createOutboxTransport(outboxDirectory(env)),
      settings,
    };
  }
  return {
    provider: 'nodemailer',
    providerOptions: {
      host,
      port: env.int('SMTP_PORT', 587),
      secure: env.bool('SMTP_SECURE', false),
      ...(user ? { auth: { user, pass: env('SMTP_PASSWORD', '') } } : {}),
    },
    settings,
  };
};
