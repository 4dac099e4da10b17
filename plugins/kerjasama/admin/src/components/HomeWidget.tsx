import { useEffect, useState } from 'react';
import { Flex, Link, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';
import type { Dashboard } from '../planning/api';
import { useT } from '../planning/ui';
import { useMyQueue } from './MyQueue';

/**
 * The admin home's widget (it replaces Strapi's stock widgets, see src/admin/app.tsx): this
 * year's figures of the Kerjasama dashboard and the way to the office's pages.
 */
export const KerjasamaHomeWidget = () => {
  const { get } = useFetchClient();
  const { tr, number, percent } = useT();
  const year = new Date().getFullYear();
  const [data, setData] = useState<Dashboard | null>(null);
  const [failed, setFailed] = useState(false);
  const queue = useMyQueue();

  useEffect(() => {
    get<{ data: Dashboard }>(`/kerjasama/dashboard?year=${year}`).then(({ data: body }) => setData(body.data), () => setFailed(true));
  }, [get, year]);

  if (failed) return <Typography textColor="neutral600">{tr('widget.unavailable', 'Dasbor tidak dapat dimuat', 'The dashboard could not be loaded')}</Typography>;
  if (!data) return <Loader small />;
  const proposals = data.pipeline.reduce((sum, row) => sum + row.count, 0);
  const lines: Array<[string, string]> = [
    ...(queue.data ? [[tr('queue.widget', 'Tugas saya (terlambat)', 'My queue (overdue)'), `${number(queue.data.items.length)} (${number(queue.data.items.filter((item) => item.overdue).length)})`] as [string, string]] : []),
    [tr('dashboard.pipeline', 'Usulan per status', 'Proposals by state'), number(proposals)],
    [tr('dashboard.overall', 'capaian keseluruhan', 'overall achievement'), percent(data.achievement.overall)],
    [tr('dashboard.expiring', 'Naskah berakhir dalam 90 hari', 'Agreements expiring within 90 days'), number(data.expiring.total)],
    [tr('dashboard.dormant', 'Naskah tanpa monitoring 12 bulan terakhir', 'Agreements with no monitoring in 12 months'), number(data.dormant.total)],
  ];
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="kerjasama-home-widget">
      <Typography variant="sigma" textColor="neutral600">{String(year)}</Typography>
      {lines.map(([label, value]) => (
        <Flex key={label} justifyContent="space-between" gap={2}>
          <Typography>{label}</Typography>
          <Typography fontWeight="bold">{value}</Typography>
        </Flex>
      ))}
      <Flex gap={3} wrap="wrap" paddingTop={2}>
        <Link tag={RouterLink} to="/plugins/kerjasama">{tr('widget.open', 'Buka dasbor kerjasama', 'Open the cooperation dashboard')}</Link>
        <Link tag={RouterLink} to={`/plugins/kerjasama/program?year=${year}`}>{tr('nav.program', 'Program tahunan', 'Annual program')}</Link>
      </Flex>
    </Flex>
  );
};
