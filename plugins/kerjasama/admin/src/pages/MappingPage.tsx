import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Box, Button, Field, Flex, IconButton, Modal, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { MappingCell, MappingMatrix, UnitRef } from '../planning/api';
import { LABELS, PlanningPage, Section, useT, usePlanningRights, useYear } from '../planning/ui';
import { downloadFile, errorMessage } from '../planning/requests';
import { VISUALLY_HIDDEN } from '../planning/charts';

const PRIORITY_COLORS: Record<string, string> = { high: '#fcecea', medium: '#fdf4dc', low: '#eaf5ff', none: '#f6f6f9' };

/** Units grouped by department: a jurusan and its prodi; units without a jurusan come last. */
const groupUnits = (units: UnitRef[]) => {
  const departments = units.filter((unit) => unit.kind === 'department');
  const inDepartment = new Set<number>();
  const groups = departments.map((department) => {
    const children = units.filter((unit) => unit.parentId === department.id);
    [department, ...children].forEach((unit) => inDepartment.add(unit.id));
    return { head: department, units: [department, ...children] };
  });
  const others = units.filter((unit) => !inDepartment.has(unit.id));
  return others.length ? [...groups, { head: null, units: others }] : groups;
};

const MappingPage = () => {
  const { get, put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { tr, pick } = useT();
  const rights = usePlanningRights();
  const [year] = useYear();
  const [matrix, setMatrix] = useState<MappingMatrix | null>(null);
  const [tridharma, setTridharma] = useState<string>('all');
  const [editing, setEditing] = useState<{ unit: UnitRef; typeId: number } | null>(null);
  /** The one cell of the matrix in the tab order (a roving tab stop: Tab enters the table once, arrows move). */
  const [activeCell, setActiveCell] = useState<string | null>(null);
  const cellInputs = useRef(new Map<string, HTMLSelectElement>());

  const load = useCallback(() => get<{ data: MappingMatrix }>(`/kerjasama/mapping?year=${year}`).then(({ data }) => setMatrix(data.data)), [get, year]);
  useEffect(() => {
    setMatrix(null);
    load();
  }, [load]);

  const cells = useMemo(() => new Map((matrix?.cells ?? []).map((cell) => [`${cell.unitId}:${cell.cooperationTypeId}`, cell])), [matrix]);
  const types = (matrix?.cooperationTypes ?? []).filter((type) => tridharma === 'all' || type.tridharma === tridharma);
  const typeName = (type: { name: string; nameEn?: string | null }) => pick({ id: type.name, en: type.nameEn ?? type.name });
  const rowKeys = useMemo(
    () => (matrix ? groupUnits(matrix.units).flatMap((group) => group.units).map((unit) => types.map((type) => `${unit.id}:${type.id}`)) : []),
    [matrix, types],
  );
  const tabStop = activeCell && rowKeys.some((keys) => keys.includes(activeCell)) ? activeCell : (rowKeys[0]?.[0] ?? null);

  /** Arrow keys, Home and End move between the matrix's cells; a closed select keeps Space and typing to pick a value. */
  const moveInGrid = (event: React.KeyboardEvent<HTMLTableElement>) => {
    const current = (event.target as HTMLElement).dataset?.cell;
    if (!current) return;
    const row = rowKeys.findIndex((keys) => keys.includes(current));
    const column = rowKeys[row].indexOf(current);
    const moves: Record<string, [number, number]> = {
      ArrowUp: [Math.max(0, row - 1), column],
      ArrowDown: [Math.min(rowKeys.length - 1, row + 1), column],
      ArrowLeft: [row, Math.max(0, column - 1)],
      ArrowRight: [row, Math.min(rowKeys[row].length - 1, column + 1)],
      Home: [row, 0],
      End: [row, rowKeys[row].length - 1],
    };
    const target = moves[event.key];
    if (!target) return;
    event.preventDefault();
    const next = rowKeys[target[0]][target[1]];
    setActiveCell(next);
    cellInputs.current.get(next)?.focus();
  };

  const save = async (unit: UnitRef, typeId: number, change: Partial<MappingCell>) => {
    const type = matrix!.cooperationTypes.find((candidate) => candidate.id === typeId)!;
    const current = cells.get(`${unit.id}:${typeId}`);
    try {
      const { data } = await put<{ data: MappingMatrix }>('/kerjasama/mapping/cells', {
        year, unit: unit.documentId, cooperationType: type.documentId, priority: change.priority ?? current?.priority ?? 'medium',
        ...(change.rationale !== undefined ? { rationale: change.rationale } : {}),
        ...(change.source !== undefined ? { source: change.source } : {}),
      });
      setMatrix(data.data);
      toggleNotification({ type: 'success', message: tr('mapping.saved', 'Pemetaan disimpan', 'Mapping saved') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  /** Closing the details dialog gives the focus back to its cell (the dialog has no trigger of its own to return to). */
  const closeDetails = () => {
    const key = editing ? `${editing.unit.id}:${editing.typeId}` : null;
    setEditing(null);
    if (key) {
      setActiveCell(key);
      window.setTimeout(() => cellInputs.current.get(key)?.focus(), 0);
    }
  };

  const copy = async () => {
    try {
      const { data } = await post<{ data: { copied: number; matrix: MappingMatrix } }>('/kerjasama/mapping/copy-previous-year', { year });
      setMatrix(data.data.matrix);
      toggleNotification({ type: 'success', message: tr('mapping.copied', '{count} sel disalin dari tahun lalu', '{count} cells copied from last year', { count: data.data.copied }) });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  return (
    <PlanningPage
      titleKey="mapping.title" title="Pemetaan jenis kerjasama" titleEn="Needs mapping"
      actions={
        <>
          {rights.canEditMapping && matrix && matrix.previousYearCells > 0 ? (
            <Button variant="secondary" onClick={copy}>{tr('mapping.copy', 'Salin dari tahun lalu', 'Copy from last year')}</Button>
          ) : null}
          <Button variant="tertiary" onClick={() => downloadFile(get, `/kerjasama/mapping/export?year=${year}`, `pemetaan-kerjasama-${year}.xlsx`)}>
            {tr('export', 'Ekspor XLSX', 'Export XLSX')}
          </Button>
        </>
      }
    >
      {!matrix ? <Page.Loading /> : (
        <Section title={tr('mapping.matrix', 'Unit × jenis kerjasama', 'Units × cooperation types')}>
          <Flex gap={3} paddingBottom={3} alignItems="center">
            <Typography>{tr('mapping.filter', 'Bidang tridharma', 'Tridharma area')}</Typography>
            <Box minWidth="14rem">
              <SingleSelect aria-label={tr('mapping.filter', 'Bidang tridharma', 'Tridharma area')} value={tridharma} onChange={(value) => setTridharma(String(value))}>
                <SingleSelectOption value="all">{tr('mapping.all', 'Semua bidang', 'All areas')}</SingleSelectOption>
                {Object.entries(LABELS.tridharma).map(([key, label]) => <SingleSelectOption key={key} value={key}>{pick(label)}</SingleSelectOption>)}
              </SingleSelect>
            </Box>
          </Flex>
          <Typography id="mapping-keys" variant="pi" textColor="neutral600" tag="p" paddingBottom={2}>
            {rights.canEditMapping
              ? tr('mapping.keys', 'Tab masuk ke tabel; tombol panah berpindah sel; Spasi memilih prioritas; Enter membuka alasan dan sumber.', 'Tab enters the table; arrow keys move between cells; Space picks the priority; Enter opens the rationale and source.')
              : tr('mapping.keysRead', 'Setiap sel menunjukkan prioritas unit untuk jenis kerjasama itu.', 'Each cell shows the unit’s priority for that cooperation type.')}
          </Typography>
          <Box overflow="auto">
            <table style={{ borderCollapse: 'collapse', fontSize: 13 }} data-testid="mapping-matrix" aria-describedby="mapping-keys" onKeyDown={rights.canEditMapping ? moveInGrid : undefined}>
              <caption style={VISUALLY_HIDDEN}>{tr('mapping.matrix', 'Unit × jenis kerjasama', 'Units × cooperation types')}</caption>
              <thead>
                <tr>
                  <th scope="col" style={{ textAlign: 'left', padding: 6, minWidth: 220 }}>Unit</th>
                  {types.map((type) => (
                    <th scope="col" key={type.id} title={typeName(type)} style={{ padding: 6, minWidth: 110, fontWeight: 600 }}>
                      <span aria-hidden="true">{type.code}</span>
                      <span style={VISUALLY_HIDDEN}>{typeName(type)}</span>
                      <div style={{ fontWeight: 400, color: '#555' }}>{pick(LABELS.tridharma[type.tridharma as keyof typeof LABELS.tridharma], type.tridharma)}</div>
                    </th>
                  ))}
                </tr>
              </thead>
              {groupUnits(matrix.units).map((group) => (
                <tbody key={group.head?.id ?? 'others'}>
                  <tr><th scope="rowgroup" colSpan={types.length + 1} style={{ background: '#f0f0ff', padding: 6, fontWeight: 600, textAlign: 'left' }}>{group.head ? group.head.name : tr('mapping.otherUnits', 'Unit lain', 'Other units')}</th></tr>
                  {group.units.map((unit) => (
                    <tr key={unit.id}>
                      <th scope="row" style={{ padding: 6, paddingLeft: unit.parentId ? 20 : 6, textAlign: 'left', fontWeight: 400 }}>{`${unit.code} · ${unit.name}`}</th>
                      {types.map((type) => {
                        const cell = cells.get(`${unit.id}:${type.id}`);
                        const priority = cell?.priority ?? '';
                        const key = `${unit.id}:${type.id}`;
                        return (
                          <td key={type.id} style={{ padding: 4, background: PRIORITY_COLORS[priority] ?? 'transparent', textAlign: 'center' }}>
                            {rights.canEditMapping ? (
                              <Flex gap={1} justifyContent="center">
                                <select
                                  ref={(element) => { if (element) cellInputs.current.set(key, element); else cellInputs.current.delete(key); }}
                                  data-testid={`cell-${unit.code}-${type.code}`}
                                  data-cell={key}
                                  aria-label={`${unit.name} × ${typeName(type)}`}
                                  tabIndex={tabStop === key ? 0 : -1}
                                  onFocus={() => setActiveCell(key)}
                                  onKeyDown={(event) => {
                                    if (event.key === 'Enter' && cell) {
                                      event.preventDefault();
                                      setEditing({ unit, typeId: type.id });
                                    }
                                  }}
                                  value={priority}
                                  onChange={(event) => save(unit, type.id, { priority: event.target.value as MappingCell['priority'] })}
                                >
                                  {!cell ? <option value="">—</option> : null}
                                  {Object.entries(LABELS.priority).map(([value, label]) => <option key={value} value={value}>{pick(label)}</option>)}
                                </select>
                                {cell ? (
                                  <IconButton tabIndex={-1} label={`${tr('mapping.details', 'Alasan dan sumber', 'Rationale and source')}: ${unit.name} × ${typeName(type)}`} variant="ghost" onClick={() => setEditing({ unit, typeId: type.id })}>
                                    <Pencil />
                                  </IconButton>
                                ) : null}
                              </Flex>
                            ) : (
                              <span title={cell?.rationale ?? ''}>{cell ? pick(LABELS.priority[cell.priority as keyof typeof LABELS.priority]) : '—'}</span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </Box>
        </Section>
      )}
      {editing && matrix ? (
        <CellDetails
          cell={cells.get(`${editing.unit.id}:${editing.typeId}`)!}
          title={`${editing.unit.name} × ${matrix.cooperationTypes.find((type) => type.id === editing.typeId)?.name ?? ''}`}
          onClose={() => closeDetails()}
          onSave={async (rationale, source) => {
            await save(editing.unit, editing.typeId, { rationale, source });
            closeDetails();
          }}
        />
      ) : null}
    </PlanningPage>
  );
};

const CellDetails = ({ cell, title, onClose, onSave }: { cell: MappingCell; title: string; onClose: () => void; onSave: (rationale: string, source: string | null) => void }) => {
  const { tr, pick } = useT();
  const [rationale, setRationale] = useState(cell.rationale ?? '');
  const [source, setSource] = useState<string | null>(cell.source);
  return (
    <Modal.Root open onOpenChange={(open: boolean) => (!open ? onClose() : undefined)}>
      <Modal.Content>
        <Modal.Header><Modal.Title>{title}</Modal.Title></Modal.Header>
        <Modal.Body>
          <Flex direction="column" gap={4} alignItems="stretch">
            <Field.Root name="rationale">
              <Field.Label>{tr('mapping.rationale', 'Alasan', 'Rationale')}</Field.Label>
              <Textarea value={rationale} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setRationale(event.target.value)} />
            </Field.Root>
            <Field.Root name="source">
              <Field.Label>{tr('mapping.source', 'Sumber', 'Source')}</Field.Label>
              <SingleSelect value={source ?? ''} onChange={(value) => setSource(String(value) || null)}>
                {Object.entries(LABELS.source).map(([key, label]) => <SingleSelectOption key={key} value={key}>{pick(label)}</SingleSelectOption>)}
              </SingleSelect>
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose}>{tr('workflow.cancel', 'Batal', 'Cancel')}</Button>
          <Button onClick={() => onSave(rationale, source)}>{tr('save', 'Simpan', 'Save')}</Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

export { MappingPage };
