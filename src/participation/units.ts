import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formatBilingual } from '../domain/bilingual';
import { callForProposalsEmail, unitAccountEmail } from '../domain/email-texts';
import { uniqueAddresses } from '../domain/reminders';
import { refuse } from '../workflow/errors';
import { publicBaseUrl, sendEmail } from './mailer';
import type { UnitAccountInput } from '../contracts/schemas/participation';

const USER = 'plugin::users-permissions.user';
const CALL = 'api::call-for-proposal.call-for-proposal';
type Row = Record<string, unknown> & { id: number; documentId: string };

export const proposalPageUrl = (strapi: Core.Strapi) => `${publicBaseUrl(strapi)}/usulan/`;

/**
 * Humas creates a unit's account (registration is closed): a Users & Permissions user with the
 * Unit role, linked to the unit, with an unusable random password and a set-password code sent
 * by e-mail (the users-permissions reset-password code, used by the /usulan/ page).
 */
export const createUnitAccount = async (strapi: Core.Strapi, { email, unit: unitDocumentId }: UnitAccountInput) => {
  const unit = (await strapi.db.query('api::unit.unit').findOne({ where: { documentId: unitDocumentId } })) as Row | null;
  if (!unit) refuse('unit', formatBilingual({ id: 'Unit tidak ditemukan', en: 'Unit not found' }));
  const taken = await strapi.db.query(USER).findOne({ where: { $or: [{ email }, { username: email }] } });
  if (taken) refuse('email', formatBilingual({ id: 'Surel ini sudah memiliki akun', en: 'This e-mail already has an account' }));
  const role = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'unit' } })) as Row | null;
  if (!role) throw new errors.ApplicationError('The Unit role is missing');

  const code = randomBytes(64).toString('hex');
  const user = (await strapi.plugin('users-permissions').service('user').add({
    username: email,
    email,
    provider: 'local',
    password: randomBytes(24).toString('base64url'),
    confirmed: true,
    blocked: false,
    role: role!.id,
    unit: unit!.id,
    resetPasswordToken: code,
  })) as Row;
  const link = `${proposalPageUrl(strapi)}?code=${code}`;
  await sendEmail(strapi, email, unitAccountEmail({ unitName: unit!.name as string, email, link }));
  return { id: user.id, email, unit: { documentId: unit!.documentId, name: unit!.name } };
};

/** Sends a call for proposals to every unit's address and to every unit user (one e-mail each). */
export const sendCallForProposals = async (strapi: Core.Strapi, documentId: string, { resend = false } = {}) => {
  const call = (await strapi.db.query(CALL).findOne({ where: { documentId } })) as Row | null;
  if (!call) throw new errors.NotFoundError(formatBilingual({ id: 'Panggilan usulan tidak ditemukan', en: 'Call for proposals not found' }));
  if (call.sentAt && !resend) {
    refuse('sentAt', formatBilingual({ id: `Panggilan ini sudah dikirim pada ${String(call.sentAt)}`, en: `This call was already sent at ${String(call.sentAt)}` }));
  }
  const units = (await strapi.db.query('api::unit.unit').findMany({ where: { active: true }, select: ['email'] })) as Row[];
  const staff = (await strapi.db.query(USER).findMany({ where: { blocked: false, role: { type: 'unit' } }, select: ['email'] })) as Row[];
  const recipients = uniqueAddresses([...units.map((unit) => unit.email as string | null), ...staff.map((user) => user.email as string)]);
  const text = callForProposalsEmail({
    title: call.title as string, year: call.year as number, deadline: call.deadline as string,
    message: call.message as string | null, messageEn: call.messageEn as string | null, link: proposalPageUrl(strapi),
  });
  for (const address of recipients) await sendEmail(strapi, address, text);
  await strapi.documents(CALL).update({ documentId, data: { sentAt: new Date().toISOString() } as never });
  return { sent: recipients.length };
};
