import type { Core } from '@strapi/strapi';
import type { EmailText } from '../domain/email-texts';

/** The address people reach the system at, for links in e-mails (PUBLIC_URL, else this server). */
export const publicBaseUrl = (strapi: Core.Strapi): string => {
  const configured = String(strapi.config.get('server.url', '') || '').replace(/\/+$/, '');
  if (configured) return configured;
  const host = String(strapi.config.get('server.host', 'localhost'));
  return `http://${host === '0.0.0.0' ? 'localhost' : host}:${strapi.config.get('server.port', 1337)}`;
};

/** Sends one e-mail through Strapi's e-mail plugin (SMTP, or the outbox folder in development). */
export const sendEmail = async (strapi: Core.Strapi, to: string | string[], text: EmailText) => {
  await strapi.plugin('email').service('email').send({ to, subject: text.subject, text: text.text, html: text.html });
};

/** Humas's shared mailbox (HUMAS_EMAIL, several separated by commas). */
export const humasAddresses = (): string[] =>
  (process.env.HUMAS_EMAIL ?? '').split(',').map((address) => address.trim()).filter(Boolean);

type Row = Record<string, unknown> & { id: number };

/** E-mails of active admin users holding one of the admin roles with these codes. */
export const adminAddresses = async (strapi: Core.Strapi, roleCodes: string[]): Promise<string[]> => {
  if (!roleCodes.length) return [];
  const users = (await strapi.db.query('admin::user').findMany({
    where: { isActive: true, blocked: false, roles: { code: { $in: roleCodes } } },
    select: ['email'],
  })) as Row[];
  return users.map((user) => user.email as string);
};

/** E-mails of the units themselves and of their staff's accounts (not blocked). */
export const unitAddresses = async (strapi: Core.Strapi, unitIds: number[]): Promise<string[]> => {
  if (!unitIds.length) return [];
  const units = (await strapi.db.query('api::unit.unit').findMany({ where: { id: { $in: unitIds } }, select: ['email'] })) as Row[];
  const staff = (await strapi.db.query('plugin::users-permissions.user').findMany({
    where: { unit: { id: { $in: unitIds } }, blocked: false, role: { type: 'unit' } },
    select: ['email'],
  })) as Row[];
  return [...units.map((unit) => unit.email as string | null), ...staff.map((user) => user.email as string)].filter((email): email is string => Boolean(email));
};
