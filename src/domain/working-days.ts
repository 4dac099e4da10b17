/**
 * Working days in Indonesia: Monday to Friday, minus the public holidays and joint leave days
 * of src/domain/holidays-id.ts (data, not rules).
 */
import { addDays, daysBetween, type IsoDate } from './dates';
import { holidayDates } from './holidays-id';

const DEFAULT_DAYS_OFF = holidayDates();

/** 0 = Sunday … 6 = Saturday, of a 'YYYY-MM-DD' date (through UTC, no time zone involved). */
export const weekday = (date: IsoDate): number => new Date(`${date}T00:00:00Z`).getUTCDay();

export function isWorkingDay(date: IsoDate, daysOff: ReadonlySet<IsoDate> = DEFAULT_DAYS_OFF): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !daysOff.has(date);
}

/**
 * Working days that passed from `from` to `to`: the working days after `from` up to and
 * including `to` (0 on the same day; a record handed over on Friday has waited 1 working day on
 * Monday). 0 when `to` is before `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, daysOff: ReadonlySet<IsoDate> = DEFAULT_DAYS_OFF): number {
  const span = daysBetween(from, to);
  let count = 0;
  for (let offset = 1; offset <= span; offset += 1) if (isWorkingDay(addDays(from, offset), daysOff)) count += 1;
  return count;
}
