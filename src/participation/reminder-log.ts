import type { Core } from '@strapi/strapi';
import { runAsSystem } from '../workflow/write-context';

export const REMINDER_LOG = 'api::reminder-log.reminder-log';

export interface ReminderClaim {
  kind: 'agreement_ending' | 'proposal_waiting' | 'survey_unanswered' | 'action_item_overdue' | 'activity_evidence_missing' | 'queue_digest';
  recordType: string;
  recordDocumentId: string;
  threshold: string;
}

export const reminderKey = (claim: ReminderClaim) => `${claim.kind}:${claim.recordDocumentId}:${claim.threshold}`;

const isUniqueViolation = (error: unknown): boolean => {
  const seen = new Set<unknown>();
  let current = error as { code?: unknown; message?: unknown; cause?: unknown; details?: unknown } | undefined;
  while (current && !seen.has(current)) {
    seen.add(current);
    const code = String(current.code ?? '');
    const message = String(current.message ?? '');
    if (code === '23505' || code.startsWith('SQLITE_CONSTRAINT') || /unique constraint|duplicate key|UNIQUE/i.test(message)) return true;
    current = current.cause as typeof current;
  }
  return false;
};

/**
 * Sends a reminder at most once, whatever the number of instances or runs: the reminder log
 * row is inserted first, and the database's unique index on its key lets exactly one insert
 * through. Only the winner sends. A failed send removes the row so the next run tries again.
 * Returns true when this call sent the reminder.
 */
export const sendReminderOnce = async (
  strapi: Core.Strapi,
  claim: ReminderClaim,
  recipients: string[],
  send: () => Promise<void>,
): Promise<boolean> => {
  if (!recipients.length) return false;
  const log = strapi.documents(REMINDER_LOG);
  let row: { documentId: string };
  try {
    row = await runAsSystem('reminders', () => log.create({ data: { ...claim, reminderKey: reminderKey(claim), recipients } as never }));
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
  try {
    await send();
  } catch (error) {
    await runAsSystem('reminders', () => log.delete({ documentId: row.documentId }));
    throw error;
  }
  await runAsSystem('reminders', () => log.update({ documentId: row.documentId, data: { sentAt: new Date().toISOString() } as never }));
  return true;
};
