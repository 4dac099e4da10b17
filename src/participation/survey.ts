import { createHash, randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formatBilingual } from '../domain/bilingual';
import { addDays } from '../domain/dates';
import { surveyInvitationEmail } from '../domain/email-texts';
import {
  checkSurveyAnswers, DIMENSION_LABELS, invitationLanguage, isWellFormedSurveyToken, summariseSurvey,
  SURVEY_TOKEN_BYTES, type Answer, type Dimension, type SurveyQuestion,
} from '../domain/survey';
import { throwFieldErrors, refuse } from '../workflow/errors';
import { countActiveAgreements } from '../workflow/facts';
import { todayInBatam } from '../workflow/today';
import { publicBaseUrl, sendEmail } from './mailer';
import { EXPIRY_MESSAGE, type InvitationInput } from '../contracts/schemas/participation';

export const SURVEY = 'api::satisfaction-survey.satisfaction-survey';
export const INVITATION = 'api::survey-invitation.survey-invitation';
export const RESPONSE = 'api::survey-response.survey-response';
const PARTNER = 'api::partner.partner';
const DEFAULT_VALIDITY_DAYS = 30;

type Row = Record<string, unknown> & { id: number; documentId: string };

/** A link that cannot be used: HTTP status and a bilingual message for the partner. */
export class SurveyLinkError extends Error {
  constructor(readonly status: 400 | 404 | 409 | 410, message: string) {
    super(message);
    this.name = { 400: 'ValidationError', 404: 'NotFoundError', 409: 'ConflictError', 410: 'GoneError' }[status];
  }
}

export const newSurveyToken = () => randomBytes(SURVEY_TOKEN_BYTES).toString('base64url');
export const hashSurveyToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
export const surveyLink = (strapi: Core.Strapi, token: string) => `${publicBaseUrl(strapi)}/survei/${token}`;

const loadSurvey = async (strapi: Core.Strapi, documentId: string) => {
  const survey = (await strapi.db.query(SURVEY).findOne({ where: { documentId }, populate: { questions: true } })) as Row | null;
  if (!survey) throw new errors.NotFoundError(formatBilingual({ id: 'Survei tidak ditemukan', en: 'Survey not found' }));
  return survey;
};

const questionsOf = (survey: Row) => ((survey.questions as Row[] | undefined) ?? []).map((question) => ({
  code: question.code as string,
  dimension: question.dimension as Dimension,
  textId: question.textId as string,
  textEn: (question.textEn as string | null) ?? null,
}));

const isSurveyOpen = (survey: Row, today: string) =>
  survey.workflowState === 'open' && (!survey.closesAt || String(survey.closesAt) >= today) && (!survey.opensAt || String(survey.opensAt) <= today);

/** The partners to invite: those named, or else every partner with an active agreement today. */
const partnersToInvite = async (strapi: Core.Strapi, { partnerDocumentIds: named }: InvitationInput): Promise<Row[]> => {
  const where: Record<string, unknown> = { publishedAt: null, ...(named ? { documentId: { $in: named } } : {}) };
  const partners = (await strapi.db.query(PARTNER).findMany({ where, populate: { contacts: true } })) as Row[];
  if (named) {
    const missing = named.filter((id) => !partners.some((partner) => partner.documentId === id));
    if (missing.length) refuse('partnerDocumentIds', formatBilingual({ id: `Mitra tidak ditemukan: ${missing.join(', ')}`, en: `Partner not found: ${missing.join(', ')}` }));
    return partners;
  }
  const withActive: Row[] = [];
  for (const partner of partners) if ((await countActiveAgreements(strapi, partner.documentId)) > 0) withActive.push(partner);
  return withActive;
};

/**
 * Invites the contacts (with an e-mail) of the chosen partners: one invitation per contact and
 * survey, a fresh single-use token whose SHA-256 hash only is stored, and an e-mail with the
 * link. Contacts already invited to this survey are skipped, so sending again is harmless.
 */
