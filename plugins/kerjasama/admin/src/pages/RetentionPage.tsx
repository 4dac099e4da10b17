import { useEffect, useState } from 'react';
import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { Bilingual } from '../bilingual';
import { t } from '../pluginId';
import { useT } from '../planning/ui';

interface RetentionKind {
  uid: string;
  labels: Bilingual;
  total: number;
  pastRetention: Array<{ documentId: string; retainUntil: string }>;
}

export const RetentionPage = () => {
  const { get } = useFetchClient();
  const { formatMessage } = useIntl();
  const { pick } = useT();
  const [kinds, setKinds] = useState<RetentionKind[] | null>(null);

  useEffect(() => {
    get<{ data: { kinds: RetentionKind[] } }>('/kerjasama/retention-report').then(({ data }) => setKinds(data.data.kinds));
  }, [get]);

  if (!kinds) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>{formatMessage({ id: t('retention.title'), defaultMessage: 'Records retention report' })}</Page.Title>
      <Layouts.Header
        title={formatMessage({ id: t('retention.title'), defaultMessage: 'Records retention report' })}
        subtitle={formatMessage({ id: t('retention.subtitle'), defaultMessage: 'Records past their 5-year retention period' })}
      />
      <Layouts.Content>
        <Box background="neutral0" shadow="tableShadow" hasRadius>
          <Table colCount={3} rowCount={kinds.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{formatMessage({ id: t('retention.kind'), defaultMessage: 'Record kind' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: t('retention.total'), defaultMessage: 'Total' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: t('retention.past'), defaultMessage: 'Past retention' })}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {kinds.map((kind) => (
                <Tr key={kind.uid}>
                  <Td><Typography>{pick(kind.labels)}</Typography></Td>
                  <Td><Typography>{kind.total}</Typography></Td>
                  <Td><Typography>{kind.pastRetention.length}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};
