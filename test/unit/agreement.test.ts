import {
  AgreementDatesInput,
  AgreementKind,
  AgreementValidity,
  ENDED_VALIDITY,
  hasEnded,
  recordedEnd,
  statedEnd,
  AgreementValidityInput,
  checkAgreementDates,
  daysUntil,
  validityState,
} from '../../src/domain/agreement';

describe('validityState', () => {
  const signed = { signedDate: '2024-01-10', startDate: '2024-01-15', endDate: '2026-06-30' };
  const today = '2025-06-01';

  test.each<[string, Omit<AgreementValidityInput, 'today'> & { today?: string }, string]>([
    ['not signed', { startDate: '2024-01-15', endDate: '2026-06-30' }, 'draft'],
    ['signing date still ahead', { ...signed, signedDate: '2025-06-02' }, 'draft'],
    ['signed today', { ...signed, signedDate: today }, 'active'],
    ['signed, start still ahead', { ...signed, startDate: '2025-07-01' }, 'active'],
    ['a year left', { ...signed, endDate: '2026-06-01' }, 'active'],
    ['exactly 91 days left', { ...signed, endDate: '2025-08-31' }, 'active'],
    ['exactly 90 days left', { ...signed, endDate: '2025-08-30' }, 'expiring'],
    ['ends tomorrow', { ...signed, endDate: '2025-06-02' }, 'expiring'],
    ['ends today', { ...signed, endDate: today }, 'expiring'],
    ['ended yesterday', { ...signed, endDate: '2025-05-31' }, 'expired'],
    ['indefinite', { ...signed, endDate: null, indefinite: true }, 'active'],
    ['signed without an end date', { ...signed, endDate: null }, 'active'],
    ['terminated', { ...signed, terminated: true }, 'terminated'],
    ['terminated and expired', { ...signed, endDate: '2020-01-01', terminated: true }, 'terminated'],
    ['superseded', { ...signed, superseded: true }, 'superseded'],
    ['terminated and superseded', { ...signed, terminated: true, superseded: true }, 'terminated'],
    ['superseded draft', { superseded: true }, 'superseded'],
    ['across a leap day, 90 days left', { ...signed, endDate: '2024-05-29', today: '2024-02-29' }, 'expiring'],
  ])('%s -> %s', (_, input, state) => {
    expect(validityState({ today, ...input })).toBe(state);
  });
});

test.each([
  ['2025-06-01', '2025-06-01', 0],
  ['2025-08-30', '2025-06-01', 90],
  ['2025-05-31', '2025-06-01', -1],
])('daysUntil(%s, today %s) = %i', (date, today, days) => {
  expect(daysUntil(date, today)).toBe(days);
});

