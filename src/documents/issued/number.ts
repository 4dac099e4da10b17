/**
 * Document numbers of issued documents. Decision: `KS/<form code>/<year>/<sequence>`, e.g.
 * `KS/BO.29.3.1/2026/0001` — "KS" for Kerjasama (the office's register), the form code the
 * document is printed on, the year of the record it was issued from, and a sequence counted per
 * form code and year from 1 (at least four digits, more past 9999). The number is printed on the
 * document and is the address of its public check: `/verifikasi/KS/BO.29.3.1/2026/0001`.
 */
export const NUMBER_PREFIX = 'KS';

/** A form code as the office writes them: letters then dotted numbers (FO.28.2.1, BO.29.3.1). */
export const FORM_CODE = /^[A-Z]{2,4}(\.[0-9]{1,3}){1,5}$/;

const NUMBER = /^KS\/([A-Z]{2,4}(?:\.[0-9]{1,3}){1,5})\/([0-9]{4})\/([0-9]{4,7})$/;

export const formatDocumentNumber = (formCode: string, year: number, sequence: number) =>
  `${NUMBER_PREFIX}/${formCode}/${year}/${String(sequence).padStart(4, '0')}`;

export interface ParsedNumber {
  formCode: string;
  year: number;
  sequence: number;
}

/** The parts of a well-formed number, or null (a malformed number is a 400, not a lookup). */
export const parseDocumentNumber = (value: string): ParsedNumber | null => {
  const match = NUMBER.exec(value);
  if (!match) return null;
  return { formCode: match[1], year: Number(match[2]), sequence: Number(match[3]) };
};

/** The verification page's path for a number; its slashes stay path separators, so it reads as printed. */
export const verifyPath = (documentNumber: string) => `/verifikasi/${documentNumber.split('/').map(encodeURIComponent).join('/')}`;
