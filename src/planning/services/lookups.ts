import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formatBilingual } from '../../domain/bilingual';
import { fieldError, type FieldError } from '../../domain/validation';
import { REFERENCE_LABELS, type ReferenceKind } from '../../contracts/schemas/fields';
import { UIDS } from './schema';
import { rowsOf, type Ref } from '../rows';


const REFERENCE_UIDS = { unit: UIDS.unit, cooperationType: UIDS.cooperationType, partner: UIDS.partner, proposal: UIDS.proposal, kpi: UIDS.kpi } as const;

/**
 * Looks up a reference given by documentId (what the admin pages send; its shape is checked by
 * the route's schema). None (null / undefined) → null; unknown → a field error naming it.
 */
export const resolveReference = async (
  strapi: Core.Strapi,
  kind: ReferenceKind,
  value: string | null | undefined,
  found: FieldError[],
  field: string = kind,
): Promise<Ref | null> => {
  if (!value) return null;
  const row = await rowsOf<Ref>(strapi, REFERENCE_UIDS[kind]).findOne({ where: { documentId: value } });
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
  kind: ReferenceKind,
  value: string[] | null | undefined,
  found: FieldError[],
  field: string = kind,
): Promise<string[]> => {
  const wanted = [...new Set(value ?? [])];
  if (wanted.length === 0) return [];
  const rows = await rowsOf<Ref>(strapi, REFERENCE_UIDS[kind]).findMany({ where: { documentId: { $in: wanted } }, select: ['documentId'] });
  const known = new Set(rows.map((row) => row.documentId));
  (value ?? []).forEach((item, index) => {
    if (!known.has(item)) found.push(fieldError([field, String(index)], REFERENCE_LABELS[kind]));
  });
  return wanted.filter((documentId) => known.has(documentId));
};

export const notFound = (what: { id: string; en: string }) => new errors.NotFoundError(formatBilingual(what));
