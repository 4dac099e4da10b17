import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parsePlanningYear } from '../../../../src/domain/achievement';
import { formatBilingual } from '../../../../src/domain/bilingual';
import { fieldError, type FieldError } from '../../../../src/domain/validation';
import { throwFieldErrors } from '../../../../src/workflow/errors';
import { UIDS } from './schema';

export type Row = Record<string, unknown> & { id: number; documentId: string };

/** The year of a request (query or body), or a 400 naming the field. */
export const requireYear = (value: unknown, field = 'year'): number => {
  const parsed = parsePlanningYear(value, field);
  if ('error' in parsed) throwFieldErrors([parsed.error]);
  return (parsed as { year: number }).year;
};

const REFERENCE_LABELS = {
  unit: { id: 'Unit tidak ditemukan', en: 'Unit not found' },
  cooperationType: { id: 'Jenis kerjasama tidak ditemukan', en: 'Cooperation type not found' },
  partner: { id: 'Mitra tidak ditemukan', en: 'Partner not found' },
  proposal: { id: 'Usulan tidak ditemukan', en: 'Proposal not found' },
} as const;

const REFERENCE_UIDS = { unit: UIDS.unit, cooperationType: UIDS.cooperationType, partner: UIDS.partner, proposal: UIDS.proposal } as const;

/**
 * Resolves a reference given by documentId (what the admin pages send). Unknown → field error.
 * `optional` lets null / empty mean "none" (an institution-wide target has no unit).
 */
export const resolveReference = async (
  strapi: Core.Strapi,
  kind: keyof typeof REFERENCE_UIDS,
  value: unknown,
  found: FieldError[],
  { optional = false, field = kind as string } = {},
): Promise<Row | null> => {
  if (value === undefined || value === null || value === '') {
    if (!optional) found.push(fieldError([field], { id: `${REFERENCE_LABELS[kind].id.replace(' tidak ditemukan', '')} wajib diisi`, en: `${REFERENCE_LABELS[kind].en.replace(' not found', '')} is required` }));
    return null;
  }
  if (typeof value !== 'string') {
    found.push(fieldError([field], REFERENCE_LABELS[kind]));
    return null;
  }
  const row = (await strapi.db.query(REFERENCE_UIDS[kind]).findOne({ where: { documentId: value } })) as Row | null;
  if (!row) found.push(fieldError([field], REFERENCE_LABELS[kind]));
  return row;
};

export const notFound = (what: { id: string; en: string }) => new errors.NotFoundError(formatBilingual(what));

export const optionalText = (value: unknown, field: string, max: number, found: FieldError[]): string | null | undefined => {
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > max) {
    found.push(fieldError([field], { id: `Teks paling banyak ${max} karakter`, en: `Text of at most ${max} characters` }));
    return undefined;
  }
  return value;
};
