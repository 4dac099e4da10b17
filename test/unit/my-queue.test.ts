import { holidayDates, INDONESIAN_HOLIDAYS } from '../../src/domain/holidays-id';
import { isWorkingDay, workingDaysBetween } from '../../src/domain/working-days';
import { assembleQueue, isoWeek, queueStates, queueStatesFor } from '../../src/domain/my-queue';
import { WORKFLOWS } from '../../src/domain/workflow';

describe('Indonesian holidays (data)', () => {
  test('2025–2027 are listed, each with its source, dates in their year, no day twice', () => {
    for (const year of [2025, 2026, 2027]) {
      const entry = INDONESIAN_HOLIDAYS[year];
      expect(entry.source.length).toBeGreaterThan(10);
      expect(entry.days.every((day) => day.date.startsWith(`${year}-`))).toBe(true);
      expect(new Set(entry.days.map((day) => day.date)).size).toBe(entry.days.length);
    }
    expect(INDONESIAN_HOLIDAYS[2027].provisional).toBe(true);
  });
  test('joint leave (cuti bersama) is a day off like a holiday', () => {
    const days = holidayDates();
    expect(days.has('2025-04-02')).toBe(true); // cuti bersama Idul Fitri
    expect(days.has('2026-03-23')).toBe(true);
    expect(days.has('2025-08-17')).toBe(true);
  });
});

describe('working days', () => {
  test('weekends, holidays and joint leave are not working days', () => {
    expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-06')).toBe(false); // Sunday
    expect(isWorkingDay('2026-12-25')).toBe(false); // Christmas (Friday)
    expect(isWorkingDay('2026-12-24')).toBe(false); // cuti bersama
    expect(isWorkingDay('2026-12-23')).toBe(true);
  });
  test('counted after the start day up to and including the end day', () => {
    expect(workingDaysBetween('2026-12-02', '2026-12-02')).toBe(0);
    expect(workingDaysBetween('2026-12-04', '2026-12-07')).toBe(1); // Friday → Monday
    expect(workingDaysBetween('2026-11-30', '2026-12-07')).toBe(5);
    // Around Idul Fitri 2025: 28 Mar (Fri) → 8 Apr (Tue): 31 Mar–7 Apr are all days off.
    expect(workingDaysBetween('2025-03-27', '2025-04-08')).toBe(1);
    expect(workingDaysBetween('2026-12-22', '2026-12-28')).toBe(2); // 23 and 28 Dec
    expect(workingDaysBetween('2026-12-07', '2026-12-01')).toBe(0);
  });
  test('an empty list of days off counts only weekends', () => {
    expect(workingDaysBetween('2026-12-21', '2026-12-28', new Set())).toBe(5);
  });
});

describe('queue states are read from the workflow specs', () => {
  const pairs = (roles: Parameters<typeof queueStatesFor>[0]) => queueStatesFor(roles).map((state) => `${state.uid}:${state.state}`).sort();
  test('each role waits where its decisions are', () => {
    expect(pairs(['staf_humas'])).toEqual(expect.arrayContaining(['api::meeting-minute.meeting-minute:draft', 'api::proposal.proposal:submitted']));
    expect(pairs(['staf_humas'])).not.toContain('api::proposal.proposal:under_review');
    expect(pairs(['kapokja'])).toEqual(expect.arrayContaining(['api::proposal.proposal:submitted', 'api::proposal.proposal:under_review', 'api::meeting-minute.meeting-minute:draft', 'api::evaluation-report.evaluation-report:draft', 'api::partner.partner:proposed']));
    expect(pairs(['direktur'])).toEqual(expect.arrayContaining(['api::proposal.proposal:recommended', 'api::annual-program.annual-program:submitted', 'api::partner.partner:proposed']));
    expect(pairs(['direktur'])).not.toContain('api::meeting-minute.meeting-minute:draft');
  });
  test('every state found is one from which the role may fire the move in the spec', () => {
    for (const state of queueStates()) {
      const machine = WORKFLOWS[state.uid as keyof typeof WORKFLOWS];
      if (!machine) continue; // the activity report's fallback until its spec is registered
      for (const role of state.roles) {
        expect(machine.transitions.some((t) => t.from === state.state && t.roles.includes(role) && state.moves.some((move) => move.name === t.name))).toBe(true);
      }
    }
  });
  test('a submitted activity report waits for Humas (from its spec once registered, else by state)', () => {
    expect(pairs(['staf_humas'])).toContain('api::activity-report.activity-report:submitted');
    expect(pairs(['direktur'])).not.toContain('api::activity-report.activity-report:submitted');
  });
  test('a spec given changes the answer: the list is not kept by hand', () => {
    const minutes = WORKFLOWS['api::meeting-minute.meeting-minute'];
    const altered = { ...minutes, transitions: minutes.transitions.map((t) => ({ ...t, roles: ['direktur' as const] })) };
    expect(queueStatesFor(['staf_humas'], [altered]).filter((state) => state.uid === minutes.uid)).toEqual([]);
    expect(queueStatesFor(['direktur'], [altered]).map((state) => state.state)).toContain('draft');
  });
});

describe('queue assembly', () => {
  const records = [
    { uid: 'api::proposal.proposal', documentId: 'p1', title: 'Usulan A', state: 'submitted', since: '2026-11-20' },
    { uid: 'api::proposal.proposal', documentId: 'p2', title: 'Usulan B', state: 'recommended', since: '2026-12-01' },
    { uid: 'api::meeting-minute.meeting-minute', documentId: 'm1', title: 'Rapat', state: 'draft', since: '2026-12-01' },
  ];
  const agreements = [
    { documentId: 'a1', title: 'MoU', ourNumber: 'N/1', endDate: '2027-01-15', createdById: 7 },
    { documentId: 'a2', title: 'MoA', ourNumber: null, endDate: '2027-02-20', createdById: 8 },
  ];
  const queue = (roles: Parameters<typeof assembleQueue>[0]['roles'], actorId: number) =>
    assembleQueue({ roles, actorId, records, agreements, today: '2026-12-02', staleAfterWorkingDays: 5 });
  test('only the records the role may move; overdue first, with working days waited', () => {
    const humas = queue(['staf_humas'], 1);
    // a1 entered the 90-day window on 17 Oct, a2 on 22 Nov: both waited past the limit too.
    expect(humas.map((item) => item.documentId)).toEqual(['a1', 'a2', 'p1', 'm1']);
    expect(humas.find((item) => item.documentId === 'p1')).toMatchObject({ waitedWorkingDays: 8, waitedDays: 12, overdue: true });
    expect(humas.find((item) => item.documentId === 'm1')).toMatchObject({ waitedWorkingDays: 1, overdue: false });
    expect(queue(['direktur'], 1).map((item) => item.documentId)).toEqual(['p2']);
  });
  test('an expiring agreement is followed by Humas, or by the person who created it', () => {
    expect(queue(['direktur'], 8).map((item) => item.documentId)).toEqual(['a2', 'p2']);
    const followed = queue(['kapokja'], 1).find((item) => item.documentId === 'a1');
    expect(followed).toMatchObject({ kind: 'agreement_expiring', since: '2026-10-17', daysLeft: 44, title: 'N/1 · MoU' });
  });
  test('ISO weeks (a digest once per week)', () => {
    expect(isoWeek('2026-12-02')).toBe('2026-W49');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
    expect(isoWeek('2026-01-04')).toBe('2026-W01');
  });
});
