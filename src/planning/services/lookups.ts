import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parsePlanningYear } from '../../domain/achievement';
import { formatBilingual } from '../../domain/bilingual';
import { fieldError, type FieldError } from '../../domain/validation';
import { throwFieldErrors } from '../../workflow/errors';
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
  kpi: { id: 'KPI tidak ditemukan', en: 'KPI not found' },
} as const;

const REFERENCE_UIDS = { unit: UIDS.unit, cooperationType: UIDS.cooperationType, partner: UIDS.partner, proposal: UIDS.proposal, kpi: UIDS.kpi } as const;

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

/**
 * A list of references by documentId (one query), e.g. an item's units. Missing or null = none;
 * each unknown entry is a field error naming its place in the list (`units.1`). Returns the
 * documentIds found, without repeats, in the order given.
 */
export const resolveReferences = async (
  strapi: Core.Strapi,
  kind: keyof typeof REFERENCE_UIDS,
  value: unknown,
  found: FieldError[],
  field: string = kind,
): Promise<string[]> => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || !item)) {
    found.push(fieldError([field], { id: 'Harus berupa daftar ID dokumen', en: 'Must be a list of document ids' }));
    return [];
  }
  const wanted = [...new Set(value as string[])];
  if (wanted.length === 0) return [];
  const rows = (await strapi.db.query(REFERENCE_UIDS[kind]).findMany({ where: { documentId: { $in: wanted } }, select: ['documentId'] })) as Row[];
  const known = new Set(rows.map((row) => row.documentId));
  (value as string[]).forEach((item, index) => {
    if (!known.has(item)) found.push(fieldError([field, String(index)], REFERENCE_LABELS[kind]));
  });
  return wanted.filter((documentId) => known.has(documentId));
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
