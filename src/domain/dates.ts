/**
 * Calendar-date helpers for 'YYYY-MM-DD' strings.
 *
 * Dates are turned into whole day numbers through UTC, never through the local time zone, so
 * that a server in WIB (UTC+7) and one in UTC compute the same days and no daylight-saving
 * change can shift a day.
 */

/** A calendar date written 'YYYY-MM-DD', as Strapi's `date` attribute stores it. */
export type IsoDate = string;

/** A point in time: a Date, or an ISO 8601 date-time string as Strapi returns `createdAt`. */
export type Instant = Date | string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a well-formed 'YYYY-MM-DD' string naming a day that exists (no 2023-02-29). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && dayNumberOrNull(value) !== null;
}

/** Days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Negative when `a` is before `b`, 0 when equal, positive when after. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return daysBetween(b, a);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * The same moment `years` calendar years later (UTC calendar). 29 February rolls over to
 * 1 March in a non-leap year, so a period counted this way is never shorter than the years
 * asked for.
 */
export function addCalendarYears(instant: Instant, years: number): Date {
  const start = toDate(instant);
  const result = new Date(start.getTime());
  result.setUTCFullYear(start.getUTCFullYear() + years);
  return result;
}

/** The UTC calendar date of a moment, as 'YYYY-MM-DD'. */
export function toIsoDate(instant: Instant): IsoDate {
  return toDate(instant).toISOString().slice(0, 10);
}

/** Polibatam works on Western Indonesian Time (UTC+7, no daylight saving): the offset of Batam's calendar from UTC. */
const BATAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** "Today" is the calendar day in Batam, on the server and on the public pages alike. */
export function todayInBatam(now: Date = new Date()): IsoDate {
  return toIsoDate(new Date(now.getTime() + BATAM_OFFSET_MS));
}

/** A valid Date from a Date or an ISO string; throws on anything that is not a real moment. */
export function toDate(instant: Instant): Date {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`Not a valid date-time: ${String(instant)}`);
  }
  return date;
}

function toDayNumber(date: IsoDate): number {
  const dayNumber = dayNumberOrNull(date);
  if (dayNumber === null) {
    throw new RangeError(`Not a valid calendar date (expected YYYY-MM-DD): ${date}`);
  }
  return dayNumber;
}

function dayNumberOrNull(date: string): number | null {
  const match = ISO_DATE_PATTERN.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = utcMidnight(year, month, day);
  // Date.UTC silently rolls 2023-02-30 over to March; a real date reads back unchanged.
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    return null;
  }
  return utc.getTime() / MS_PER_DAY;
}

function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

function utcMidnight(year: number, month: number, day: number): Date {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  return date;
}
