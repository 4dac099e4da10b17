import type { Core } from '@strapi/strapi';
import type { TargetsReport } from '../../contracts/planning';
import {
  checkMetric,
  checkPartnerLevel,
  checkTargetValue,
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
import { notFound, optionalText, resolveReference, type Row } from './lookups';
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

const asRef = (value: unknown) => {
  const row = value as Row | null | undefined;
  return row ? { id: row.id, documentId: row.documentId, code: row.code as string, name: row.name as string } : null;
};

export const createTargetsService = ({ strapi }: { strapi: Core.Strapi }) => {
  // The plugin's one achievement service: its prepared figures are shared by every page.
  const achievement = () => strapi.plugin('kerjasama').service('achievement') as AchievementService;

  /** The year's targets with their unit and type (three queries). */
  const loadTargets = async (year: number): Promise<TargetRow[]> => {
    const rows = (await strapi.db.query(UIDS.target).findMany({
      where: { year },
      orderBy: [{ metric: 'asc' }, { id: 'asc' }],
      populate: { unit: { select: refSelect }, cooperationType: { select: refSelect } },
    })) as Row[];
    return rows.map((row) => ({
      id: row.id,
      documentId: row.documentId,
      year: row.year as number,
      unit: asRef(row.unit),
      cooperationType: asRef(row.cooperationType),
      partnerLevel: (row.partnerLevel as string | null) ?? null,
      metric: row.metric as TargetMetric,
      targetValue: Number(row.targetValue),
      notes: (row.notes as string | null) ?? null,
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

  const checkTargetFields = (body: Record<string, unknown>, found: FieldError[], { partial }: { partial: boolean }) => {
    if (!partial || body.targetValue !== undefined) found.push(...checkTargetValue(body.targetValue));
    const notes = optionalText(body.notes, 'notes', 2000, found);
    return { targetValue: body.targetValue as number | undefined, notes };
  };

  return {
    loadTargets,
    report,

    /** A new target; the Document Service applies the schema and the uniqueness rule. */
    async create(year: number, body: Record<string, unknown>) {
      const found: FieldError[] = [...checkMetric(body.metric), ...checkPartnerLevel(body.partnerLevel)];
      const unit = await resolveReference(strapi, 'unit', body.unit, found, { optional: true });
      const cooperationType = await resolveReference(strapi, 'cooperationType', body.cooperationType, found, { optional: true });
      const { targetValue, notes } = checkTargetFields(body, found, { partial: false });
      throwFieldErrors(found);
      return strapi.documents(UIDS.target).create({
        data: {
          year,
          unit: unit?.documentId ?? null,
          cooperationType: cooperationType?.documentId ?? null,
          partnerLevel: (body.partnerLevel as string) || null,
          metric: body.metric as TargetMetric,
          targetValue: targetValue as number,
          ...(notes !== undefined ? { notes } : {}),
        } as never,
      });
    },

    /** Edit in place: the value and the notes (the scope of a target is its identity). */
    async update(documentId: string, body: Record<string, unknown>) {
      const found: FieldError[] = [];
      const { targetValue, notes } = checkTargetFields(body, found, { partial: true });
      throwFieldErrors(found);
      const existing = await strapi.db.query(UIDS.target).findOne({ where: { documentId }, select: ['id'] });
      if (!existing) throw notFound({ id: 'Target tidak ditemukan', en: 'Target not found' });
      return strapi.documents(UIDS.target).update({
        documentId,
        data: { ...(targetValue !== undefined ? { targetValue } : {}), ...(notes !== undefined ? { notes } : {}) } as never,
      });
    },

    metricLabel: (metric: TargetMetric) => formatBilingual(METRIC_DEFINITIONS[metric].labels),
  };
};

export type TargetsService = ReturnType<typeof createTargetsService>;
