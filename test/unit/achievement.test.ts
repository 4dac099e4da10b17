import {
  computeTargetAchievement,
  figureKey,
  groupingsFor,
  INSTITUTION,
  overallAchievement,
  percentage,
  progressWidth,
  rollUpAchievement,
  type TargetInput,
} from '../../src/domain/achievement';
import { uncoveredNeeds, uncoveredTargets, type CoverageItem } from '../../src/domain/program-coverage';

const scope = (unitId: number | null, cooperationTypeId: number | null = null, partnerLevel: string | null = null) => ({ unitId, cooperationTypeId, partnerLevel });

describe('percentage and progress', () => {
  test.each([
    [3, 4, 75],
    [1, 3, 33.3],
    [2, 1, 200],
    [0, 5, 0],
    [5, 0, null],
  ])('%d of %d → %p', (achieved, target, expected) => expect(percentage(achieved, target)).toBe(expected));

  test.each([
    [null, 0],
    [50, 50],
    [200, 100],
    [-5, 0],
  ])('bar width for %p is %p', (percent, width) => expect(progressWidth(percent)).toBe(width));
});

describe('groupings and keys', () => {
  test('the institution grouping is always there; each scope adds its own', () => {
    expect(groupingsFor([scope(1), scope(2, 3), scope(null, null, 'national'), scope(4)])).toEqual([[], ['level'], ['unit'], ['unit', 'type']]);
  });
  test('keys name the source, the grouping and the values', () => {
    expect(figureKey('agreements_signed', scope(7, 2))).toBe('agreements_signed|unit+type|7|2');
    expect(figureKey('iku6', INSTITUTION)).toBe('iku6|');
  });
});

describe('target achievement and roll-up', () => {
  const targets: TargetInput[] = [
    { id: 1, metric: 'agreements_signed', targetValue: 4, ...scope(null) },
    { id: 2, metric: 'agreements_signed', targetValue: 2, ...scope(10) },
    { id: 3, metric: 'activities_carried_out', targetValue: 10, ...scope(10) },
    { id: 4, metric: 'activities_carried_out', targetValue: 6, ...scope(11) },
    { id: 5, metric: 'activities_carried_out', targetValue: 99, ...scope(11, 5) },
  ];
  const figures = new Map([
    ['agreements_signed|', 3],
    ['agreements_signed|unit|10', 3],
    ['activities_carried_out|unit|10', 5],
    ['activities_carried_out|', 8],
  ]);

  test('each target reads its own figure; none found means 0', () => {
    expect(computeTargetAchievement(targets, figures).map((row) => [row.achieved, row.percent])).toEqual([
      [3, 75],
      [3, 150],
      [5, 50],
      [0, 0],
      [0, 0],
    ]);
  });

  test('institution target wins; otherwise unit-only targets are summed; achievement is never summed', () => {
    const rows = rollUpAchievement(targets, figures);
    const signed = rows.find((row) => row.metric === 'agreements_signed')!;
    const activities = rows.find((row) => row.metric === 'activities_carried_out')!;
    expect([signed.target, signed.targetBasis, signed.achieved, signed.percent]).toEqual([4, 'institution', 3, 75]);
    expect([activities.target, activities.targetBasis, activities.achieved, activities.percent]).toEqual([16, 'units', 8, 50]);
    expect(rows.find((row) => row.metric === 'certificates_issued')!.targetBasis).toBe('none');
    expect(overallAchievement(rows)).toBe(62.5);
    expect(overallAchievement([])).toBeNull();
  });
});

describe('program coverage', () => {
  const parents = new Map([[21, 20]]); // prodi 21 belongs to jurusan 20
  const item = (over: Partial<CoverageItem>): CoverageItem => ({ id: 1, cooperationTypeId: 5, unitIds: [21], partnerLevel: 'national', workflowState: 'planned', ...over });

  test('a prodi item serves its jurusan; a cancelled item serves nothing', () => {
    const needs = [{ id: 1, unitId: 20, cooperationTypeId: 5 }, { id: 2, unitId: 30, cooperationTypeId: 5 }];
    expect(uncoveredNeeds(needs, [item({})], parents).map((n) => n.id)).toEqual([2]);
    expect(uncoveredNeeds(needs, [item({ workflowState: 'cancelled' })], parents).map((n) => n.id)).toEqual([1, 2]);
  });

  test('a target is served only when every dimension it sets matches', () => {
    const targets = [
      { id: 1, ...scope(20, 5, 'national') },
      { id: 2, ...scope(20, 5, 'international') },
      { id: 3, ...scope(null, 6) },
      { id: 4, ...scope(null) },
    ];
    expect(uncoveredTargets(targets, [item({})], parents).map((t) => t.id)).toEqual([2, 3]);
  });
});
