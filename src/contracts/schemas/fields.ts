/**
 * Building blocks of the input schemas (zod): each field names its own bilingual message, so a
 * refused request answers `error.details.errors[{ path, message }]` with the same words whichever
 * route it came through. Pure (no Strapi import): the admin may import the schemas too.
 */
import { z } from 'zod';
import { formatBilingual, type Bilingual } from '../../domain/bilingual';
import { PLANNING_YEARS } from '../../domain/achievement';
import type { FieldError } from '../../domain/validation';

/** A message for zod: the bilingual text, whatever the failure. */
export const says = (text: Bilingual) => ({ error: formatBilingual(text) });

/** '' (an emptied form field) is the same as null. */
const emptyAsNull = (value: unknown) => (value === '' ? null : value);

/** One of a fixed list of strings. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, message: Bilingual) => z.enum(values, says(message));

/** Optional, clearable (null / '' → null) member of a list. */
export const optionalOneOf = <const T extends readonly [string, ...string[]]>(values: T, message: Bilingual) =>
  z.preprocess(emptyAsNull, z.enum(values, says(message)).nullish());

/** Free text of at most `max` characters; null / '' clear it, absent leaves it. */
export const optionalText = (max: number) => {
  const message = says({ id: `Teks paling banyak ${max} karakter`, en: `Text of at most ${max} characters` });
  return z.preprocess(emptyAsNull, z.string(message).max(max, message).nullish());
};

const yearMessage = says({
  id: `Tahun tidak dikenal; gunakan tahun ${PLANNING_YEARS.min}–${PLANNING_YEARS.max}`,
  en: `Unknown year; use a year from ${PLANNING_YEARS.min} to ${PLANNING_YEARS.max}`,
});

/** A planning year: an integer within the schema's range (four digits from a query string accepted). */
export const planningYear = z.preprocess(
  (value) => (typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : value),
  z.number(yearMessage).int(yearMessage).min(PLANNING_YEARS.min, yearMessage).max(PLANNING_YEARS.max, yearMessage),
);

/** `?year=` of a read: missing means this year. */
export const yearOrThisYear = planningYear.default(() => new Date().getFullYear());

/** What a reference (a documentId the admin page sends) is called in its messages. */
export const REFERENCE_LABELS = {
  unit: { id: 'Unit tidak ditemukan', en: 'Unit not found' },
  cooperationType: { id: 'Jenis kerjasama tidak ditemukan', en: 'Cooperation type not found' },
  partner: { id: 'Mitra tidak ditemukan', en: 'Partner not found' },
  proposal: { id: 'Usulan tidak ditemukan', en: 'Proposal not found' },
  kpi: { id: 'KPI tidak ditemukan', en: 'KPI not found' },
} as const;

export type ReferenceKind = keyof typeof REFERENCE_LABELS;

const requiredLabel = (kind: ReferenceKind): Bilingual => ({
  id: `${REFERENCE_LABELS[kind].id.replace(' tidak ditemukan', '')} wajib diisi`,
  en: `${REFERENCE_LABELS[kind].en.replace(' not found', '')} is required`,
});

/** A required reference by documentId (whether it exists is the service's lookup). */
export const reference = (kind: ReferenceKind) => {
  const required = formatBilingual(requiredLabel(kind));
  return z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? required : formatBilingual(REFERENCE_LABELS[kind])) })
    .min(1, { error: required });
};

/** An optional reference: null / '' mean "none" (an institution-wide target has no unit). */
export const optionalReference = (kind: ReferenceKind) => z.preprocess(emptyAsNull, z.string(says(REFERENCE_LABELS[kind])).nullish());

/** A list of references by documentId (an item's units); null means none. */
export const referenceList = () => {
  const message = says({ id: 'Harus berupa daftar ID dokumen', en: 'Must be a list of document ids' });
  return z.array(z.string(message).min(1, message), message).nullish();
};

/** Field errors of a failed parse, one per path (the first), in the order of the schema. */
export const fieldErrorsOf = (error: z.ZodError): FieldError[] => {
  const seen = new Set<string>();
  const found: FieldError[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    const key = path.join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ path, message: issue.message });
  }
  return found;
};
