import type { Core } from '@strapi/strapi';
import type { NeedsPriority } from '../../domain/achievement';
import type { FieldError } from '../../domain/validation';
import { throwFieldErrors } from '../../workflow/errors';
import { resolveReference } from './lookups';
import { documentsOf, rowsOf, type CooperationTypeRow, type MappingRow, type Ref, type UnitRow } from '../rows';
import type { MappingCellInput } from '../../contracts/schemas/planning';
import { UIDS } from './schema';
import type { CooperationTypeRef, MappingCell, MappingMatrix, UnitRef } from '../../contracts/planning';

export type { CooperationTypeRef, MappingCell, UnitRef };

export const createMappingService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Active units with their parent (two queries), ordered by code. */
  const units = async (): Promise<UnitRef[]> => {
    const rows = await rowsOf<UnitRow>(strapi, UIDS.unit).findMany({
      where: { active: true },
      select: ['id', 'documentId', 'code', 'name', 'nameEn', 'kind'],
      orderBy: { code: 'asc' },
      populate: { parent: { select: ['id'] } },
    });
    return rows.map((row) => ({
      id: row.id,
      documentId: row.documentId,
      code: row.code,
      name: row.name,
      nameEn: row.nameEn ?? null,
      kind: row.kind,
      parentId: row.parent?.id ?? null,
    }));
  };

  const cooperationTypes = async (): Promise<CooperationTypeRef[]> =>
    (await rowsOf<CooperationTypeRow>(strapi, UIDS.cooperationType).findMany({
      select: ['id', 'documentId', 'code', 'name', 'nameEn', 'tridharma', 'iku6Criterion'],
      orderBy: { code: 'asc' },
    })).map((row) => ({
      id: row.id,
      documentId: row.documentId,
      code: row.code,
      name: row.name,
      nameEn: row.nameEn ?? null,
      tridharma: row.tridharma,
      iku6Criterion: row.iku6Criterion ?? null,
    }));

  /** The year's cells (three queries: the rows and their two relations). */
  const cells = async (year: number): Promise<MappingCell[]> => {
    const rows = await rowsOf<MappingRow>(strapi, UIDS.mapping).findMany({
      where: { year },
      select: ['id', 'documentId', 'priority', 'rationale', 'source'],
      populate: { unit: { select: ['id'] }, cooperationType: { select: ['id'] } },
    });
    return rows
      .filter((row): row is MappingRow & { unit: Ref; cooperationType: Ref } => Boolean(row.unit && row.cooperationType))
      .map((row) => ({
        documentId: row.documentId,
        unitId: row.unit.id,
        cooperationTypeId: row.cooperationType.id,
        priority: row.priority as NeedsPriority,
        rationale: row.rationale ?? null,
        source: row.source ?? null,
      }));
  };

  const findCell = async (year: number, unitId: number, cooperationTypeId: number) =>
    rowsOf<Ref>(strapi, UIDS.mapping).findOne({
      where: { year, unit: { id: unitId }, cooperationType: { id: cooperationTypeId } },
      select: ['id', 'documentId'],
    });

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
    async setCell({ year, unit: unitId, cooperationType: typeId, priority, rationale, source }: MappingCellInput) {
      const found: FieldError[] = [];
      const unit = await resolveReference(strapi, 'unit', unitId, found);
      const cooperationType = await resolveReference(strapi, 'cooperationType', typeId, found);
      throwFieldErrors(found);
      const data = {
        priority,
        ...(rationale !== undefined ? { rationale } : {}),
        ...(source !== undefined ? { source } : {}),
      };
      const existing = await findCell(year, unit!.id, cooperationType!.id);
      if (existing) return documentsOf(strapi, UIDS.mapping).update(existing.documentId, data);
      return documentsOf(strapi, UIDS.mapping).create({ year, unit: unit!.documentId, cooperationType: cooperationType!.documentId, ...data });
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
          await documentsOf(strapi, UIDS.mapping).create({
            year,
            unit: unitDoc.get(cell.unitId),
            cooperationType: typeDoc.get(cell.cooperationTypeId),
            priority: cell.priority,
            rationale: cell.rationale,
            source: cell.source,
          });
          copied += 1;
        }
      });
      return { copied, kept: current.length };
    },
  };
};

export type MappingService = ReturnType<typeof createMappingService>;