export const sendSurveyInvitations = async (strapi: Core.Strapi, surveyDocumentId: string, request: InvitationInput) => {
  const survey = await loadSurvey(strapi, surveyDocumentId);
  const today = todayInBatam();
  if (!questionsOf(survey).length) refuse('questions', formatBilingual({ id: 'Survei belum memiliki butir pertanyaan', en: 'The survey has no questions yet' }));
  if (survey.workflowState === 'closed') refuse('workflowState', formatBilingual({ id: 'Survei sudah ditutup', en: 'The survey is closed' }));
  const expiresOn = request.expiresOn ?? (survey.closesAt as string | null) ?? addDays(today, DEFAULT_VALIDITY_DAYS);
  if (expiresOn < today) refuse('expiresOn', formatBilingual(EXPIRY_MESSAGE));
  if (survey.workflowState !== 'open') {
    await strapi.documents(SURVEY).update({ documentId: surveyDocumentId, data: { workflowState: 'open' } as never });
  }
  const partners = await partnersToInvite(strapi, request);
  const existing = (await strapi.db.query(INVITATION).findMany({
    where: { survey: { id: survey.id } },
    select: ['contactEmail'],
    populate: { partner: { select: ['documentId'] } },
  })) as Row[];
  const invitedKeys = new Set(existing.map((row) => `${(row.partner as Row | null)?.documentId}|${String(row.contactEmail).toLowerCase()}`));
  // End of the expiry day in Batam (UTC+7).
  const expiresAt = new Date(`${expiresOn}T23:59:59.999+07:00`).toISOString();
  const sent: Array<{ partner: string; email: string }> = [];
  let skipped = 0;
  for (const partner of partners) {
    for (const contact of (partner.contacts as Row[] | undefined) ?? []) {
      const email = (contact.email as string | null)?.trim();
      if (!email) continue;
      const key = `${partner.documentId}|${email.toLowerCase()}`;
      if (invitedKeys.has(key)) {
        skipped += 1;
        continue;
      }
      invitedKeys.add(key);
      const token = newSurveyToken();
      const invitation = await strapi.documents(INVITATION).create({
        data: {
          survey: survey.id, partner: partner.id, contactName: contact.name, contactEmail: email,
          language: invitationLanguage(partner.country as string), tokenHash: hashSurveyToken(token), expiresAt,
        } as never,
      });
      await sendEmail(strapi, email, surveyInvitationEmail({
        surveyTitle: survey.title as string, partnerName: partner.name as string, contactName: contact.name as string,
        link: surveyLink(strapi, token), expiresOn,
      }));
      await strapi.documents(INVITATION).update({ documentId: invitation.documentId, data: { sentAt: new Date().toISOString() } as never });
      sent.push({ partner: partner.name as string, email });
    }
  }
  return { sent: sent.length, skipped, invitations: sent };
};

const linkError = (status: 400 | 404 | 409 | 410, id: string, en: string) => new SurveyLinkError(status, formatBilingual({ id, en }));

/** The invitation behind a token, or the reason the link cannot be used. */
const invitationForToken = async (strapi: Core.Strapi, token: unknown, now = new Date()) => {
  if (!isWellFormedSurveyToken(token)) throw linkError(400, 'Tautan survei tidak sah', 'The survey link is malformed');
  const invitation = (await strapi.db.query(INVITATION).findOne({
    where: { tokenHash: hashSurveyToken(token) },
    populate: { survey: { populate: { questions: true } }, partner: { select: ['id', 'name', 'level', 'institutionType', 'country'] } },
  })) as Row | null;
  if (!invitation || !invitation.survey) {
    throw linkError(404, 'Tautan survei tidak dikenal; gunakan tautan terbaru dari surel Anda', 'Unknown survey link; use the latest link from your e-mail');
  }
  if (invitation.usedAt) throw linkError(409, 'Survei ini sudah Anda jawab melalui tautan ini. Terima kasih', 'This survey has already been answered through this link. Thank you');
  if (new Date(invitation.expiresAt as string).getTime() < now.getTime()) throw linkError(410, 'Tautan survei sudah kedaluwarsa', 'The survey link has expired');
  if (!isSurveyOpen(invitation.survey as Row, todayInBatam(now))) throw linkError(410, 'Survei sudah ditutup', 'The survey is closed');
  return invitation;
};

/** What the partner's page shows: the questionnaire in both languages, nothing private. */
export const surveyByToken = async (strapi: Core.Strapi, token: unknown) => {
  const invitation = await invitationForToken(strapi, token);
  const survey = invitation.survey as Row;
  return {
    survey: {
      documentId: survey.documentId,
      title: survey.title,
      year: survey.year,
      scaleMax: survey.scaleMax,
      introduction: survey.introduction ?? null,
      introductionEn: survey.introductionEn ?? null,
      questions: questionsOf(survey).map((question) => ({ ...question, dimensionLabels: DIMENSION_LABELS[question.dimension] })),
    },
    partner: { name: (invitation.partner as Row | null)?.name ?? null },
    contactName: invitation.contactName ?? null,
    language: invitation.language ?? 'id',
    expiresAt: invitation.expiresAt,
  };
};

