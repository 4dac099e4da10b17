import { useEffect, useState } from 'react';
import { Box, Flex, Grid, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Page, useFetchClient } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_TEXT, ChartFigure } from '../planning/charts';
import { contentManagerEntry, contentManagerList, yearRange, type Dashboard, type RollUpRow } from '../planning/api';
import { formatPercent, LABELS, PlanningPage, Progress, Section, useT, useYear } from '../planning/ui';
import { MyQueue } from '../components/MyQueue';

const AGREEMENT = 'api::agreement.agreement';
const MONITORING = 'api::monitoring-record.monitoring-record';
const COLORS = ['#4945ff', '#ee5e52', '#5cb176', '#f29d41', '#7b79ff', '#66b7f1', '#ac73e6', '#d9822f'];

/** Where each metric's achievement can be checked in the Content Manager. */
const metricList = (metric: string, year: number) => {
  const [start, end] = yearRange(year);
  if (metric === 'agreements_signed') return contentManagerList(AGREEMENT, [['signedDate', '$gte', start], ['signedDate', '$lte', end]]);
  if (metric === 'active_partners') return contentManagerList('api::partner.partner', [['agreements.startDate', '$lte', end]]);
  if (metric === 'study_programs_iku6') return contentManagerList(AGREEMENT, [['kind', '$eq', 'ia'], ['startDate', '$lte', end], ['cooperationTypes.iku6Criterion', '$notNull', 'true']]);
  return contentManagerList(MONITORING, [['monitoredOn', '$gte', start], ['monitoredOn', '$lte', end]]);
};

