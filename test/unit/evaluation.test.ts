import {
  compareYears,
  evaluationFigures,
  isLate,
  programFigures,
  proposalFigures,
  proposalOutcome,
  referenceDate,
  surveyFigures,
  type YearFigures,
} from '../../src/domain/evaluation';
import { summariseSurvey } from '../../src/domain/survey';
import { evaluationDocxData, evaluationPrint, formatNumber } from '../../src/documents/evaluation/print';

/** A hand-computed fixture of the FO.28.2.1 arithmetic (no database). */
describe('FO.28.2.1 figures (pure)', () => {
  test('the reference day is the year end, or today while the year runs', () => {
    expect(referenceDate(2024, '2026-12-02')).toBe('2024-12-31');
    expect(referenceDate(2026, '2026-12-02')).toBe('2026-12-02');
  });

  test('program items: counts by state, late ones, reasons', () => {
    const items = [
      { title: 'B', state: 'done' as const, plannedEnd: '2024-03-01', reason: null },
      { title: 'C', state: 'cancelled' as const, plannedEnd: null, reason: 'Mitra mundur' },
      { title: 'A', state: 'in_progress' as const, plannedEnd: '2024-06-30', reason: null },
      { title: 'D', state: 'planned' as const, plannedEnd: '2024-12-31', reason: null },
      { title: 'E', state: 'planned' as const, plannedEnd: null, reason: null },
    ];
    expect(isLate(items[3], '2024-12-31')).toBe(false); // due on the reference day: not late yet
    expect(isLate(items[0], '2025-01-01')).toBe(false); // done is never late
    const figures = programFigures('Program', items, '2024-12-31');
    expect(figures).toMatchObject({ total: 5, planned: 2, inProgress: 1, done: 1, cancelled: 1, late: 1 });
    expect(figures.reasons).toEqual([
      { title: 'C', status: 'cancelled', reason: 'Mitra mundur', plannedEnd: null },
      { title: 'A', status: 'late', reason: null, plannedEnd: '2024-06-30' },
    ]);
  });

  test('proposals by channel and outcome, unknown channels as other, a total row', () => {
    expect(['approved', 'rejected', 'withdrawn', 'submitted', 'recommended', 'draft'].map(proposalOutcome)).toEqual(['approved', 'rejected', 'withdrawn', 'pending', 'pending', 'pending']);
    const { channels, total } = proposalFigures([
      { channel: 'unit_meeting', state: 'approved', count: 2 },
      { channel: 'call_for_proposals', state: 'rejected', count: 1 },
      { channel: 'call_for_proposals', state: 'under_review', count: 3 },
      { channel: 'fax', state: 'withdrawn', count: 1 },
    ]);
    expect(channels.map((row) => [row.channel, row.approved, row.rejected, row.withdrawn, row.pending, row.total])).toEqual([
      ['call_for_proposals', 0, 1, 0, 3, 4],
      ['unit_meeting', 2, 0, 0, 0, 2],
      ['other', 0, 0, 1, 0, 1],
    ]);
    expect([total.approved, total.rejected, total.withdrawn, total.pending, total.total]).toEqual([2, 1, 1, 3, 7]);
  });

  test('survey: by dimension and partner level, response rate in percent (survey.ts computes)', () => {
    const results = summariseSurvey({
      questions: [
        { code: 'Q1', dimension: 'reliability', textId: 'a' },
        { code: 'Q2', dimension: 'empathy', textId: 'b' },
      ],
      scaleMax: 5,
      invited: 3,
      answered: 2,
      responses: [
        { answers: [{ questionCode: 'Q1', score: 4 }, { questionCode: 'Q2', score: 5 }], partnerLevel: 'national' },
        { answers: [{ questionCode: 'Q1', score: 3 }, { questionCode: 'Q2', score: 3 }], partnerLevel: 'international' },
      ],
    });
    const figures = surveyFigures('Survei 2024', results);
    expect(figures.responseRate).toBe(66.7);
    expect(figures.mean).toBe(3.75);
    expect(figures.index).toBe(75);
    expect(figures.dimensions.map((d) => [d.dimension, d.mean, d.index])).toEqual([['reliability', 3.5, 70], ['empathy', 4, 80]]);
    expect(figures.byPartnerLevel.map((l) => [l.level, l.responses, l.mean])).toEqual([['international', 1, 3], ['national', 1, 4.5]]);
  });

  const year = (overrides: Partial<YearFigures>): YearFigures => ({
    year: 2024,
    reference: '2024-12-31',
    targets: { overall: 80, rollUp: [], targets: [] },
    program: programFigures('P', [{ title: 'x', state: 'done', plannedEnd: null, reason: null }], '2024-12-31'),
    agreements: { signed: 5, inForce: 9, expiring: 1, expired: 2, renewed: 1, terminated: 0, dormant: 3 },
    monitoring: { records: 4, activities: 10, studentParticipants: 20, lecturerParticipants: 5, studentsWithCredits: 7, creditsRecognised: 60, certificates: 2 },
    proposals: proposalFigures([{ channel: 'other', state: 'approved', count: 3 }]),
    survey: null,
    ...overrides,
  });

  test('comparison with the previous year: change where both years have a value', () => {
    const rows = Object.fromEntries(compareYears(year({}), year({ year: 2023, targets: { overall: 62.5, rollUp: [], targets: [] }, program: null })).map((row) => [row.key, [row.previous, row.current, row.change]]));
    expect(rows.overall).toEqual([62.5, 80, 17.5]);
    expect(rows['monitoring.participants']).toEqual([25, 25, 0]);
    expect(rows['program.done']).toEqual([null, 1, null]);
    expect(rows['survey.index']).toEqual([null, null, null]);
    expect(compareYears(year({}), null).every((row) => row.previous === null && row.change === null)).toBe(true);
  });

  test('print view: Indonesian number format, every template loop and value present', () => {
    expect(formatNumber(1234.5, ' %')).toBe('1.234,5 %');
    expect(formatNumber(null)).toBe('–');
    const figures = evaluationFigures(year({}), null, '2025-01-05T03:00:00.000Z');
    const print = evaluationPrint(figures, { year: 2024, findings: ' Temuan ', workflowState: 'final', finalizedAt: '2025-01-10T01:00:00.000Z' });
    const data = evaluationDocxData(print);
    expect(data).toMatchObject({ year: '2024', previousYear: '2023', stateLabel: 'Final / Final', findings: 'Temuan', problems: '–', signedDate: '2025-01-10', overall: '80 %' });
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['targets', 'programRows', 'programReasons', 'agreementRows', 'monitoringRows', 'proposalRows', 'surveyDimensions', 'surveyLevels', 'comparisonRows']));
    expect((data.agreementRows as Array<Record<string, string>>)[6]).toEqual({ label: 'Tanpa monitoring 12 bulan / No monitoring in 12 months', value: '3' });
  });
});
