import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { Box, Button, Field, Flex, IconButton, Modal, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { MappingCell, MappingMatrix, UnitRef } from '../planning/api';
import { LABELS, PlanningPage, Section, useT, usePlanningRights, useYear } from '../planning/ui';
import { downloadFile, errorMessage } from '../planning/requests';

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

  const load = useCallback(() => get<{ data: MappingMatrix }>(`/kerjasama/mapping?year=${year}`).then(({ data }) => setMatrix(data.data)), [get, year]);
  useEffect(() => {
    setMatrix(null);
    load();
  }, [load]);

  const cells = useMemo(() => new Map((matrix?.cells ?? []).map((cell) => [`${cell.unitId}:${cell.cooperationTypeId}`, cell])), [matrix]);
  const types = (matrix?.cooperationTypes ?? []).filter((type) => tridharma === 'all' || type.tridharma === tridharma);

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
          <Box overflow="auto">
            <table style={{ borderCollapse: 'collapse', fontSize: 13 }} data-testid="mapping-matrix">
              <thead>
                <tr>
                  <th style={{ textAlign: 'left', padding: 6, minWidth: 220 }}>Unit</th>
                  {types.map((type) => (
                    <th key={type.id} title={pick({ id: type.name, en: type.nameEn ?? type.name })} style={{ padding: 6, minWidth: 110, fontWeight: 600 }}>
                      {type.code}
                      <div style={{ fontWeight: 400, color: '#666' }}>{pick(LABELS.tridharma[type.tridharma as keyof typeof LABELS.tridharma], type.tridharma)}</div>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {groupUnits(matrix.units).map((group) => (
                  <Fragment key={group.head?.id ?? 'others'}>
                    <tr><td colSpan={types.length + 1} style={{ background: '#f0f0ff', padding: 6, fontWeight: 600 }}>{group.head ? group.head.name : tr('mapping.otherUnits', 'Unit lain', 'Other units')}</td></tr>
                    {group.units.map((unit) => (
                      <tr key={unit.id}>
                        <td style={{ padding: 6, paddingLeft: unit.parentId ? 20 : 6 }}>{`${unit.code} · ${unit.name}`}</td>
                        {types.map((type) => {
                          const cell = cells.get(`${unit.id}:${type.id}`);
                          const priority = cell?.priority ?? '';
                          return (
                            <td key={type.id} style={{ padding: 4, background: PRIORITY_COLORS[priority] ?? 'transparent', textAlign: 'center' }}>
                              {rights.canEditMapping ? (
                                <Flex gap={1} justifyContent="center">
                                  <select
                                    data-testid={`cell-${unit.code}-${type.code}`}
                                    aria-label={`${unit.code} × ${type.code}`}
                                    value={priority}
                                    onChange={(event) => save(unit, type.id, { priority: event.target.value as MappingCell['priority'] })}
                                  >
                                    {!cell ? <option value="">—</option> : null}
                                    {Object.entries(LABELS.priority).map(([key, label]) => <option key={key} value={key}>{pick(label)}</option>)}
                                  </select>
                                  {cell ? (
                                    <IconButton label={tr('mapping.details', 'Alasan dan sumber', 'Rationale and source')} variant="ghost" onClick={() => setEditing({ unit, typeId: type.id })}>
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
                  </Fragment>
                ))}
              </tbody>
            </table>
          </Box>
        </Section>
      )}
      {editing && matrix ? (
        <CellDetails
          cell={cells.get(`${editing.unit.id}:${editing.typeId}`)!}
          title={`${editing.unit.name} × ${matrix.cooperationTypes.find((type) => type.id === editing.typeId)?.name ?? ''}`}
          onClose={() => setEditing(null)}
          onSave={async (rationale, source) => {
            await save(editing.unit, editing.typeId, { rationale, source });
            setEditing(null);
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
