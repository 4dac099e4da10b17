import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../documents/render/libraries';
import { METRIC_DEFINITIONS, type RollUpRow, type TargetMetric } from '../../domain/achievement';
import { formatBilingual, type Bilingual } from '../../domain/bilingual';
import { PARTNER_LEVEL_LABELS, PRIORITY_LABELS } from '../../contracts/labels';
import type { CooperationTypeRef, MappingCell, UnitRef } from './mapping';
import type { TargetRow } from './targets';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An enum value in the workbook: its label from the one label table (the page shows the same), else the raw value. */
const labelOf = (labels: Readonly<Record<string, Bilingual>>, value: string) => (labels[value] ? formatBilingual(labels[value]) : value);

const styleHeader = (sheet: ExcelJS.Worksheet) => {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE0E7FF' } };
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
};

/** Needs mapping of a year: one row per unit, one column per cooperation type. */
export const mappingWorkbook = async (year: number, units: UnitRef[], types: CooperationTypeRef[], cells: MappingCell[]) => {
  const workbook = newWorkbook();
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
      row[`t${type.id}`] = cell ? labelOf(PRIORITY_LABELS, cell.priority) : '';
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
      priority: labelOf(PRIORITY_LABELS, cell.priority),
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
  const workbook = newWorkbook();
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
      level: target.partnerLevel ? labelOf(PARTNER_LEVEL_LABELS, target.partnerLevel) : '',
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
