import type { Core } from '@strapi/strapi';
import type { TargetsReport } from '../../contracts/planning';
import {
  computeTargetAchievement,
  METRIC_DEFINITIONS,
  overallAchievement,
  rollUpAchievement,
  type TargetInput,
  type TargetMetric,
} from '../../domain/achievement';
import { formatBilingual } from '../../domain/bilingual';
import type { FieldError } from '../../domain/validation';
import { throwFieldErrors } from '../../workflow/errors';
import type { AchievementService } from './achievement';
import { notFound, resolveReference } from './lookups';
import { documentsOf, rowsOf, type CodedRef, type TargetDbRow } from '../rows';
import type { TargetCreateInput, TargetUpdateInput } from '../../contracts/schemas/planning';
import { UIDS } from './schema';

const refSelect = ['id', 'documentId', 'code', 'name', 'nameEn'];

export interface TargetRow {
  id: number;
  documentId: string;
  year: number;
  unit: { id: number; documentId: string; code: string; name: string } | null;
  cooperationType: { id: number; documentId: string; code: string; name: string } | null;
  partnerLevel: string | null;
  metric: TargetMetric;
  targetValue: number;
  notes: string | null;
}

const asRef = (row: CodedRef | null | undefined) => (row ? { id: row.id, documentId: row.documentId, code: row.code, name: row.name } : null);

export const createTargetsService = ({ strapi }: { strapi: Core.Strapi }) => {
  // The plugin's one achievement service: its prepared figures are shared by every page.
  const achievement = () => strapi.plugin('kerjasama').service('achievement') as AchievementService;

  /** The year's targets with their unit and type (three queries). */
  const loadTargets = async (year: number): Promise<TargetRow[]> => {
    const rows = await rowsOf<TargetDbRow>(strapi, UIDS.target).findMany({
      where: { year },
      orderBy: [{ metric: 'asc' }, { id: 'asc' }],
      populate: { unit: { select: refSelect }, cooperationType: { select: refSelect } },
    });
    return rows.map((row) => ({
      id: row.id,
      documentId: row.documentId,
      year: row.year,
      unit: asRef(row.unit),
      cooperationType: asRef(row.cooperationType),
      partnerLevel: row.partnerLevel ?? null,
      metric: row.metric as TargetMetric,
      targetValue: Number(row.targetValue),
      notes: row.notes ?? null,
    }));
  };

  const asInput = (target: TargetRow): TargetInput => ({
    id: target.id,
    metric: target.metric,
    targetValue: target.targetValue,
    unitId: target.unit?.id ?? null,
    cooperationTypeId: target.cooperationType?.id ?? null,
    partnerLevel: target.partnerLevel,
  });

  /** Targets beside their achievement, and the institution-wide roll-up (a constant seven queries). */
  const report = async (year: number): Promise<Omit<TargetsReport, 'units' | 'cooperationTypes'>> => {
    const targets = await loadTargets(year);
    const inputs = targets.map(asInput);
    const figures = await achievement().figures(year, inputs);
    const achieved = computeTargetAchievement(inputs, figures);
    const rollUp = rollUpAchievement(inputs, figures);
    return {
      year,
      metrics: Object.entries(METRIC_DEFINITIONS).map(([metric, definition]) => ({ metric, labels: definition.labels, definition: definition.definition })),
      targets: targets.map((target, index) => ({ ...target, ...achieved[index] })),
      rollUp,
      overall: overallAchievement(rollUp),
    };
  };

  return {
    loadTargets,
    report,

    /** A new target; the Document Service applies the schema and the uniqueness rule. */
    async create({ year, unit: unitId, cooperationType: typeId, partnerLevel, metric, targetValue, notes }: TargetCreateInput) {
      const found: FieldError[] = [];
      const unit = await resolveReference(strapi, 'unit', unitId, found);
      const cooperationType = await resolveReference(strapi, 'cooperationType', typeId, found);
      throwFieldErrors(found);
      return documentsOf(strapi, UIDS.target).create({
        year,
        unit: unit?.documentId ?? null,
        cooperationType: cooperationType?.documentId ?? null,
        partnerLevel: partnerLevel ?? null,
        metric,
        targetValue,
        ...(notes !== undefined ? { notes } : {}),
      });
    },

    /** Edit in place: the value and the notes (the scope of a target is its identity). */
    async update(documentId: string, { targetValue, notes }: TargetUpdateInput) {
      const existing = await strapi.db.query(UIDS.target).findOne({ where: { documentId }, select: ['id'] });
      if (!existing) throw notFound({ id: 'Target tidak ditemukan', en: 'Target not found' });
      return documentsOf(strapi, UIDS.target).update(documentId, {
        ...(targetValue !== undefined ? { targetValue } : {}),
        ...(notes !== undefined ? { notes } : {}),
      });
    },

    metricLabel: (metric: TargetMetric) => formatBilingual(METRIC_DEFINITIONS[metric].labels),
  };
};

export type TargetsService = ReturnType<typeof createTargetsService>;
