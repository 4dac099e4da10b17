/**
 * Input schemas of the accreditation routes (issue 12): LKPS Table 1 of a study program, IKU 6
 * of a year, the KPI evidence pack of a code and a year.
 */
import { z } from 'zod';
import { EVIDENCE_KPI_CODES } from '../../domain/accreditation/evidence-pack';
import { oneOf, reference, yearOrThisYear } from './fields';

/** GET /kerjasama/accreditation/lkps?unit=&year= (TS = year; missing = this year), and its /export. */
export const lkpsQuery = z.object({ unit: reference('unit'), year: yearOrThisYear });

/** GET /kerjasama/accreditation/iku6?year= and its /export. */
export const iku6Query = z.object({ year: yearOrThisYear });

const codes = EVIDENCE_KPI_CODES.join(', ');

/** GET /kerjasama/accreditation/evidence-pack?code=&year= (and /evidence-pack/index for the listing). */
export const evidencePackQuery = z.object({
  code: oneOf(EVIDENCE_KPI_CODES, { id: `Kode KPI harus salah satu dari ${codes}`, en: `The KPI code must be one of ${codes}` }),
  year: yearOrThisYear,
});

export type LkpsQuery = z.output<typeof lkpsQuery>;
export type EvidencePackQuery = z.output<typeof evidencePackQuery>;
