/**
 * Input schemas of the planning routes (`/kerjasama/...`): one per request body and query. The
 * controllers parse with them (`parseInput`, src/http/validate.ts); the services receive typed
 * values and only look up what the references name.
 */
import { z } from 'zod';
import { MAPPING_SOURCES, NEEDS_PRIORITIES, TARGET_METRICS, TARGET_VALUE_MAX } from '../../domain/achievement';
import { PARTNER_LEVELS } from '../../domain/directory';
import { oneOf, optionalOneOf, optionalReference, optionalText, planningYear, reference, referenceList, says, yearOrThisYear } from './fields';

/** `?year=` of every planning read (dashboard, mapping, targets, program, exports). */
export const yearQuery = z.object({ year: yearOrThisYear });

/** `{ year }` of the year-wide writes (copy the mapping, start from last year). */
export const yearBody = z.object({ year: planningYear });

/** PUT /kerjasama/mapping/cells */
export const mappingCellBody = z.object({
  year: planningYear,
  unit: reference('unit'),
  cooperationType: reference('cooperationType'),
  priority: oneOf(NEEDS_PRIORITIES, { id: `Prioritas harus salah satu dari ${NEEDS_PRIORITIES.join(', ')}`, en: `The priority must be one of ${NEEDS_PRIORITIES.join(', ')}` }),
  rationale: optionalText(2000),
  source: optionalOneOf(MAPPING_SOURCES, { id: `Sumber harus salah satu dari ${MAPPING_SOURCES.join(', ')}`, en: `The source must be one of ${MAPPING_SOURCES.join(', ')}` }),
});

const targetValueMessage = says({ id: `Nilai target harus bilangan bulat 0–${TARGET_VALUE_MAX}`, en: `The target value must be a whole number from 0 to ${TARGET_VALUE_MAX}` });
const targetValue = z.number(targetValueMessage).int(targetValueMessage).min(0, targetValueMessage).max(TARGET_VALUE_MAX, targetValueMessage);

/** PUT /kerjasama/targets/:documentId: the value and the notes (the scope of a target is its identity). */
export const targetUpdateBody = z.object({ targetValue: targetValue.optional(), notes: optionalText(2000) });

/** POST /kerjasama/targets */
export const targetCreateBody = z.object({
  year: planningYear,
  metric: oneOf(TARGET_METRICS, { id: `Ukuran harus salah satu dari ${TARGET_METRICS.join(', ')}`, en: `The metric must be one of ${TARGET_METRICS.join(', ')}` }),
  partnerLevel: optionalOneOf(PARTNER_LEVELS, { id: `Tingkat mitra harus salah satu dari ${PARTNER_LEVELS.join(', ')}`, en: `The partner level must be one of ${PARTNER_LEVELS.join(', ')}` }),
  unit: optionalReference('unit'),
  cooperationType: optionalReference('cooperationType'),
  targetValue,
  notes: optionalText(2000),
});

const titleTooLong = says({ id: 'Judul paling banyak 300 karakter', en: 'The title has at most 300 characters' });
const titleRequired = says({ id: 'Judul wajib diisi', en: 'The title is required' });

/** POST /kerjasama/program: a blank title means "Program Kerjasama <year>". */
export const programCreateBody = z.object({
  year: planningYear,
  title: z.preprocess((value) => (typeof value === 'string' && value.trim() ? value.trim() : undefined), z.string().max(300, titleTooLong).optional()),
});

export const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;

/** Quarter, budget and expected output: read only when sent; null (or '') clears. */
const schedule = {
  quarter: optionalOneOf(QUARTERS, { id: 'Triwulan harus Q1–Q4', en: 'The quarter must be Q1–Q4' }),
  // Whole rupiah within the schema's bounds: checked at the Document Service for every door (field-rules.ts).
  budget: z.preprocess((value) => (value === '' ? null : value), z.unknown()),
  expectedOutput: optionalText(5000),
};

/** POST /kerjasama/program/:documentId/items with `proposal`: the item is taken from an approved proposal. */
export const programItemFromProposalBody = z.object({ proposal: reference('proposal'), ...schedule });

/** POST /kerjasama/program/:documentId/items (typed in); PUT /program/items/:documentId takes any part of it. */
export const programItemBody = z.object({
  title: z.preprocess((value) => (typeof value === 'string' ? value.trim() : value), z.string(titleRequired).min(1, titleRequired).max(300, titleTooLong)),
  partner: optionalReference('partner'),
  cooperationType: optionalReference('cooperationType'),
  units: referenceList(),
  kpis: referenceList(),
  ...schedule,
});

export const programItemUpdateBody = programItemBody.partial();

export type MappingCellInput = z.output<typeof mappingCellBody>;
export type TargetCreateInput = z.output<typeof targetCreateBody>;
export type TargetUpdateInput = z.output<typeof targetUpdateBody>;
export type ProgramItemInput = z.output<typeof programItemUpdateBody>;
export type ProgramItemFromProposalInput = z.output<typeof programItemFromProposalBody>;
