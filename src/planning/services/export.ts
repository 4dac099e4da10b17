import ExcelJS from 'exceljs';
import { METRIC_DEFINITIONS, type RollUpRow, type TargetMetric } from '../../../../src/domain/achievement';
import { formatBilingual } from '../../../../src/domain/bilingual';
import type { CooperationTypeRef, MappingCell, UnitRef } from './mapping';
import type { TargetRow } from './targets';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const PRIORITY_LABELS: Record<string, string> = { none: 'Tidak ada (None)', low: 'Rendah (Low)', medium: 'Sedang (Medium)', high: 'Tinggi (High)' };
const LEVEL_LABELS: Record<string, string> = { local_regional: 'Lokal/wilayah (Local/regional)', national: 'Nasional (National)', international: 'Internasional (International)' };

const styleHeader = (sheet: ExcelJS.Worksheet) => {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE0E7FF' } };
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
};

/** Needs mapping of a year: one row per unit, one column per cooperation type. */
export const mappingWorkbook = async (year: number, units: UnitRef[], types: CooperationTypeRef[], cells: MappingCell[]) => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kerjasama';
  const sheet = workbook.addWorksheet(`Pemetaan ${year}`);
  sheet.columns = [
    { header: 'Kode unit (Unit code)', key: 'code', width: 14 },
    { header: 'Unit', key: 'name', width: 40 },
    ...types.map((type) => ({ header: `${type.code} — ${type.name}`, key: `t${type.id}`, width: 18 })),
  ];
  const byCell = new Map(cells.map((cell) => [`${cell.unitId}:${cell.cooperationTypeId}`, cell]));
  for (const unit of units) {
    const row: Record<string, string> = { code: unit.code, name: unit.name };
    for (const type of types) {
      const cell = byCell.get(`${unit.id}:${type.id}`);
      row[`t${type.id}`] = cell ? PRIORITY_LABELS[cell.priority] ?? cell.priority : '';
    }
    sheet.addRow(row);
  }
  styleHeader(sheet);
  const notes = workbook.addWorksheet('Alasan (Rationale)');
  notes.columns = [
    { header: 'Unit', key: 'unit', width: 30 },
    { header: 'Jenis kerjasama (Cooperation type)', key: 'type', width: 30 },
    { header: 'Prioritas (Priority)', key: 'priority', width: 16 },
    { header: 'Sumber (Source)', key: 'source', width: 18 },
    { header: 'Alasan (Rationale)', key: 'rationale', width: 60 },
  ];
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const typeById = new Map(types.map((type) => [type.id, type]));
  for (const cell of cells) {
    notes.addRow({
      unit: unitById.get(cell.unitId)?.name ?? cell.unitId,
      type: typeById.get(cell.cooperationTypeId)?.name ?? cell.cooperationTypeId,
      priority: PRIORITY_LABELS[cell.priority] ?? cell.priority,
      source: cell.source ?? '',
      rationale: cell.rationale ?? '',
    });
  }
  notes.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

type TargetWithAchievement = TargetRow & { achieved: number; percent: number | null };

/** Targets vs achievement of a year, with the institution-wide roll-up on a second sheet. */
export const targetsWorkbook = async (year: number, targets: TargetWithAchievement[], rollUp: RollUpRow[]) => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kerjasama';
  const metricLabel = (metric: TargetMetric) => formatBilingual(METRIC_DEFINITIONS[metric].labels);
  const sheet = workbook.addWorksheet(`Target ${year}`);
  sheet.columns = [
    { header: 'Unit', key: 'unit', width: 36 },
    { header: 'Jenis kerjasama (Cooperation type)', key: 'type', width: 30 },
    { header: 'Tingkat mitra (Partner level)', key: 'level', width: 24 },
    { header: 'Ukuran (Metric)', key: 'metric', width: 40 },
    { header: 'Target', key: 'target', width: 10 },
    { header: 'Capaian (Achieved)', key: 'achieved', width: 12 },
    { header: '% Capaian (% achieved)', key: 'percent', width: 14 },
    { header: 'Catatan (Notes)', key: 'notes', width: 40 },
  ];
  for (const target of targets) {
    sheet.addRow({
      unit: target.unit?.name ?? 'Institusi (Institution-wide)',
      type: target.cooperationType?.name ?? '',
      level: target.partnerLevel ? LEVEL_LABELS[target.partnerLevel] ?? target.partnerLevel : '',
      metric: metricLabel(target.metric),
      target: target.targetValue,
      achieved: target.achieved,
      percent: target.percent,
      notes: target.notes ?? '',
    });
  }
  styleHeader(sheet);
  const summary = workbook.addWorksheet('Institusi (Institution)');
  summary.columns = [
    { header: 'Ukuran (Metric)', key: 'metric', width: 40 },
    { header: 'Target', key: 'target', width: 10 },
    { header: 'Capaian (Achieved)', key: 'achieved', width: 12 },
    { header: '% Capaian (% achieved)', key: 'percent', width: 14 },
  ];
  for (const row of rollUp) summary.addRow({ metric: metricLabel(row.metric), target: row.target, achieved: row.achieved, percent: row.percent });
  summary.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
