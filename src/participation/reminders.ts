import type { Core } from '@strapi/strapi';
import { addDays, daysBetween } from '../domain/dates';
import { ACTIVITY_REPORT_UID, EVIDENCE_REMINDER_DAYS, isEvidenceOverdue } from '../domain/activity-report';
import { activityEvidenceMissingEmail, agreementEndingEmail, proposalWaitingEmail, surveyInvitationEmail } from '../domain/email-texts';
import { adminRoleCodesFor } from '../domain/roles';
import {
  AGREEMENT_THRESHOLDS, DEFAULT_PROPOSAL_STALE_DAYS, DEFAULT_SURVEY_REMINDER_DAYS, dueAgreementThreshold, isSurveyReminderDue, isWaitingTooLong,
  PROPOSAL_WAITING_ON, REMINDABLE_VALIDITY, uniqueAddresses,
} from '../domain/reminders';
import { getWorkflow } from '../domain/workflow';
import { deriveValidity } from '../workflow/agreement-validity';
import { todayInBatam } from '../workflow/today';
import { TRANSITION_LOG_UID } from '../workflow/transition-log';
import { adminAddresses, humasAddresses, publicBaseUrl, sendEmail, unitAddresses } from './mailer';
import { sendReminderOnce } from './reminder-log';
import { sendActionItemReminders } from '../documents/minutes/reminders';
import { INVITATION, newSurveyToken, hashSurveyToken, surveyLink } from './survey';
import { proposalPageUrl } from './units';

const AGREEMENT = 'api::agreement.agreement';
const PROPOSAL = 'api::proposal.proposal';
type Row = Record<string, unknown> & { id: number; documentId: string };

export interface ReminderOptions {
  /** The Batam calendar day the run is for; tests pass a fixed one. */
  today?: string;
}

const adminLink = (strapi: Core.Strapi, uid: string, documentId: string) =>
  `${publicBaseUrl(strapi)}/admin/content-manager/collection-types/${uid}/${documentId}`;

const positiveInt = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
};

/** Runs one reminder per record; a failure is logged and does not stop the others. */
const each = async <T>(strapi: Core.Strapi, label: string, rows: T[], work: (row: T) => Promise<boolean>) => {
  let sent = 0;
  for (const row of rows) {
    try {
      if (await work(row)) sent += 1;
    } catch (error) {
      strapi.log.error(`[reminders] ${label}: ${(error as Error).message}`);
    }
  }
  return sent;
};

/** Agreements 90, 30 and 7 days before their end, to Humas and the units involved. */
export const sendAgreementReminders = async (strapi: Core.Strapi, { today = todayInBatam() }: ReminderOptions = {}) => {
  const rows = (await strapi.db.query(AGREEMENT).findMany({
    where: { indefinite: false, endDate: { $gte: today, $lte: addDays(today, Math.max(...AGREEMENT_THRESHOLDS)) } },
    populate: { partner: { select: ['name'] }, units: { select: ['id'] } },
  })) as Row[];
  const renewed = new Set(
    ((await strapi.db.query(AGREEMENT).findMany({ where: { renewalOf: { id: { $notNull: true } } }, populate: { renewalOf: { select: ['id'] } } })) as Row[])
      .map((row) => (row.renewalOf as Row | null)?.id),
  );
  return each(strapi, 'agreement', rows, async (agreement) => {
    // Derived for `today` (not read from the stored state), so a run for any day is consistent.
    const validity = deriveValidity(agreement, renewed.has(agreement.id), today);
    if (!(REMINDABLE_VALIDITY as readonly string[]).includes(validity) || agreement.terminatedDate) return false;
    const endDate = agreement.endDate as string;
    const threshold = dueAgreementThreshold(endDate, today);
    if (threshold === null) return false;
    const recipients = uniqueAddresses([...humasAddresses(), ...(await unitAddresses(strapi, ((agreement.units as Row[]) ?? []).map((unit) => unit.id)))]);
    return sendReminderOnce(
      strapi,
      { kind: 'agreement_ending', recordType: AGREEMENT, recordDocumentId: agreement.documentId, threshold: `${threshold}d:${endDate}` },
      recipients,
      () => sendEmail(strapi, recipients, agreementEndingEmail({
        ourNumber: agreement.ourNumber as string, title: agreement.title as string, partnerName: ((agreement.partner as Row | null)?.name as string) ?? '-',
        endDate, daysLeft: daysBetween(today, endDate), threshold, link: adminLink(strapi, AGREEMENT, agreement.documentId),
      })),
    );
  });
};

