import {
  checkDeletion,
  checkPartDeletion,
  hasPassedRetention,
  isRetainedPart,
  isRetainedRecord,
  RETAINED_RECORD_UIDS,
  retentionStart,
  retentionUntil,
} from '../../src/domain/retention';

const MINUTES = 'api::meeting-minute.meeting-minute';

test('the six PR.28.1 §4 records, the agreements and the documents issued from them are retained', () => {
  expect([...RETAINED_RECORD_UIDS].sort()).toEqual(
    [
      'api::needs-mapping.needs-mapping',
      'api::satisfaction-survey.satisfaction-survey',
      'api::evaluation-report.evaluation-report',
      'api::meeting-minute.meeting-minute',
      'api::annual-program.annual-program',
      'api::monitoring-record.monitoring-record',
      'api::agreement.agreement',
      'api::issued-document.issued-document',
      'api::activity-report.activity-report',
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

describe('retention start: the later of the stated event, the system record and the creation', () => {
  const AGREEMENT = 'api::agreement.agreement';

  test.each([
    ['stated end only, after creation', '2027-06-30', null, '2025-01-10T00:00:00.000Z', '2027-06-30T00:00:00.000Z'],
    ['back-dated end: the creation counts', '2000-01-01', null, '2026-05-01T08:00:00.000Z', '2026-05-01T08:00:00.000Z'],
    ['back-dated after the system recorded the end', '2000-01-01', '2026-03-02T00:30:00.000Z', '2020-01-01T00:00:00.000Z', '2026-03-02T00:30:00.000Z'],
    ['an end still ahead counts over the record', '2030-12-31', '2026-03-02T00:30:00.000Z', '2020-01-01T00:00:00.000Z', '2030-12-31T00:00:00.000Z'],
    ['empty stated end', '', undefined, '2024-02-02T00:00:00.000Z', '2024-02-02T00:00:00.000Z'],
  ])('%s', (_, finalisedAt, recordedAt, createdAt, start) => {
    expect(retentionStart({ finalisedAt, recordedAt, createdAt }).toISOString()).toBe(start);
  });

  test('an agreement created long ago that ended recently is kept five years from its end, not from its creation', () => {
    const dates = { uid: AGREEMENT, createdAt: '2015-03-01T00:00:00.000Z', finalisedAt: '2025-06-30', recordedAt: '2025-07-01T00:30:00.000Z' };
    expect(checkDeletion({ ...dates, now: '2026-12-01T00:00:00Z' }).ok).toBe(false);
    expect(checkDeletion({ ...dates, now: '2030-06-30T23:59:59Z' }).ok).toBe(false);
    expect(checkDeletion({ ...dates, now: '2030-07-01T00:30:00Z' }).ok).toBe(true);
  });

  test('terminated recently, created long ago: kept from the termination', () => {
    const result = checkDeletion({ uid: AGREEMENT, createdAt: '2012-01-01T00:00:00.000Z', finalisedAt: '2026-06-01', recordedAt: '2026-06-01T00:30:00.000Z', now: '2026-12-01T00:00:00Z' });
    expect(result).toMatchObject({ ok: false, retainUntil: new Date('2031-06-01T00:30:00.000Z') });
  });

  test('rewriting the dates to 2000 does not free a record the system saw end this year', () => {
    expect(checkDeletion({ uid: AGREEMENT, createdAt: '2024-01-01T00:00:00.000Z', finalisedAt: '2000-01-01', recordedAt: '2026-11-30T10:00:00.000Z', now: '2026-12-01T00:00:00Z' }).ok).toBe(false);
    expect(checkDeletion({ uid: AGREEMENT, createdAt: '2026-11-30T10:00:00.000Z', finalisedAt: '2000-01-01', now: '2026-12-01T00:00:00Z' }).ok).toBe(false);
  });
});

describe('parts of a retained record', () => {
  const RESPONSE = 'api::survey-response.survey-response';

  test("a survey's responses and invitations are parts of the survey; other records are not", () => {
    expect(isRetainedPart(RESPONSE)).toBe(true);
    expect(isRetainedPart('api::survey-invitation.survey-invitation')).toBe(true);
    expect(isRetainedPart('api::proposal.proposal')).toBe(false);
    expect(isRetainedPart('toString')).toBe(false);
  });

  test('a response goes only once its survey may, and the refusal says so, Indonesian first', () => {
    const whole = { createdAt: '2025-03-03T09:00:00.000Z' };
    expect(checkPartDeletion({ uid: RESPONSE, whole, now: '2030-03-03T09:00:00.000Z' }).ok).toBe(true);
    expect(checkPartDeletion({ uid: RESPONSE, whole, now: '2026-01-01T00:00:00Z' })).toEqual({
      ok: false,
      code: 'retention_period',
      retainUntil: new Date('2030-03-03T09:00:00.000Z'),
      message:
        'Jawaban survei adalah bagian dari survei kepuasan layanan kerjasama yang wajib disimpan 5 tahun sesuai PR.28.1, yaitu hingga 2030-03-03, sehingga belum boleh dihapus ' +
        '(This survey response is part of a cooperation service satisfaction survey, which must be kept for 5 years under PR.28.1, until 2030-03-03, so it cannot be deleted yet)',
    });
  });
});
