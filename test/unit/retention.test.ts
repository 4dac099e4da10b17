import {
  checkDeletion,
  hasPassedRetention,
  isRetainedRecord,
  RETAINED_RECORD_UIDS,
  retentionUntil,
} from '../../src/domain/retention';

const MINUTES = 'api::meeting-minute.meeting-minute';

test('the six PR.28.1 §4 records and the agreements are retained', () => {
  expect([...RETAINED_RECORD_UIDS].sort()).toEqual(
    [
      'api::needs-mapping.needs-mapping',
      'api::satisfaction-survey.satisfaction-survey',
      'api::evaluation-report.evaluation-report',
      'api::meeting-minute.meeting-minute',
      'api::annual-program.annual-program',
      'api::monitoring-record.monitoring-record',
      'api::agreement.agreement',
    ].sort(),
  );
  expect(isRetainedRecord('api::proposal.proposal')).toBe(false);
  expect(isRetainedRecord('hasOwnProperty')).toBe(false);
});

describe('retentionUntil', () => {
  test.each([
    [null, '2025-03-03T09:00:00.000Z', '2030-03-03T09:00:00.000Z'],
    [undefined, '2025-03-03T09:00:00.000Z', '2030-03-03T09:00:00.000Z'],
    ['2026-01-10T00:00:00.000Z', '2025-03-03T09:00:00.000Z', '2031-01-10T00:00:00.000Z'],
    // A leap day has no anniversary five years on: the period runs to 1 March, never shorter.
    ['2024-02-29T12:00:00.000Z', '2024-01-01T00:00:00.000Z', '2029-03-01T12:00:00.000Z'],
  ])('finalised %s, created %s -> %s', (finalisedAt, createdAt, until) => {
    expect(retentionUntil({ finalisedAt, createdAt }).toISOString()).toBe(until);
  });
});

describe('checkDeletion', () => {
  const createdAt = new Date('2025-03-03T09:00:00.000Z');

  test.each([
    ['one millisecond before five years', '2030-03-03T08:59:59.999Z', false],
    ['exactly five years', '2030-03-03T09:00:00.000Z', true],
    ['later', '2031-01-01T00:00:00.000Z', true],
    ['the same day', '2025-03-03T10:00:00.000Z', false],
  ])('%s: allowed = %s', (_, now, allowed) => {
    expect(checkDeletion({ uid: MINUTES, createdAt, now }).ok).toBe(allowed);
    expect(hasPassedRetention({ createdAt }, now)).toBe(allowed);
  });

  test('the refusal names the record and the date, Indonesian first', () => {
    const result = checkDeletion({ uid: MINUTES, createdAt, now: new Date('2026-01-01T00:00:00Z') });
    expect(result).toEqual({
      ok: false,
      code: 'retention_period',
      retainUntil: new Date('2030-03-03T09:00:00.000Z'),
      message:
        'Notulen rapat wajib disimpan 5 tahun sesuai PR.28.1, yaitu hingga 2030-03-03, sehingga belum boleh dihapus ' +
        '(This record (meeting minutes) must be kept for 5 years under PR.28.1, until 2030-03-03, so it cannot be deleted yet)',
    });
  });

  test('the finalisation date counts when there is one', () => {
    const finalisedAt = '2027-06-30T00:00:00.000Z';
    expect(checkDeletion({ uid: MINUTES, finalisedAt, createdAt, now: '2031-01-01T00:00:00Z' }).ok).toBe(false);
    expect(checkDeletion({ uid: MINUTES, finalisedAt, createdAt, now: '2032-06-30T00:00:00Z' }).ok).toBe(true);
  });

  test('a leap-day record is kept through 28 February of the fifth year', () => {
    const leapDay = { uid: MINUTES, createdAt: '2024-02-29T00:00:00.000Z' };
    expect(checkDeletion({ ...leapDay, now: '2029-02-28T23:59:59.999Z' }).ok).toBe(false);
    expect(checkDeletion({ ...leapDay, now: '2029-03-01T00:00:00.000Z' }).ok).toBe(true);
  });

  test('records outside the retention list may always be deleted', () => {
    expect(checkDeletion({ uid: 'api::proposal.proposal', createdAt, now: createdAt }).ok).toBe(true);
  });
});
