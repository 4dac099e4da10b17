/**
 * Targets vs achievement (PR.28.1): what each target metric counts, how a target's scope picks
 * the records, and the percentage / roll-up arithmetic. Achievement is always computed from the
 * records (agreements, monitoring), never typed in; the SQL that counts lives in the plugin's
 * server services and follows the definitions below.
 */
import type { Bilingual } from './bilingual';

export const TARGET_METRICS = [
  'agreements_signed',
  'activities_carried_out',
  'active_partners',
  'study_programs_iku6',
  'students_credit_recognised',
  'certificates_issued',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

// One owner for the partner levels: the directory's list (the planning targets count by the same levels).
import { PARTNER_LEVELS, type PartnerLevel } from './directory';
export { PARTNER_LEVELS, type PartnerLevel };

export const NEEDS_PRIORITIES = ['none', 'low', 'medium', 'high'] as const;
export type NeedsPriority = (typeof NEEDS_PRIORITIES)[number];

export const MAPPING_SOURCES = ['unit_request', 'internal_meeting', 'unit_meeting', 'evaluation_report', 'other'] as const;
export type MappingSource = (typeof MAPPING_SOURCES)[number];

/** The years the planning screens work with (the schema's range for every `year` field). */
export const PLANNING_YEARS = { min: 2000, max: 2100 } as const;

/** Where a metric's figures come from; one aggregate query per source answers all its targets. */
export type MetricSource = 'agreements_signed' | 'active_partners' | 'iku6' | 'monitoring';

export interface MetricDefinition {
  labels: Bilingual;
  /** What is counted, in words a Kapokja can check against the records. */
  definition: Bilingual;
  source: MetricSource;
  /** Monitoring column summed (monitoring metrics only). */
  monitoringField?: 'activitiesCount' | 'studentsWithCredits' | 'certificatesIssued';
}

export const METRIC_DEFINITIONS: Readonly<Record<TargetMetric, MetricDefinition>> = {
  agreements_signed: {
    labels: { id: 'Naskah ditandatangani', en: 'Agreements signed' },
    definition: {
      id: 'Jumlah naskah kerjasama dengan tanggal tanda tangan dalam tahun tersebut',
      en: 'Agreements whose signed date falls in the year',
    },
    source: 'agreements_signed',
  },
  activities_carried_out: {
    labels: { id: 'Kegiatan terlaksana', en: 'Activities carried out' },
    definition: {
      id: 'Jumlah kegiatan pada rekap monitoring bertanggal dalam tahun tersebut',
      en: 'Sum of activities in monitoring records dated in the year',
    },
    source: 'monitoring',
    monitoringField: 'activitiesCount',
  },
  active_partners: {
    labels: { id: 'Mitra aktif', en: 'Active partners' },
    definition: {
      id: 'Jumlah mitra yang memiliki naskah berlaku (bukan draf) pada sebagian tahun tersebut',
      en: 'Partners with an agreement in force (not a draft) during part of the year',
    },
    source: 'active_partners',
  },
  study_programs_iku6: {
    labels: { id: 'Prodi dengan IA memenuhi IKU 6', en: 'Study programs with an IKU 6 IA' },
    definition: {
      id: 'Jumlah program studi yang terlibat dalam IA berlaku pada tahun tersebut dengan jenis kerjasama berkriteria IKU 6',
      en: 'Study programs party to an IA in force during the year whose cooperation type meets an IKU 6 criterion',
    },
    source: 'iku6',
  },
  students_credit_recognised: {
    labels: { id: 'Mahasiswa dengan SKS diakui', en: 'Students with recognised credits' },
    definition: {
      id: 'Jumlah mahasiswa dengan SKS diakui pada rekap monitoring bertanggal dalam tahun tersebut',
      en: 'Sum of students with recognised credits in monitoring records dated in the year',
    },
    source: 'monitoring',
    monitoringField: 'studentsWithCredits',
  },
  certificates_issued: {
    labels: { id: 'Sertifikat diterbitkan', en: 'Certificates issued' },
    definition: {
      id: 'Jumlah sertifikat pada rekap monitoring bertanggal dalam tahun tersebut',
      en: 'Sum of certificates issued in monitoring records dated in the year',
    },
    source: 'monitoring',
    monitoringField: 'certificatesIssued',
  },
};

/**
 * What a target covers. A null dimension means "all": a target with no unit is institution-wide.
 * A department's scope includes its study programs (a prodi's agreement counts for its jurusan).
 */
export interface TargetScope {
  unitId: number | null;
  cooperationTypeId: number | null;
  partnerLevel: string | null;
}

export type ScopeDimension = 'unit' | 'type' | 'level';
export const SCOPE_DIMENSIONS: readonly ScopeDimension[] = ['unit', 'type', 'level'];

/** The dimensions a scope restricts, in a fixed order. */
export function scopeDimensions(scope: TargetScope): ScopeDimension[] {
  return SCOPE_DIMENSIONS.filter((dimension) => scopeValue(scope, dimension) !== null);
}

function scopeValue(scope: TargetScope, dimension: ScopeDimension): number | string | null {
  if (dimension === 'unit') return scope.unitId;
  if (dimension === 'type') return scope.cooperationTypeId;
  return scope.partnerLevel;
}

/** The name of a grouping (set of dimensions), e.g. "unit+type"; "" is institution-wide. */
export function groupingName(dimensions: readonly ScopeDimension[]): string {
  return SCOPE_DIMENSIONS.filter((dimension) => dimensions.includes(dimension)).join('+');
}

/** The distinct groupings a set of targets needs; the institution-wide one is always there. */
export function groupingsFor(scopes: TargetScope[]): ScopeDimension[][] {
  const names = new Set<string>(['', ...scopes.map((scope) => groupingName(scopeDimensions(scope)))]);
  return [...names].sort().map((name) => (name === '' ? [] : (name.split('+') as ScopeDimension[])));
}

/** Key of one aggregated figure: source, grouping and the scope's values. */
export function figureKey(source: MetricSource | TargetMetric, scope: TargetScope): string {
  const dimensions = scopeDimensions(scope);
  return [source, groupingName(dimensions), ...dimensions.map((dimension) => String(scopeValue(scope, dimension)))].join('|');
}

export const INSTITUTION: TargetScope = { unitId: null, cooperationTypeId: null, partnerLevel: null };

/** Achieved / target in percent with one decimal; a target of 0 has no percentage. */
export function percentage(achieved: number, target: number): number | null {
  if (!Number.isFinite(target) || target <= 0) return null;
  return Math.round((achieved / target) * 1000) / 10;
}

/** Width of a progress bar (0–100): over-achievement fills the bar, no more. */
export function progressWidth(percent: number | null): number {
  if (percent === null) return 0;
  return Math.max(0, Math.min(100, percent));
}

/** Figures per key; a key missing from the map means no record matched (0). */
export type Figures = ReadonlyMap<string, number>;

export interface TargetInput extends TargetScope {
  id: number;
  metric: TargetMetric;
  targetValue: number;
}

export interface TargetAchievement {
  targetId: number;
  achieved: number;
  percent: number | null;
  progress: number;
}

/** Figure key of a metric for a scope: monitoring metrics share a source, so the metric names it. */
export function metricFigureKey(metric: TargetMetric, scope: TargetScope): string {
  const source = METRIC_DEFINITIONS[metric].source;
  return figureKey(source === 'monitoring' ? metric : source, scope);
}

export function computeTargetAchievement(targets: TargetInput[], figures: Figures): TargetAchievement[] {
  return targets.map((target) => {
    const achieved = figures.get(metricFigureKey(target.metric, target)) ?? 0;
    const percent = percentage(achieved, target.targetValue);
    return { targetId: target.id, achieved, percent, progress: progressWidth(percent) };
  });
}

export interface RollUpRow {
  metric: TargetMetric;
  /** The institution-wide target, or the sum of the units' own targets when none is set. */
  target: number;
  targetBasis: 'institution' | 'units' | 'none';
  /** Counted once across the institution (a record shared by two units counts once). */
  achieved: number;
  percent: number | null;
  progress: number;
}

/**
 * The institution-wide roll-up, one row per metric. The target is the institution-wide target
 * (no unit, type or level) when one is set, else the sum of the units' targets that restrict
 * the unit only; the achievement is the institution-wide figure, never a sum of unit figures.
 */
export function rollUpAchievement(targets: TargetInput[], figures: Figures): RollUpRow[] {
  return TARGET_METRICS.map((metric) => {
    const ofMetric = targets.filter((target) => target.metric === metric);
    const institutionWide = ofMetric.filter((target) => scopeDimensions(target).length === 0);
    const unitOnly = ofMetric.filter((target) => groupingName(scopeDimensions(target)) === 'unit');
    const [target, targetBasis] = institutionWide.length
      ? [sum(institutionWide.map((t) => t.targetValue)), 'institution' as const]
      : unitOnly.length
        ? [sum(unitOnly.map((t) => t.targetValue)), 'units' as const]
        : [0, 'none' as const];
    const achieved = figures.get(metricFigureKey(metric, INSTITUTION)) ?? 0;
    const percent = percentage(achieved, target);
    return { metric, target, targetBasis, achieved, percent, progress: progressWidth(percent) };
  });
}

/** Overall achievement: the mean of the metrics' capped percentages, over metrics with a target. */
export function overallAchievement(rows: RollUpRow[]): number | null {
  const withTarget = rows.filter((row) => row.percent !== null);
  if (withTarget.length === 0) return null;
  return Math.round((sum(withTarget.map((row) => progressWidth(row.percent))) / withTarget.length) * 10) / 10;
}

/** The first and last day of a year, as stored dates ('YYYY-MM-DD'). */
export function yearBounds(year: number): { start: string; end: string } {
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** The largest target value (the input schema of the targets route, src/contracts/schemas/planning.ts). */
export const TARGET_VALUE_MAX = 1_000_000;