describe('checkAgreementDates', () => {
  const paths = (input: AgreementDatesInput) => checkAgreementDates(input).map((e) => e.path.join('.'));
  const mou = { kind: 'mou' as const, startDate: '2024-01-01', endDate: '2028-12-31' };

  test.each<[string, AgreementDatesInput, string[]]>([
    ['a plain MoU', mou, []],
    ['end before start', { kind: 'mou', startDate: '2025-02-01', endDate: '2025-01-31' }, ['endDate']],
    ['end on the start day', { kind: 'mou', startDate: '2025-02-01', endDate: '2025-02-01' }, []],
    [
      'indefinite with an end date',
      { kind: 'mou', startDate: '2025-01-01', endDate: '2030-01-01', indefinite: true },
      ['endDate'],
    ],
    ['indefinite without end', { kind: 'mou', startDate: '2025-01-01', endDate: null, indefinite: true }, []],
    ['dates not filled in yet', { kind: 'moa' }, []],
    ['malformed date', { kind: 'mou', startDate: '2025-02-30', endDate: '2025-12-31' }, ['startDate']],
    ['an MoU under an MoU', { kind: 'mou', parent: mou }, ['parent']],
    ['an MoA alone', { kind: 'moa' }, []],
    ['an MoA under an MoU', { kind: 'moa', parent: mou }, []],
    ['an MoA under an MoA', { kind: 'moa', parent: { ...mou, kind: 'moa' } }, ['parent']],
    ['an IA alone', { kind: 'ia' }, ['parent']],
    ['an IA under an MoA', { kind: 'ia', parent: { ...mou, kind: 'moa' } }, []],
    ['an IA under an MoU', { kind: 'ia', parent: mou }, []],
    ['an IA under a contract', { kind: 'ia', parent: { ...mou, kind: 'contract' } }, ['parent']],
    ['an addendum alone', { kind: 'addendum' }, ['parent']],
    ['an addendum under an IA', { kind: 'addendum', parent: { ...mou, kind: 'ia' } }, []],
    ['a contract alone', { kind: 'contract' }, []],
    ['a contract under an MoU', { kind: 'contract', parent: mou }, []],
    ['within the parent exactly', { kind: 'moa', startDate: '2024-01-01', endDate: '2028-12-31', parent: mou }, []],
    [
      'starts before the parent',
      { kind: 'moa', startDate: '2023-12-31', endDate: '2025-01-01', parent: mou },
      ['startDate'],
    ],
    [
      'ends after the parent',
      { kind: 'moa', startDate: '2025-01-01', endDate: '2029-01-01', parent: mou },
      ['endDate'],
    ],
    ['starts after the parent ended', { kind: 'moa', startDate: '2029-01-01', parent: mou }, ['startDate']],
    [
      'indefinite under a finite parent',
      { kind: 'moa', startDate: '2025-01-01', indefinite: true, parent: mou },
      ['indefinite'],
    ],
    [
      'indefinite under an indefinite parent',
      { kind: 'moa', startDate: '2025-01-01', indefinite: true, parent: { ...mou, endDate: null, indefinite: true } },
      [],
    ],
    [
      'long child under an indefinite parent',
      {
        kind: 'moa',
        startDate: '2025-01-01',
        endDate: '2099-01-01',
        parent: { ...mou, endDate: null, indefinite: true },
      },
      [],
    ],
    [
      'wrong kind and outside the period',
      { kind: 'ia', startDate: '2023-01-01', parent: { ...mou, kind: 'contract' } },
      ['parent', 'startDate'],
    ],
  ])('%s -> %j', (_, input, expected) => {
    expect(paths(input)).toEqual(expected);
  });

  test.each<AgreementKind>(['mou', 'moa', 'ia', 'addendum', 'contract'])('an addendum may amend an %s', (kind) => {
    expect(paths({ kind: 'addendum', parent: { ...mou, kind } })).toEqual([]);
  });

  test('messages are Indonesian first with English in parentheses', () => {
    const [error] = checkAgreementDates({ kind: 'moa', startDate: '2025-01-01', endDate: '2029-01-01', parent: mou });
    expect(error.message).toBe(
      'Tanggal berakhir 2029-01-01 melewati berakhirnya naskah induk pada 2028-12-31 ' +
        '(The end date 2029-01-01 is after the parent agreement ends on 2028-12-31)',
    );
  });
});

describe('recordedEnd: when the system records an agreement as ended', () => {
  const now = new Date('2026-12-01T10:00:00.000Z');
  const earlier = '2026-03-02T00:30:00.000Z';

  test.each<[string, AgreementValidity | null, AgreementValidity, string | null, string | null]>([
    ['created already ended', null, 'expired', null, now.toISOString()],
    ['active agreement back-dated to 2000', 'active', 'expired', null, now.toISOString()],
    ['terminated today', 'expiring', 'terminated', null, now.toISOString()],
    ['superseded by a renewal', 'active', 'superseded', null, now.toISOString()],
    ['a draft whose dates are set in the past', 'draft', 'expired', null, now.toISOString()],
    ['stays ended: the first record is kept', 'expired', 'terminated', earlier, earlier],
    ['still ended, dates rewritten', 'expired', 'expired', earlier, earlier],
    ['ended before the record existed (migrated rows)', 'expired', 'expired', null, now.toISOString()],
    ['in force: nothing recorded', 'draft', 'active', null, null],
    ['revived: the old record is kept until it ends again', 'expired', 'active', earlier, earlier],
    ['ends again after a revival: the later moment', 'active', 'expired', earlier, now.toISOString()],
  ])('%s', (_, previous, next, storedEndedAt, expected) => {
    expect(recordedEnd({ previous, next, storedEndedAt, now })).toBe(expected);
  });

  test('ended states and the stated end', () => {
    expect(ENDED_VALIDITY).toEqual(['expired', 'terminated', 'superseded']);
    expect(hasEnded('expiring')).toBe(false);
    expect(hasEnded(undefined)).toBe(false);
    expect(statedEnd({ terminatedDate: '2026-05-01', endDate: '2028-01-01' })).toBe('2026-05-01');
    expect(statedEnd({ terminatedDate: null, endDate: '2028-01-01' })).toBe('2028-01-01');
    expect(statedEnd({})).toBeNull();
  });
});
