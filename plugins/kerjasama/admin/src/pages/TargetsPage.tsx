import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { TargetsReport, TargetView } from '../planning/api';
import { downloadFile, errorMessage } from '../planning/requests';
import { formatPercent, LABELS, PlanningPage, Progress, Section, useT, usePlanningRights, useYear } from '../planning/ui';

const NONE = '__none__';

const TargetsPage = () => {
  const { get, post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { tr, pick } = useT();
  const rights = usePlanningRights();
  const [year] = useYear();
  const [report, setReport] = useState<TargetsReport | null>(null);
  const [draft, setDraft] = useState({ unit: NONE, cooperationType: NONE, partnerLevel: NONE, metric: 'agreements_signed', targetValue: '1' });

  const load = useCallback(() => get<{ data: TargetsReport }>(`/kerjasama/targets?year=${year}`).then(({ data }) => setReport(data.data)), [get, year]);
  useEffect(() => {
    setReport(null);
    load();
  }, [load]);

  const metricLabel = (metric: string) => pick(report?.metrics.find((m) => m.metric === metric)?.labels, metric);

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      toggleNotification({ type: 'success', message: done });
      await load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  const saveValue = (target: TargetView, value: string) => {
    if (String(target.targetValue) === value) return;
    return run(() => put(`/kerjasama/targets/${target.documentId}`, { targetValue: Number(value) }), tr('targets.saved', 'Target disimpan', 'Target saved'));
  };

  const add = () =>
    run(
      () => post('/kerjasama/targets', {
        year,
        unit: draft.unit === NONE ? null : draft.unit,
        cooperationType: draft.cooperationType === NONE ? null : draft.cooperationType,
        partnerLevel: draft.partnerLevel === NONE ? null : draft.partnerLevel,
        metric: draft.metric,
        targetValue: Number(draft.targetValue),
      }),
      tr('targets.added', 'Target ditambahkan', 'Target added'),
    );

  return (
    <PlanningPage
      titleKey="targets.title" title="Target dan capaian" titleEn="Targets and achievement"
      actions={<Button variant="tertiary" onClick={() => downloadFile(get, `/kerjasama/targets/export?year=${year}`, `target-kerjasama-${year}.xlsx`)}>{tr('export', 'Ekspor XLSX', 'Export XLSX')}</Button>}
    >
      {!report ? <Page.Loading /> : (
        <>
          <Section title={`${tr('targets.rollUp', 'Tingkat institusi', 'Institution-wide')} · ${formatPercent(report.overall)}`} testId="targets-rollup">
            <Table colCount={5} rowCount={report.rollUp.length + 1}>
              <Thead><Tr>
                <Th><Typography variant="sigma">{tr('targets.metric', 'Ukuran', 'Metric')}</Typography></Th>
                <Th><Typography variant="sigma">{tr('targets.target', 'Target', 'Target')}</Typography></Th>
                <Th><Typography variant="sigma">{tr('targets.achieved', 'Capaian', 'Achieved')}</Typography></Th>
                <Th><Typography variant="sigma">%</Typography></Th>
                <Th><Typography variant="sigma">{tr('targets.definition', 'Cara menghitung', 'How it is counted')}</Typography></Th>
              </Tr></Thead>
              <Tbody>
                {report.rollUp.map((row) => (
                  <Tr key={row.metric}>
                    <Td><Typography>{metricLabel(row.metric)}</Typography></Td>
                    <Td><Typography>{row.target}</Typography></Td>
                    <Td><Typography>{row.achieved}</Typography></Td>
                    <Td><Flex gap={2}><Progress value={row.progress} label={metricLabel(row.metric)} /><Typography>{formatPercent(row.percent)}</Typography></Flex></Td>
                    <Td><Typography variant="pi" textColor="neutral600">{pick(report.metrics.find((m) => m.metric === row.metric)?.definition)}</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Section>

          <Section title={tr('targets.list', 'Target per unit, jenis atau tingkat mitra', 'Targets by unit, type or partner level')} testId="targets-list">
            {rights.canEditTargets ? (
              <Flex gap={2} paddingBottom={4} wrap="wrap" alignItems="flex-end" data-testid="target-form">
                <Picker label="Unit" value={draft.unit} onChange={(unit) => setDraft({ ...draft, unit })}
                  options={[[NONE, tr('targets.institution', 'Institusi (semua unit)', 'Institution (all units)')], ...report.units.map((unit) => [unit.documentId, `${unit.code} · ${unit.name}`] as [string, string])]} />
                <Picker label={tr('targets.type', 'Jenis kerjasama', 'Cooperation type')} value={draft.cooperationType} onChange={(cooperationType) => setDraft({ ...draft, cooperationType })}
                  options={[[NONE, tr('targets.anyType', 'Semua jenis', 'Any type')], ...report.cooperationTypes.map((type) => [type.documentId, `${type.code} · ${type.name}`] as [string, string])]} />
                <Picker label={tr('targets.level', 'Tingkat mitra', 'Partner level')} value={draft.partnerLevel} onChange={(partnerLevel) => setDraft({ ...draft, partnerLevel })}
                  options={[[NONE, tr('targets.anyLevel', 'Semua tingkat', 'Any level')], ...Object.entries(LABELS.level).map(([key, label]) => [key, pick(label)] as [string, string])]} />
                <Picker label={tr('targets.metric', 'Ukuran', 'Metric')} value={draft.metric} onChange={(metric) => setDraft({ ...draft, metric })}
                  options={report.metrics.map((metric) => [metric.metric, pick(metric.labels)] as [string, string])} />
                <label style={{ display: 'flex', flexDirection: 'column', fontSize: 12 }}>
                  {tr('targets.target', 'Target', 'Target')}
                  <input data-testid="new-target-value" type="number" min={0} value={draft.targetValue} onChange={(event) => setDraft({ ...draft, targetValue: event.target.value })} style={{ width: 80, padding: 6 }} />
                </label>
                <Button onClick={add}>{tr('targets.add', 'Tambah target', 'Add target')}</Button>
              </Flex>
            ) : null}
            <Table colCount={7} rowCount={report.targets.length + 1}>
              <Thead><Tr>
                <Th><Typography variant="sigma">Unit</Typography></Th>
                <Th><Typography variant="sigma">{tr('targets.type', 'Jenis kerjasama', 'Cooperation type')}</Typography></Th>
                <Th><Typography variant="sigma">{tr('targets.level', 'Tingkat mitra', 'Partner level')}</Typography></Th>
                <Th><Typography variant="sigma">{tr('targets.metric', 'Ukuran', 'Metric')}</Typography></Th>
                <Th><Typography variant="sigma">{tr('targets.target', 'Target', 'Target')}</Typography></Th>
                <Th><Typography variant="sigma">{tr('targets.achieved', 'Capaian', 'Achieved')}</Typography></Th>
                <Th><Typography variant="sigma">%</Typography></Th>
              </Tr></Thead>
              <Tbody>
                {report.targets.length === 0 ? (
                  <Tr><Td colSpan={7}><Typography textColor="neutral600">{tr('targets.none', 'Belum ada target untuk tahun ini', 'No targets for this year')}</Typography></Td></Tr>
                ) : null}
                {report.targets.map((target) => (
                  <Tr key={target.documentId} data-testid={`target-row-${target.documentId}`}>
                    <Td><Typography>{target.unit ? `${target.unit.code} · ${target.unit.name}` : tr('targets.institution', 'Institusi (semua unit)', 'Institution (all units)')}</Typography></Td>
                    <Td><Typography>{target.cooperationType?.code ?? '—'}</Typography></Td>
                    <Td><Typography>{target.partnerLevel ? pick(LABELS.level[target.partnerLevel as keyof typeof LABELS.level]) : '—'}</Typography></Td>
                    <Td><Typography>{metricLabel(target.metric)}</Typography></Td>
                    <Td>
                      {rights.canEditTargets ? (
                        <input
                          key={`${target.documentId}-${target.targetValue}`}
                          data-testid="target-value"
                          aria-label={tr('targets.target', 'Target', 'Target')}
                          type="number" min={0} defaultValue={target.targetValue} style={{ width: 80, padding: 4 }}
                          onBlur={(event) => saveValue(target, event.target.value)}
                          onKeyDown={(event) => { if (event.key === 'Enter') (event.target as HTMLInputElement).blur(); }}
                        />
                      ) : <Typography>{target.targetValue}</Typography>}
                    </Td>
                    <Td><Typography>{target.achieved}</Typography></Td>
                    <Td><Flex gap={2}><Progress value={target.progress} label={metricLabel(target.metric)} /><Typography>{formatPercent(target.percent)}</Typography></Flex></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Section>
        </>
      )}
    </PlanningPage>
  );
};

const Picker = ({ label, value, onChange, options }: { label: string; value: string; onChange: (value: string) => void; options: Array<[string, string]> }) => (
  <Box minWidth="12rem">
    <Typography variant="pi">{label}</Typography>
    <SingleSelect aria-label={label} value={value} onChange={(next) => onChange(String(next))}>
      {options.map(([key, text]) => <SingleSelectOption key={key} value={key}>{text}</SingleSelectOption>)}
    </SingleSelect>
  </Box>
);

export { TargetsPage };