const HomePage = () => {
  const { get } = useFetchClient();
  const { tr, pick, number } = useT();
  const [year] = useYear();
  const [data, setData] = useState<Dashboard | null>(null);

  useEffect(() => {
    setData(null);
    get<{ data: Dashboard }>(`/kerjasama/dashboard?year=${year}`).then(({ data: body }) => setData(body.data));
  }, [get, year]);

  const pipelineRows = (data?.pipeline ?? []).map((row) => ({ ...row, name: pick(LABELS.proposalState[row.state as keyof typeof LABELS.proposalState], row.state) }));
  const metricLabel = (row: RollUpRow) => pick(data?.achievement.metrics.find((m) => m.metric === row.metric)?.labels, row.metric);
  const levelData = data
    ? Object.entries(data.partners.reduce<Record<string, number>>((acc, row) => ({ ...acc, [row.level]: (acc[row.level] ?? 0) + row.count }), {})).map(([level, count]) => ({
        level, name: pick(LABELS.level[level as keyof typeof LABELS.level], level), count,
      }))
    : [];

  return (
    <PlanningPage titleKey="dashboard.title" title="Dasbor kerjasama" titleEn="Cooperation dashboard">
      <MyQueue />
      {!data ? <Page.Loading /> : (
        <Grid.Root gap={4}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Section title={tr('dashboard.pipeline', 'Usulan per status', 'Proposals by state')} testId="dashboard-pipeline">
              {data.pipeline.length === 0 ? (
                <Typography textColor="neutral600">{tr('dashboard.noProposals', 'Belum ada usulan untuk tahun ini', 'No proposals for this year')}</Typography>
              ) : (
                <>
                  <ChartFigure label={tr('dashboard.pipeline', 'Usulan per status', 'Proposals by state')} height={180} rows={pipelineRows.map((row) => ({ name: row.name, value: number(row.count) }))}>
                    <BarChart accessibilityLayer={false} data={pipelineRows}>
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis dataKey="name" tick={CHART_TEXT} />
                      <YAxis allowDecimals={false} tick={CHART_TEXT} />
                      <Tooltip />
                      <Bar dataKey="count" fill="#4945ff" />
                    </BarChart>
                  </ChartFigure>
                  <Flex gap={3} wrap="wrap">
                    {data.pipeline.map((row) => (
                      <Link key={row.state} tag={RouterLink} to={contentManagerList('api::proposal.proposal', [['plannedYear', '$eq', year], ['workflowState', '$eq', row.state]])}>
                        {`${pick(LABELS.proposalState[row.state as keyof typeof LABELS.proposalState], row.state)}: ${row.count}`}
                      </Link>
                    ))}
                  </Flex>
                </>
              )}
            </Section>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Section title={tr('dashboard.achievement', 'Capaian target', 'Target achievement')} testId="dashboard-achievement">
              <Flex gap={3} alignItems="baseline">
                <Typography variant="alpha">{formatPercent(data.achievement.overall)}</Typography>
                <Link tag={RouterLink} to={`/plugins/kerjasama/targets?year=${year}`}>{tr('dashboard.overall', 'capaian keseluruhan', 'overall achievement')}</Link>
              </Flex>
              <Table colCount={4} rowCount={data.achievement.rollUp.length + 1}>
                <Thead><Tr>
                  <Th><Typography variant="sigma">{tr('targets.metric', 'Ukuran', 'Metric')}</Typography></Th>
                  <Th><Typography variant="sigma">{tr('targets.target', 'Target', 'Target')}</Typography></Th>
                  <Th><Typography variant="sigma">{tr('targets.achieved', 'Capaian', 'Achieved')}</Typography></Th>
                  <Th><Typography variant="sigma">%</Typography></Th>
                </Tr></Thead>
                <Tbody>
                  {data.achievement.rollUp.map((row) => (
                    <Tr key={row.metric}>
                      <Td><Typography>{metricLabel(row)}</Typography></Td>
                      <Td><Typography>{row.target}</Typography></Td>
                      <Td><Link tag={RouterLink} to={metricList(row.metric, year)}>{row.achieved}</Link></Td>
                      <Td><Flex gap={2}><Progress value={row.progress} label={metricLabel(row)} /><Typography>{formatPercent(row.percent)}</Typography></Flex></Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </Section>
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Section title={tr('dashboard.units', 'Capaian per unit', 'Achievement per unit')} testId="dashboard-units">
              {data.achievement.units.length === 0 ? (
                <Typography textColor="neutral600">{tr('dashboard.noUnitTargets', 'Belum ada target unit untuk tahun ini', 'No unit targets for this year')}</Typography>
              ) : (
                <>
                  <ChartFigure
                    label={tr('dashboard.units', 'Capaian per unit', 'Achievement per unit')}
                    height={Math.max(160, data.achievement.units.length * 26)}
                    rows={data.achievement.units.map((unit) => ({ name: `${unit.code} · ${unit.name}`, value: formatPercent(unit.percent) }))}
                  >
                    <BarChart accessibilityLayer={false} layout="vertical" data={data.achievement.units.map((unit) => ({ name: unit.code, percent: Math.min(unit.percent ?? 0, 100) }))} margin={{ left: 40 }}>
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis type="number" domain={[0, 100]} unit="%" tick={CHART_TEXT} />
                      <YAxis type="category" dataKey="name" tick={CHART_TEXT} />
                      <Tooltip />
                      <Bar dataKey="percent" fill="#328048" />
                    </BarChart>
                  </ChartFigure>
                  <Flex gap={3} wrap="wrap">
                    {data.achievement.units.map((unit) => (
                      <Link key={unit.documentId} tag={RouterLink} to={contentManagerList(AGREEMENT, [['units.documentId', '$eq', unit.documentId], ['signedDate', '$gte', yearRange(year)[0]], ['signedDate', '$lte', yearRange(year)[1]]])}>
                        {`${unit.code}: ${formatPercent(unit.percent)}`}
                      </Link>
                    ))}
                  </Flex>
                </>
              )}
            </Section>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Section title={tr('dashboard.expiring', 'Naskah berakhir dalam 90 hari', 'Agreements expiring within 90 days')} testId="dashboard-expiring">
              <Link tag={RouterLink} to={contentManagerList(AGREEMENT, [['validityState', '$in', ['active', 'expiring']], ['endDate', '$gte', data.expiring.from], ['endDate', '$lte', data.expiring.to]])}>
                <Typography variant="alpha">{data.expiring.total}</Typography>
              </Link>
              <AgreementList items={data.expiring.items} />
            </Section>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Section title={tr('dashboard.dormant', 'Naskah tanpa monitoring 12 bulan terakhir', 'Agreements with no monitoring in 12 months')} testId="dashboard-dormant">
              <Link tag={RouterLink} to={contentManagerList(AGREEMENT, [['documentId', '$in', data.dormant.items.map((item) => item.documentId)]])}>
                <Typography variant="alpha">{data.dormant.total}</Typography>
              </Link>
              <AgreementList items={data.dormant.items} />
            </Section>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Section title={tr('dashboard.partners', 'Mitra aktif per tingkat dan jenis institusi', 'Active partners by level and institution type')} testId="dashboard-partners">
              {levelData.length > 0 ? (
                <ChartFigure label={tr('dashboard.partnersByLevel', 'Mitra aktif per tingkat', 'Active partners by level')} height={220} rows={levelData.map((entry) => ({ name: entry.name, value: number(entry.count) }))}>
                  <PieChart accessibilityLayer={false}>
                    <Pie data={levelData} dataKey="count" nameKey="name" outerRadius={70} label={CHART_TEXT} rootTabIndex={-1}>
                      {levelData.map((entry, index) => <Cell key={entry.level} fill={COLORS[index % COLORS.length]} />)}
                    </Pie>
                    <Legend formatter={(value: string) => <span style={{ color: CHART_TEXT.fill, fontSize: CHART_TEXT.fontSize }}>{value}</span>} />
                    <Tooltip />
                  </PieChart>
                </ChartFigure>
              ) : null}
              <Flex direction="column" alignItems="flex-start" gap={1}>
                {data.partners.length === 0 ? <Typography textColor="neutral600">{tr('dashboard.noPartners', 'Belum ada mitra yang tampil', 'No listed partners yet')}</Typography> : null}
                {data.partners.map((row) => (
                  <Link key={`${row.level}-${row.institutionType}`} tag={RouterLink} to={contentManagerList('api::partner.partner', [['level', '$eq', row.level], ['institutionType', '$eq', row.institutionType]])}>
                    {`${pick(LABELS.level[row.level as keyof typeof LABELS.level], row.level)} · ${pick(LABELS.institutionType[row.institutionType as keyof typeof LABELS.institutionType], row.institutionType)}: ${row.count}`}
                  </Link>
                ))}
              </Flex>
            </Section>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Section title={tr('dashboard.satisfaction', 'Kepuasan mitra (survei terakhir)', 'Partner satisfaction (latest survey)')} testId="dashboard-satisfaction">
              {data.satisfaction ? (
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Link tag={RouterLink} to={contentManagerEntry('api::satisfaction-survey.satisfaction-survey', data.satisfaction.documentId)}>
                    <Typography variant="alpha">{`${data.satisfaction.meanScore} / ${data.satisfaction.scaleMax}`}</Typography>
                  </Link>
                  <Typography>{`${data.satisfaction.title} (${data.satisfaction.year}) · ${formatPercent(data.satisfaction.percent)} · ${data.satisfaction.responses} ${tr('dashboard.responses', 'jawaban', 'responses')}`}</Typography>
                </Flex>
              ) : (
                <Typography textColor="neutral600">{tr('dashboard.noSurvey', 'Belum ada survei yang dijawab', 'No answered survey yet')}</Typography>
              )}
            </Section>
          </Grid.Item>
        </Grid.Root>
      )}
    </PlanningPage>
  );
};

const AgreementList = ({ items }: { items: Dashboard['expiring']['items'] }) => (
  <Box paddingTop={2}>
    {items.slice(0, 8).map((item) => (
      <Box key={item.documentId} paddingTop={1}>
        <Link tag={RouterLink} to={contentManagerEntry(AGREEMENT, item.documentId)}>
          {`${item.ourNumber} · ${item.partnerName ?? '—'}${item.endDate ? ` · ${item.endDate}` : ''}`}
        </Link>
      </Box>
    ))}
  </Box>
);

export { HomePage };
