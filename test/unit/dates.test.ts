import {
  addCalendarYears,
  addDays,
  compareIsoDates,
  daysBetween,
  isIsoDate,
  toDate,
  toIsoDate,
  todayInBatam,
} from '../../src/domain/dates';

describe('isIsoDate', () => {
  test('only a string is a date, not something that prints as one', () => {
    expect(isIsoDate({ toString: () => '2026-01-15' })).toBe(false);
    expect(isIsoDate('2026-01-15')).toBe(true);
  });

  test.each([
    ['2025-03-03', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-3-3', false],
    ['2025-03-03T00:00:00Z', false],
    ['', false],
    [null, false],
    [20250303, false],
  ])('%j -> %s', (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });
});

describe('day arithmetic', () => {
  test.each([
    ['2025-01-01', '2025-01-01', 0],
    ['2025-01-01', '2025-01-02', 1],
    ['2025-01-02', '2025-01-01', -1],
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2024-12-31', '2025-01-01', 1],
    ['2025-01-01', '2026-01-01', 365],
    ['2024-01-01', '2025-01-01', 366],
    // Days around European and American daylight-saving changes stay whole days.
    ['2025-03-29', '2025-03-31', 2],
    ['2025-10-25', '2025-10-27', 2],
  ])('daysBetween(%s, %s) = %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(addDays(from, days)).toBe(to);
    expect(Math.sign(compareIsoDates(to, from))).toBe(Math.sign(days));
  });

  test('years before 100 are not mistaken for the 1900s', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  test('malformed dates are refused loudly', () => {
    expect(() => daysBetween('2025-02-30', '2025-03-01')).toThrow(RangeError);
    expect(() => addDays('03/03/2025', 1)).toThrow(RangeError);
  });
});

describe('instants', () => {
  test.each([
    ['2025-03-03T10:15:00.000Z', 5, '2030-03-03T10:15:00.000Z'],
    ['2024-02-29T08:00:00.000Z', 5, '2029-03-01T08:00:00.000Z'],
    ['2024-02-29T08:00:00.000Z', 4, '2028-02-29T08:00:00.000Z'],
    ['2025-12-31T23:59:59.999Z', 5, '2030-12-31T23:59:59.999Z'],
  ])('addCalendarYears(%s, %i) = %s', (start, years, expected) => {
    expect(addCalendarYears(start, years).toISOString()).toBe(expected);
    expect(addCalendarYears(new Date(start), years).toISOString()).toBe(expected);
  });

  test('addCalendarYears does not change its argument', () => {
    const start = new Date('2025-01-01T00:00:00Z');
    addCalendarYears(start, 5);
    expect(start.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  test('toIsoDate uses the UTC calendar date', () => {
    expect(toIsoDate('2025-03-03T23:30:00+07:00')).toBe('2025-03-03');
    expect(toIsoDate('2025-03-03T02:00:00+07:00')).toBe('2025-03-02');
  });

  test('an invalid instant is refused', () => {
    expect(() => toDate('not a date')).toThrow(RangeError);
    expect(() => toDate('not a date')).toThrow('Not a valid date-time: not a date');
    expect(() => toDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('todayInBatam', () => {
  test('the day turns at midnight in Batam (UTC+7), not at midnight UTC', () => {
    expect(todayInBatam(new Date('2025-12-31T16:59:59.999Z'))).toBe('2025-12-31');
    expect(todayInBatam(new Date('2025-12-31T17:00:00.000Z'))).toBe('2026-01-01');
    expect(todayInBatam(new Date('2026-01-01T00:00:00+07:00'))).toBe('2026-01-01');
  });

  test('without an argument it is today', () => {
    const before = todayInBatam(new Date());
    expect([before, todayInBatam(new Date())]).toContain(todayInBatam());
  });
});
