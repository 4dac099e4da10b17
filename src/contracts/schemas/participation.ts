/** Input schemas of the participation routes: calls for proposals, unit accounts, survey invitations. */
import { z } from 'zod';
import { says } from './fields';

/** POST /kerjasama/calls/:documentId/send */
export const sendCallBody = z.object({ resend: z.boolean(says({ id: 'resend harus true atau false', en: 'resend must be true or false' })).optional() });

const emailMessage = says({ id: 'Surel tidak sah', en: 'Invalid e-mail' });
const unitRequired = says({ id: 'Unit wajib diisi', en: 'The unit is required' });

/** POST /kerjasama/unit-accounts: the e-mail is kept trimmed and in lower case. */
export const unitAccountBody = z.object({
  email: z.preprocess((value) => (typeof value === 'string' ? value.trim().toLowerCase() : ''), z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, emailMessage)),
  unit: z.string(unitRequired).min(1, unitRequired),
});

export const EXPIRY_MESSAGE = { id: 'Tanggal kedaluwarsa harus tanggal (YYYY-MM-DD) hari ini atau nanti', en: 'The expiry must be a date (YYYY-MM-DD) from today on' };
const partnersMessage = says({ id: 'Daftar mitra harus berupa daftar documentId', en: 'partnerDocumentIds must be a list of documentIds' });

/** POST /kerjasama/surveys/:documentId/invitations: the partners named (else every partner in force), until when. */
export const invitationBody = z.object({
  partnerDocumentIds: z.array(z.string(partnersMessage), partnersMessage).optional(),
  expiresOn: z.string(says(EXPIRY_MESSAGE)).regex(/^\d{4}-\d{2}-\d{2}$/, says(EXPIRY_MESSAGE)).nullish(),
});

export type UnitAccountInput = z.output<typeof unitAccountBody>;
export type InvitationInput = z.output<typeof invitationBody>;
