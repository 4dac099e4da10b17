/**
 * When a reminder is due, and to whom. Pure rules; the daily task in src/participation/reminders.ts
 * reads the records, asks these functions, and sends each reminder once (a unique key per
 * record and threshold in the reminder log).
 */
import { daysBetween, type IsoDate } from './dates';
import type { ActorRole } from './roles';

/** Days before an agreement's end at which Humas and the units involved are reminded. */
export const AGREEMENT_THRESHOLDS = [90, 30, 7] as const;

/** Agreement validity states that still end on their end date (renewed or terminated ones stop). */
export const REMINDABLE_VALIDITY = ['active', 'expiring'] as const;

/**
 * The threshold due today: the tightest one the remaining days have reached, so a reminder
 * missed on its day (server down) is still sent, and an agreement entered with 20 days left
 * gets the 30-day reminder once, not the 90-day one as well. None after the end date.
 */
export function dueAgreementThreshold(endDate: IsoDate, today: IsoDate, thresholds: readonly number[] = AGREEMENT_THRESHOLDS): number | null {
  const daysLeft = daysBetween(today, endDate);
  if (daysLeft < 0) return null;
  const reached = thresholds.filter((threshold) => daysLeft <= threshold);
  return reached.length ? Math.min(...reached) : null;
}

export const DEFAULT_PROPOSAL_STALE_DAYS = 14;

/** Who must act on a proposal waiting in each state (the transitions out of it, by their main actor). */
export const PROPOSAL_WAITING_ON: Readonly<Record<string, readonly ActorRole[]>> = {
  draft: ['unit'],
  submitted: ['staf_humas', 'kapokja'],
  under_review: ['kapokja'],
  revision_requested: ['unit'],
  recommended: ['direktur'],
};

/** Whether a proposal that entered its state on `since` has waited longer than `days` by `today`. */
export function isWaitingTooLong(since: IsoDate, today: IsoDate, days: number): boolean {
  return daysBetween(since, today) > days;
}

export const DEFAULT_SURVEY_REMINDER_DAYS = 7;

/** An invitation is reminded once, `days` after it was sent, while unused, unexpired and its survey open. */
export function isSurveyReminderDue(invitation: {
  sentOn: IsoDate | null;
  usedAt: unknown;
  remindedAt: unknown;
  expiresOn: IsoDate;
  surveyOpen: boolean;
}, today: IsoDate, days: number): boolean {
  if (!invitation.sentOn || invitation.usedAt || invitation.remindedAt || !invitation.surveyOpen) return false;
  if (daysBetween(today, invitation.expiresOn) < 0) return false;
  return daysBetween(invitation.sentOn, today) >= days;
}

/** Distinct, well-formed, case-insensitively unique addresses, in their first-seen order. */
export function uniqueAddresses(addresses: Array<string | null | undefined>): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const address of addresses) {
    const trimmed = address?.trim();
    if (!trimmed || !/^[^\s@]+@[^\s@]+$/.test(trimmed)) continue;
    const key = trimmed.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(trimmed);
  }
  return result;
}
