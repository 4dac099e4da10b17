import type { Core } from '@strapi/strapi';
import { checkMappingSource, checkPriority, type NeedsPriority } from '../../domain/achievement';
import type { FieldError } from '../../domain/validation';
import { throwFieldErrors } from '../../workflow/errors';
import { optionalText, resolveReference, type Row } from './lookups';
import { UIDS } from './schema';
import type { CooperationTypeRef, MappingCell, MappingMatrix, UnitRef } from '../../contracts/planning';

export type { CooperationTypeRef, MappingCell, UnitRef };

export const createMappingService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Active units with their parent (two queries), ordered by code. */
  const units = async (): Promise<UnitRef[]> => {
    const rows = (await strapi.db.query(UIDS.unit).findMany({
      where: { active: true },
      select: ['id', 'documentId', 'code', 'name', 'nameEn', 'kind'],
      orderBy: { code: 'asc' },
      populate: { parent: { select: ['id'] } },
    })) as Row[];
    return rows.map((row) => ({
      id: row.id,
      documentId: row.documentId,
      code: row.code as string,
      name: row.name as string,
      nameEn: (row.nameEn as string | null) ?? null,
      kind: row.kind as string,
      parentId: (row.parent as Row | null)?.id ?? null,
    }));
  };

  const cooperationTypes = async (): Promise<CooperationTypeRef[]> =>
    ((await strapi.db.query(UIDS.cooperationType).findMany({
      select: ['id', 'documentId', 'code', 'name', 'nameEn', 'tridharma', 'iku6Criterion'],
      orderBy: { code: 'asc' },
    })) as Row[]).map((row) => ({
      id: row.id,
      documentId: row.documentId,
      code: row.code as string,
      name: row.name as string,
      nameEn: (row.nameEn as string | null) ?? null,
      tridharma: row.tridharma as string,
      iku6Criterion: (row.iku6Criterion as string | null) ?? null,
    }));

  /** The year's cells (three queries: the rows and their two relations). */
  const cells = async (year: number): Promise<MappingCell[]> => {
    const rows = (await strapi.db.query(UIDS.mapping).findMany({
      where: { year },
      select: ['id', 'documentId', 'priority', 'rationale', 'source'],
      populate: { unit: { select: ['id'] }, cooperationType: { select: ['id'] } },
    })) as Row[];
    return rows
      .filter((row) => row.unit && row.cooperationType)
      .map((row) => ({
        documentId: row.documentId,
        unitId: (row.unit as Row).id,
        cooperationTypeId: (row.cooperationType as Row).id,
        priority: row.priority as NeedsPriority,
        rationale: (row.rationale as string | null) ?? null,
        source: (row.source as string | null) ?? null,
      }));
  };

  const findCell = async (year: number, unitId: number, cooperationTypeId: number) =>
    (await strapi.db.query(UIDS.mapping).findOne({
      where: { year, unit: { id: unitId }, cooperationType: { id: cooperationTypeId } },
      select: ['id', 'documentId'],
    })) as Row | null;

  return {
    units,
    cooperationTypes,
    cells,

    /** The matrix of a year: units × types and the cells that are set (a constant six queries). */
    async matrix(year: number): Promise<MappingMatrix> {
      const [unitList, typeList, cellList, previousYearCells] = await Promise.all([
        units(),
        cooperationTypes(),
        cells(year),
        strapi.db.query(UIDS.mapping).count({ where: { year: year - 1 } }),
      ]);
      return { year, units: unitList, cooperationTypes: typeList, cells: cellList, previousYearCells };
    },

    /** Sets one cell (creates it when missing) through the Document Service. */
    async setCell(year: number, body: Record<string, unknown>) {
      const found: FieldError[] = [...checkPriority(body.priority), ...checkMappingSource(body.source)];
      const unit = await resolveReference(strapi, 'unit', body.unit, found);
      const cooperationType = await resolveReference(strapi, 'cooperationType', body.cooperationType, found);
      const rationale = optionalText(body.rationale, 'rationale', 2000, found);
      throwFieldErrors(found);
      const data = {
        priority: body.priority as NeedsPriority,
        ...(rationale !== undefined ? { rationale } : {}),
        ...(body.source !== undefined ? { source: (body.source as string) || null } : {}),
      };
      const existing = await findCell(year, unit!.id, cooperationType!.id);
      if (existing) return strapi.documents(UIDS.mapping).update({ documentId: existing.documentId, data: data as never });
      return strapi.documents(UIDS.mapping).create({
        data: { year, unit: unit!.documentId, cooperationType: cooperationType!.documentId, ...data } as never,
      });
    },

    /**
     * Copies last year's cells into the year where the year has no cell yet (cells already set
     * are kept). One transaction: all copied or none. Writes go through the Document Service, so
     * this action's query count grows with the cells copied (reads stay constant).
     */
    async copyFromPreviousYear(year: number) {
      const [previous, current] = await Promise.all([cells(year - 1), cells(year)]);
      const taken = new Set(current.map((cell) => `${cell.unitId}:${cell.cooperationTypeId}`));
      const missing = previous.filter((cell) => !taken.has(`${cell.unitId}:${cell.cooperationTypeId}`));
      if (missing.length === 0) return { copied: 0, kept: current.length };
      const [unitList, typeList] = await Promise.all([units(), cooperationTypes()]);
      const unitDoc = new Map(unitList.map((unit) => [unit.id, unit.documentId]));
      const typeDoc = new Map(typeList.map((type) => [type.id, type.documentId]));
      let copied = 0;
      await strapi.db.transaction(async () => {
        for (const cell of missing) {
          if (!unitDoc.has(cell.unitId) || !typeDoc.has(cell.cooperationTypeId)) continue; // inactive unit: not carried over
          await strapi.documents(UIDS.mapping).create({
            data: {
              year,
              unit: unitDoc.get(cell.unitId),
              cooperationType: typeDoc.get(cell.cooperationTypeId),
              priority: cell.priority,
              rationale: cell.rationale,
              source: cell.source,
            } as never,
          });
          copied += 1;
        }
      });
      return { copied, kept: current.length };
    },
  };
};

export type MappingService = ReturnType<typeof createMappingService>;