/**
 * Records a partner's answers: the token must be valid, unused and unexpired, the survey the
 * one it was issued for, every question answered within the scale. The invitation row is
 * locked while the answer is written, so two submissions with one link record one response.
 */
export const submitSurveyResponse = async (strapi: Core.Strapi, token: unknown, body: Record<string, unknown>) => {
  const checked = await invitationForToken(strapi, token);
  const survey = checked.survey as Row;
  if (body.survey !== survey.documentId) {
    throw linkError(400, 'Tautan ini bukan untuk survei tersebut', 'This link is not for that survey');
  }
  const language = body.language ?? checked.language ?? 'id';
  if (language !== 'id' && language !== 'en') refuse('language', formatBilingual({ id: 'Bahasa harus id atau en', en: 'The language must be id or en' }));
  throwFieldErrors(checkSurveyAnswers({ questions: questionsOf(survey) as SurveyQuestion[], scaleMax: Number(survey.scaleMax), answers: body.answers, comment: body.comment }));
  const answers = (body.answers as Answer[]).map(({ questionCode, score }) => ({ questionCode, score }));

  return strapi.db.transaction(async () => {
    if (strapi.db.dialect.client === 'postgres') {
      await strapi.db.queryBuilder(INVITATION).select('id').where({ id: checked.id }).forUpdate().execute();
    }
    const current = (await strapi.db.query(INVITATION).findOne({ where: { id: checked.id }, select: ['usedAt', 'tokenHash'] })) as Row | null;
    if (!current || current.usedAt || current.tokenHash !== hashSurveyToken(token as string)) {
      throw linkError(409, 'Survei ini sudah Anda jawab melalui tautan ini. Terima kasih', 'This survey has already been answered through this link. Thank you');
    }
    const submittedAt = new Date().toISOString();
    await strapi.documents(INVITATION).update({ documentId: checked.documentId, data: { usedAt: submittedAt } as never });
    await strapi.documents(RESPONSE).create({
      data: {
        survey: survey.id,
        invitation: checked.id,
        partner: (checked.partner as Row | null)?.id ?? null,
        answers,
        comment: typeof body.comment === 'string' && body.comment.trim() ? body.comment.trim() : null,
        language,
        submittedAt,
      } as never,
    });
    return { submittedAt };
  });
};

/** Results of one survey for the admin: per item, dimension, partner level and type, response rate. */
export const surveyResults = async (strapi: Core.Strapi, surveyDocumentId: string) => {
  const survey = await loadSurvey(strapi, surveyDocumentId);
  const responses = (await strapi.db.query(RESPONSE).findMany({
    where: { survey: { id: survey.id } },
    populate: { answers: true, partner: { select: ['level', 'institutionType'] } },
  })) as Row[];
  const invited = await strapi.db.query(INVITATION).count({ where: { survey: { id: survey.id }, sentAt: { $notNull: true } } });
  const answered = await strapi.db.query(INVITATION).count({ where: { survey: { id: survey.id }, usedAt: { $notNull: true } } });
  return {
    survey: { documentId: survey.documentId, title: survey.title, year: survey.year, workflowState: survey.workflowState },
    ...summariseSurvey({
      questions: questionsOf(survey),
      scaleMax: Number(survey.scaleMax),
      invited,
      answered,
      responses: responses.map((response) => ({
        answers: ((response.answers as Row[] | undefined) ?? []).map((answer) => ({ questionCode: answer.questionCode as string, score: Number(answer.score) })),
        partnerLevel: ((response.partner as Row | null)?.level as string | undefined) ?? null,
        partnerType: ((response.partner as Row | null)?.institutionType as string | undefined) ?? null,
      })),
    }),
  };
};

export const listSurveys = async (strapi: Core.Strapi) =>
  strapi.db.query(SURVEY).findMany({ select: ['documentId', 'title', 'year', 'scaleMax', 'workflowState', 'closesAt'], orderBy: [{ year: 'desc' }, { id: 'desc' }] });

