/**
 * What any input must be before it reaches the database: no NUL characters (PostgreSQL cannot
 * store them), no prototype keys, bounded nesting, and scalar values that the attribute's
 * column can hold. Each check names the path of the offending value.
 */
import { fieldError, type FieldError } from './validation';
import { isIsoDate } from './dates';

/** Deeper than any payload the system accepts (a component inside a relation inside a filter). */
export const MAX_INPUT_DEPTH = 32;
/** Errors reported per request: enough to fix the input, not a list as long as the attack. */
const MAX_REPORTED = 5;

export const INT32_MIN = -(2 ** 31);
export const INT32_MAX = 2 ** 31 - 1;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const nulError = (path: string[]) =>
  fieldError(path, { id: 'Teks tidak boleh memuat karakter NUL (\\u0000)', en: 'Text may not contain the NUL character (\\u0000)' });

/**
 * Walks a parsed body or query string without recursion (a 20,000-deep body must not overflow
 * the stack here either) and reports NUL characters in keys and strings, prototype keys, and
 * nesting deeper than MAX_INPUT_DEPTH.
 */
export function findUnsafeInput(value: unknown, root: string[] = []): FieldError[] {
  const found: FieldError[] = [];
  const stack: Array<{ value: unknown; path: string[] }> = [{ value, path: root }];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) found.push(nulError(path));
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (path.length - root.length >= MAX_INPUT_DEPTH) {
      found.push(fieldError(path, { id: `Data bersarang lebih dari ${MAX_INPUT_DEPTH} tingkat`, en: `Input nested deeper than ${MAX_INPUT_DEPTH} levels` }));
      continue;
    }
    for (const key of Object.keys(current)) {
      const at = [...path, key];
      if (FORBIDDEN_KEYS.has(key)) {
        found.push(fieldError(at, { id: `Nama kunci "${key}" tidak diizinkan`, en: `The key "${key}" is not allowed` }));
        continue;
      }
      if (key.includes('\u0000')) {
        found.push(nulError(at));
        continue;
      }
      stack.push({ value: (current as Record<string, unknown>)[key], path: at });
    }
  }
  return found;
}

/** Attribute types whose column is a number, a date or a moment: filters and writes are checked. */
export type ScalarKind = 'int32' | 'int64' | 'number' | 'boolean' | 'date' | 'datetime' | 'time' | 'text' | 'other';

export function scalarKindOf(attributeType: string): ScalarKind {
  switch (attributeType) {
    case 'integer':
    case 'increments':
      return 'int32';
    case 'biginteger':
      return 'int64';
    case 'float':
    case 'decimal':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
    case 'timestamp':
      return 'datetime';
    case 'time':
      return 'time';
    case 'string':
    case 'text':
    case 'richtext':
    case 'email':
    case 'uid':
    case 'enumeration':
    case 'password':
      return 'text';
    default:
      return 'other';
  }
}

const ISO_DATETIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const TIME = /^(2[0-3]|[01]\d):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?$/;

/** An ISO 8601 date-time whose day exists and whose clock is within range, or a Date. */
export function isIsoDateTime(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value !== 'string') return false;
  const match = ISO_DATETIME.exec(value.trim());
  if (!match || !isIsoDate(match[1])) return false;
  const [hours, minutes, seconds] = [match[2], match[3], match[4]].map((part) => (part === undefined ? 0 : Number(part)));
  return hours <= 23 && minutes <= 59 && seconds <= 59 && !Number.isNaN(Date.parse(value));
}

const numberOf = (value: unknown): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = Number(value.trim());
  return Number.isFinite(parsed) ? parsed : null;
};

/**
 * Whether a value fits the column of an attribute of this kind: the same conversions Strapi's
 * database layer makes (it throws a bare Error, answered 500, where this answers 400), plus the
 * range of the column (PostgreSQL refuses an integer past 2^31).
 */
export function checkScalar(kind: ScalarKind, value: unknown, path: string[]): FieldError | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && value.includes('\u0000')) return nulError(path);
  switch (kind) {
    case 'int32': {
      const number = numberOf(value);
      if (number === null || !Number.isInteger(number)) return fieldError(path, { id: 'Harus bilangan bulat', en: 'Must be a whole number' });
      if (number < INT32_MIN || number > INT32_MAX) {
        return fieldError(path, { id: `Harus antara ${INT32_MIN} dan ${INT32_MAX}`, en: `Must be between ${INT32_MIN} and ${INT32_MAX}` });
      }
      return null;
    }
    case 'int64': {
      const raw = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
      if (!/^-?\d{1,20}$/.test(raw)) return fieldError(path, { id: 'Harus bilangan bulat', en: 'Must be a whole number' });
      const big = BigInt(raw);
      return big < INT64_MIN || big > INT64_MAX ? fieldError(path, { id: 'Bilangan terlalu besar', en: 'The number is too large' }) : null;
    }
    case 'number':
      return numberOf(value) === null ? fieldError(path, { id: 'Harus berupa angka', en: 'Must be a number' }) : null;
    case 'boolean':
      // What Strapi's boolean column reads as true or false; anything else it silently took as true.
      return typeof value === 'boolean' || ['true', 'false', 't', 'f', '1', '0', 1, 0].includes(value as string | number)
        ? null
        : fieldError(path, { id: 'Harus true atau false', en: 'Must be true or false' });
    case 'date':
      return value instanceof Date || isIsoDate(value)
        ? null
        : fieldError(path, { id: `Tanggal tidak valid: ${String(value).slice(0, 40)}, gunakan format TTTT-BB-HH`, en: `Not a valid date: ${String(value).slice(0, 40)}, use the format YYYY-MM-DD` });
    case 'datetime':
      return isIsoDateTime(value)
        ? null
        : fieldError(path, { id: 'Waktu tidak valid, gunakan ISO 8601 (mis. 2026-04-01T08:00:00Z)', en: 'Not a valid date-time, use ISO 8601 (e.g. 2026-04-01T08:00:00Z)' });
    case 'time':
      return typeof value === 'string' && TIME.test(value) ? null : fieldError(path, { id: 'Jam tidak valid, gunakan JJ:MM:DD', en: 'Not a valid time, use HH:mm:ss' });
    case 'text':
      return typeof value === 'object' ? fieldError(path, { id: 'Harus berupa teks', en: 'Must be text' }) : null;
    default:
      return null;
  }
}
