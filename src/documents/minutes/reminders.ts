import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { actionItemOverdueEmail } from '../../domain/email-texts';
import { uniqueAddresses } from '../../domain/reminders';
import { humasAddresses, publicBaseUrl, sendEmail } from '../../participation/mailer';
import { sendReminderOnce } from '../../participation/reminder-log';
import { todayInBatam } from '../../workflow/today';
import { MINUTE } from './service';

type Row = Record<string, unknown> & { id: number; documentId: string };
interface ActionItem { description: string; owner?: string | null; dueDate?: string | null; done?: boolean | null }

const EMAIL = /[^\s<>(),;]+@[^\s<>(),;]+\.[^\s<>(),;]+/g;

/**
 * Where an action item's owner is reached: the address written in the owner field, else the
 * admin user or unit account of that name (or username), else Humas's mailbox so that the office
 * follows it up. Owners are typed as names in the minutes, so the match is exact, ignoring case.
 */
const ownerAddresses = async (strapi: Core.Strapi, owner: string): Promise<string[]> => {
  const written = owner.match(EMAIL) ?? [];
  if (written.length) return written;
  const name = owner.trim().toLowerCase();
  if (!name) return humasAddresses();
  const admins = (await strapi.db.query('admin::user').findMany({ where: { isActive: true, blocked: false }, select: ['email', 'firstname', 'lastname', 'username'] })) as Row[];
  const byName = admins.filter((user) => [[user.firstname, user.lastname].filter(Boolean).join(' '), user.username].some((value) => String(value ?? '').trim().toLowerCase() === name));
  const units = (await strapi.db.query('plugin::users-permissions.user').findMany({ where: { blocked: false, username: { $eqi: owner.trim() } }, select: ['email'] })) as Row[];
  const found = [...byName, ...units].map((user) => user.email as string);
  return found.length ? found : humasAddresses();
};

/** One item's identity across edits of the minutes (component rows may be rewritten): its text, owner and due date. */
const itemThreshold = (item: ActionItem) =>
  `${createHash('sha256').update(`${item.description}\u0000${item.owner ?? ''}`).digest('hex').slice(0, 16)}:${item.dueDate}`;

/**
 * Action items of meeting minutes whose due date has passed and that are not done remind their
 * owner once (the reminder log's unique key: minute, item, due date); a new due date is a new reminder.
 */
export const sendActionItemReminders = async (strapi: Core.Strapi, { today = todayInBatam() }: { today?: string } = {}) => {
  const minutes = (await strapi.db.query(MINUTE).findMany({
    select: ['id', 'documentId', 'number', 'title', 'meetingDate'],
    populate: { actionItems: true },
  })) as Array<Row & { actionItems?: ActionItem[] }>;
  let sent = 0;
  for (const minute of minutes) {
    for (const item of minute.actionItems ?? []) {
      if (item.done || !item.dueDate || String(item.dueDate) >= today) continue;
      try {
        const owner = item.owner?.trim() || '-';
        const recipients = uniqueAddresses(await ownerAddresses(strapi, item.owner ?? ''));
        const link = `${publicBaseUrl(strapi)}/admin/content-manager/collection-types/${MINUTE}/${minute.documentId}`;
        const once = await sendReminderOnce(
          strapi,
          { kind: 'action_item_overdue', recordType: MINUTE, recordDocumentId: minute.documentId, threshold: itemThreshold(item) },
          recipients,
          () => sendEmail(strapi, recipients, actionItemOverdueEmail({
            meetingTitle: String(minute.title), meetingNumber: String(minute.number), meetingDate: String(minute.meetingDate),
            description: item.description, owner, dueDate: String(item.dueDate), link,
          })),
        );
        if (once) sent += 1;
      } catch (error) {
        strapi.log.error(`[reminders] action item: ${(error as Error).message}`);
      }
    }
  }
  return sent;
};
