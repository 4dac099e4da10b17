/**
 * Input schemas of the document routes: the issued-document list, the minutes (BO.29.3.1), the
 * monitoring recap (BO.28.1.2) and the evaluation report (FO.28.2.1).
 */
import { z } from 'zod';
import { PERIODS } from '../../documents/monitoring-recap/recap';
import { planningYear, says } from './fields';

/** The formats each document is printed in (test/unit/contracts.test.ts pins them to the renderers' lists). */
export const DOCUMENT_FORMATS = {
  minutes: ['pdf', 'docx'],
  recap: ['pdf', 'docx', 'xlsx'],
  evaluation: ['pdf', 'docx', 'xlsx'],
  tabular: ['pdf', 'docx', 'xlsx'],
} as const;

/** `format`, missing (or null) = pdf; the issued documents' message quotes each name. */
const format = <const T extends readonly [string, ...string[]]>(allowed: T, quoted = true) => {
  const list = allowed.map((name) => (quoted ? `"${name}"` : name)).join(', ');
  return z.preprocess((value) => value ?? 'pdf', z.enum(allowed, says({ id: `Format harus salah satu dari ${list}`, en: `The format must be one of ${list}` })));
};

const text = says({ id: 'Harus berupa teks', en: 'Must be text' });

/** GET /kerjasama/documents?recordDocumentId=&formCode= */
export const issuedListQuery = z.object({ recordDocumentId: z.string(text).optional(), formCode: z.string(text).optional() });

/** GET /kerjasama/minutes/:documentId/preview?format= and POST /minutes/:documentId/issue { format } */
export const minutesFormatInput = z.object({ format: format(DOCUMENT_FORMATS.minutes) });

const recapYear = says({ id: 'Tahun harus bilangan bulat 2000–2100', en: 'The year must be a whole number 2000–2100' });
const unitNotFound = says({ id: 'Unit tidak ditemukan', en: 'Unit not found' });

/** GET /kerjasama/monitoring-recap?year=&period=&unit= (the unit by documentId). */
export const recapQuery = z.object({
  year: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
    z.number(recapYear).int(recapYear).min(2000, recapYear).max(2100, recapYear),
  ),
  period: z.preprocess((value) => value ?? 'year', z.enum(PERIODS as ['S1', 'S2', 'year'], says({ id: 'Periode harus S1, S2 atau year', en: 'The period must be S1, S2 or year' }))),
  unit: z.string(unitNotFound).min(1, unitNotFound),
});

/** GET /kerjasama/monitoring-recap/export?…&format= and POST /monitoring-recap/issue { …, format } */
export const recapPrintInput = recapQuery.extend({ format: format(DOCUMENT_FORMATS.recap) });

/** `:year` of the evaluation routes. */
export const evaluationParams = z.object({ year: planningYear });

/** GET /kerjasama/evaluation/:year/download?format= */
export const evaluationDownloadQuery = z.object({ format: format(DOCUMENT_FORMATS.evaluation, false) });

const narrative = (max: number) => z.string(text).max(max, says({ id: `Paling banyak ${max} karakter`, en: `At most ${max} characters` })).nullable().optional();

/** POST /kerjasama/evaluation/:year/generate and /finalize: the narrative, each field only when sent. */
export const evaluationNarrativeBody = z.object({
  title: narrative(300),
  findings: narrative(20000),
  problems: narrative(20000),
  recommendations: narrative(20000),
});

/** GET /kerjasama/program/export?year= and POST /program/issue { year }: the year's approved program (FO.28.1.1). */
export const programDocumentInput = z.object({ year: planningYear });

/** `format` of the tabular documents (FO.28.1.1 program, FO.28.2.2 survey results). */
export const tabularFormatInput = z.object({ format: format(DOCUMENT_FORMATS.tabular) });

export type RecapInput = z.output<typeof recapQuery>;
export type RecapPrintInput = z.output<typeof recapPrintInput>;
export type EvaluationNarrative = z.output<typeof evaluationNarrativeBody>;
