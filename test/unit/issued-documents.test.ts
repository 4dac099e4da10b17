import { formatDocumentNumber, parseDocumentNumber, verifyPath } from '../../src/documents/issued/number';
import { minutesView, printedDate } from '../../src/documents/minutes/view';
import { computeRecap, periodRange } from '../../src/documents/monitoring-recap/recap';

describe('document numbers', () => {
  test('KS/<form>/<year>/<sequence of at least four digits>, read back', () => {
    expect(formatDocumentNumber('BO.29.3.1', 2026, 7)).toBe('KS/BO.29.3.1/2026/0007');
    expect(formatDocumentNumber('FO.28.2.1', 2026, 12345)).toBe('KS/FO.28.2.1/2026/12345');
    expect(parseDocumentNumber('KS/BO.29.3.1/2026/0007')).toEqual({ formCode: 'BO.29.3.1', year: 2026, sequence: 7 });
    expect(verifyPath('KS/BO.29.3.1/2026/0007')).toBe('/verifikasi/KS/BO.29.3.1/2026/0007');
  });

  test.each(['', 'KS/BO.29.3.1/2026/7', 'ks/BO.29.3.1/2026/0001', 'KS/BO/2026/0001', 'KS/BO.29.3.1/26/0001', 'KS/BO.29.3.1/2026/0001/', '../KS/BO.29.3.1/2026/0001'])('%p is not a number', (value) => {
    expect(parseDocumentNumber(value)).toBeNull();
  });
});

describe('minutes print view', () => {
  test('dates in both languages, kind labelled, empty lists print one dash row', () => {
    expect(printedDate('2026-03-10')).toBe('10 Maret 2026 / 10 March 2026');
    const view = minutesView({ number: 'N/1', title: 'Rapat', meetingDate: '2026-12-01', kind: 'with_partner', partner: { name: 'PT Mitra' } });
    expect(view).toMatchObject({ date: '1 Desember 2026 / 1 December 2026', kind: 'Rapat dengan mitra / Meeting with a partner', counterpart: 'PT Mitra', place: '-' });
    expect(view.attendees).toEqual([{ no: '-', name: '-', role: '-', organisation: '-', signature: '' }]);
    expect(view.decisions).toEqual([{ no: '-', text: '-', proposal: '-' }]);
  });
});

describe('monitoring recap', () => {
  test('semesters and year', () => {
    expect(periodRange(2026, 'S1')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(periodRange(2026, 'S2')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(periodRange(2026, 'year')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  test('an agreement is listed when in force in the period or monitored in it', () => {
    const agreements = [
      { id: 1, ourNumber: 'B', title: 'in force, not monitored', kind: 'moa', startDate: '2025-01-01', endDate: '2026-01-31' },
      { id: 2, ourNumber: 'A', title: 'ended before, monitored late', kind: 'ia', startDate: '2020-01-01', endDate: '2025-12-31' },
      { id: 3, ourNumber: 'C', title: 'starts after', kind: 'mou', startDate: '2026-07-01', indefinite: true },
      { id: 4, ourNumber: 'D', title: 'indefinite', kind: 'mou', startDate: '2019-01-01', indefinite: true },
    ];
    const recap = computeRecap({ year: 2026, period: 'S1', unitName: 'JTI' }, agreements, [
      { agreementId: 2, monitoredOn: '2026-02-01', implementationState: 'completed', activitiesCount: 2, evidenceFiles: 2 },
      { agreementId: 3, monitoredOn: '2026-07-02', activitiesCount: 5, evidenceFiles: 0 },
    ]);
    expect(recap.rows.map((row) => [row.ourNumber, row.records, row.evidencePresent, row.evidenceMissing])).toEqual([['A', 1, 1, 0], ['B', 0, 0, 1], ['D', 0, 0, 1]]);
    expect(recap.totals).toMatchObject({ agreements: 3, unmonitored: 2, activities: 2 });
  });
});
