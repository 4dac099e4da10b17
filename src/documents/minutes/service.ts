import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import { formatBilingual } from '../../domain/bilingual';
import type { Actor } from '../../domain/roles';
import { refuse } from '../../workflow/errors';
import { issueDocument, type IssuedDocument, type RenderedDocument } from '../issued/issue';
import { documentFileName, MIME } from '../issued/formats';
import { minutesOptions, renderMinutes, type MinutesFormat } from './render';
import { MINUTES_FORM, minutesView, type MinuteRecord } from './view';

export const MINUTE = 'api::meeting-minute.meeting-minute';


/** The stored minute with everything its print shows (attendees, decisions with their proposals, action items). */
export const loadMinute = async (strapi: Core.Strapi, documentId: unknown) => {
  const row = typeof documentId === 'string' && documentId
    ? ((await strapi.db.query(MINUTE).findOne({
      where: { documentId },
      populate: {
        attendees: true,
        decisions: { populate: { proposal: { select: ['title', 'workflowState'] } } },
        actionItems: true,
        unit: { select: ['name'] },
        partner: { select: ['name'] },
      },
    })) as (MinuteRecord & { documentId: string; id: number }) | null)
    : null;
  if (!row) throw new errors.NotFoundError(formatBilingual({ id: 'Notulen rapat tidak ditemukan', en: 'Meeting minutes not found' }));
  return row;
};

const render = async (minute: MinuteRecord, format: MinutesFormat, documentNumber?: string, verifyUrl?: string): Promise<RenderedDocument> => ({
  bytes: await renderMinutes(minutesView(minute), format, minutesOptions(documentNumber, verifyUrl)),
  filename: documentFileName(documentNumber ?? `Notulen-${minute.number}-draf`, format),
  mime: MIME[format],
});

/** A print without a number (a preview, any state): what Staf Humas checks before the Kapokja issues. */
export const previewMinutes = async (strapi: Core.Strapi, documentId: unknown, format: MinutesFormat) =>
  render(await loadMinute(strapi, documentId), format);

/**
 * Issues the minutes as form BO.29.3.1 (PDF or DOCX) through the registry: numbered
 * KS/BO.29.3.1/<meeting year>/<n>, QR to its verification page. Only final minutes are issued:
 * their content no longer changes, so the issued file stays what the record says.
 */
export const issueMinutes = async (strapi: Core.Strapi, { documentId, format, actor }: { documentId: unknown; format: MinutesFormat; actor?: Actor }): Promise<IssuedDocument> => {
  const minute = await loadMinute(strapi, documentId);
  if (minute.workflowState !== 'final') {
    refuse('workflowState', formatBilingual({
      id: 'Hanya notulen berstatus final yang dapat diterbitkan; finalkan notulen terlebih dahulu',
      en: 'Only final minutes can be issued; finalize the minutes first',
    }));
  }
  return issueDocument(strapi, {
    formCode: MINUTES_FORM.formCode,
    record: { uid: MINUTE, documentId: minute.documentId },
    year: Number(String(minute.meetingDate).slice(0, 4)),
    title: `${MINUTES_FORM.title.id}: ${minute.title}`.slice(0, 300),
    render: (documentNumber, verifyUrl) => render(minute, format, documentNumber, verifyUrl),
    actor,
  });
};