/** Proposals waiting in one state longer than PROPOSAL_STALE_DAYS, to whoever must act next. */
export const sendProposalReminders = async (strapi: Core.Strapi, { today = todayInBatam() }: ReminderOptions = {}) => {
  const days = positiveInt(process.env.PROPOSAL_STALE_DAYS, DEFAULT_PROPOSAL_STALE_DAYS);
  const rows = (await strapi.db.query(PROPOSAL).findMany({
    where: { workflowState: { $in: Object.keys(PROPOSAL_WAITING_ON) } },
    select: ['id', 'documentId', 'title', 'workflowState', 'createdAt', 'proposerEmail'],
    populate: { unit: { select: ['id', 'name'] } },
  })) as Row[];
  if (!rows.length) return 0;
  const logs = (await strapi.db.query(TRANSITION_LOG_UID).findMany({
    where: { recordType: PROPOSAL, recordDocumentId: { $in: rows.map((row) => row.documentId) } },
    select: ['recordDocumentId', 'occurredAt'],
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
  })) as Row[];
  const enteredAt = new Map<string, string>();
  for (const log of logs) enteredAt.set(log.recordDocumentId as string, new Date(log.occurredAt as string).toISOString());
  const machine = getWorkflow(PROPOSAL)!;

  return each(strapi, 'proposal', rows, async (proposal) => {
    const state = proposal.workflowState as string;
    const since = enteredAt.get(proposal.documentId) ?? new Date(proposal.createdAt as string).toISOString();
    const sinceDay = todayInBatam(new Date(since));
    if (!isWaitingTooLong(sinceDay, today, days)) return false;
    const roles = PROPOSAL_WAITING_ON[state] ?? [];
    const unit = proposal.unit as Row | null;
    const officeRoles = roles.flatMap(adminRoleCodesFor);
    const forUnit = roles.includes('unit');
    const recipients = uniqueAddresses([
      ...(forUnit && unit ? await unitAddresses(strapi, [unit.id]) : []),
      ...(forUnit ? [proposal.proposerEmail as string | null] : []),
      ...(roles.some((role) => role === 'staf_humas' || role === 'kapokja') ? humasAddresses() : []),
      ...(await adminAddresses(strapi, officeRoles)),
    ]);
    const labels = machine.states.find((s) => s.name === state)?.labels ?? { id: state, en: state };
    return sendReminderOnce(
      strapi,
      { kind: 'proposal_waiting', recordType: PROPOSAL, recordDocumentId: proposal.documentId, threshold: `${state}:${since}:${days}d` },
      recipients,
      () => sendEmail(strapi, recipients, proposalWaitingEmail({
        title: proposal.title as string, unitName: (unit?.name as string) ?? '-', state: labels, days: daysBetween(sinceDay, today),
        link: forUnit ? proposalPageUrl(strapi) : adminLink(strapi, PROPOSAL, proposal.documentId),
      })),
    );
  });
};

/** Contacts who have not answered a survey, SURVEY_REMINDER_DAYS after the invitation; once each. */
export const sendSurveyReminders = async (strapi: Core.Strapi, { today = todayInBatam() }: ReminderOptions = {}) => {
  const days = positiveInt(process.env.SURVEY_REMINDER_DAYS, DEFAULT_SURVEY_REMINDER_DAYS);
  const rows = (await strapi.db.query(INVITATION).findMany({
    where: { usedAt: { $null: true }, remindedAt: { $null: true }, sentAt: { $notNull: true } },
    populate: { survey: { select: ['title', 'workflowState', 'closesAt'] }, partner: { select: ['name'] } },
  })) as Row[];
  return each(strapi, 'survey', rows, async (invitation) => {
    const survey = invitation.survey as Row | null;
    const expiresOn = todayInBatam(new Date(invitation.expiresAt as string));
    const due = isSurveyReminderDue({
      sentOn: invitation.sentAt ? todayInBatam(new Date(invitation.sentAt as string)) : null,
      usedAt: invitation.usedAt,
      remindedAt: invitation.remindedAt,
      expiresOn,
      surveyOpen: survey?.workflowState === 'open' && (!survey.closesAt || String(survey.closesAt) >= today),
    }, today, days);
    if (!due || !survey) return false;
    const email = invitation.contactEmail as string;
    return sendReminderOnce(
      strapi,
      { kind: 'survey_unanswered', recordType: INVITATION, recordDocumentId: invitation.documentId, threshold: `${days}d` },
      uniqueAddresses([email]),
      async () => {
        // Only the hash of a token is stored, so the reminder carries a new link; the old one stops working.
        const token = newSurveyToken();
        await strapi.documents(INVITATION).update({ documentId: invitation.documentId, data: { tokenHash: hashSurveyToken(token) } as never });
        await sendEmail(strapi, email, surveyInvitationEmail({
          surveyTitle: survey.title as string, partnerName: ((invitation.partner as Row | null)?.name as string) ?? '', contactName: invitation.contactName as string | null,
          link: surveyLink(strapi, token), expiresOn, reminder: true,
        }));
        await strapi.documents(INVITATION).update({ documentId: invitation.documentId, data: { remindedAt: new Date().toISOString() } as never });
      },
    );
  });
};

/**
 * Activity reports whose activity ended EVIDENCE_REMINDER_DAYS days ago or more and that hold no
 * evidence file: the unit (its address and its staff) is reminded once per report.
 */
export const sendActivityEvidenceReminders = async (strapi: Core.Strapi, { today = todayInBatam() }: ReminderOptions = {}) => {
  const rows = (await strapi.db.query(ACTIVITY_REPORT_UID).findMany({
    where: { endDate: { $lte: addDays(today, -EVIDENCE_REMINDER_DAYS) } },
    select: ['id', 'documentId', 'title', 'endDate'],
    populate: { unit: { select: ['id', 'name'] }, evidence: { populate: { file: { select: ['id'] } } } },
  })) as Row[];
  return each(strapi, 'activity evidence', rows, async (report) => {
    const evidenceFiles = ((report.evidence as Row[] | undefined) ?? []).filter((item) => item.file).length;
    const endDate = report.endDate as string;
    if (!isEvidenceOverdue({ endDate, evidenceFiles }, today)) return false;
    const unit = report.unit as Row | null;
    if (!unit) return false;
    const recipients = uniqueAddresses(await unitAddresses(strapi, [unit.id]));
    return sendReminderOnce(
      strapi,
      { kind: 'activity_evidence_missing', recordType: ACTIVITY_REPORT_UID, recordDocumentId: report.documentId, threshold: `${EVIDENCE_REMINDER_DAYS}d` },
      recipients,
      () => sendEmail(strapi, recipients, activityEvidenceMissingEmail({
        title: report.title as string, unitName: (unit.name as string) ?? '-', endDate, days: daysBetween(endDate, today), link: proposalPageUrl(strapi),
      })),
    );
  });
};

/** The daily run: every kind of reminder for `today`. */
export const runDailyReminders = async (strapi: Core.Strapi, options: ReminderOptions = {}) => ({
  agreements: await sendAgreementReminders(strapi, options),
  proposals: await sendProposalReminders(strapi, options),
  surveys: await sendSurveyReminders(strapi, options),
  actionItems: await sendActionItemReminders(strapi, options),
  activityEvidence: await sendActivityEvidenceReminders(strapi, options),
});
