import { useEffect, useState } from 'react';
import { Badge, Checkbox, Flex, Link, Loader, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';
import type { MyQueue as MyQueueData, QueueItem } from '@kerjasama/contracts/my-queue';
import { contentManagerEntry } from '../planning/api';
import { Section, useT } from '../planning/ui';

/** Where a row opens: the record's edit view (its workflow panel holds the moves). */
export const queueItemLink = (item: Pick<QueueItem, 'uid' | 'documentId'>) => contentManagerEntry(item.uid, item.documentId);

export const useMyQueue = () => {
  const { get } = useFetchClient();
  const [data, setData] = useState<MyQueueData | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    get<{ data: MyQueueData }>('/kerjasama/my-queue').then(({ data: body }) => setData(body.data), () => setFailed(true));
  }, [get]);
  return { data, setData, failed };
};

/**
 * My queue (Tugas saya) at the top of the dashboard: every record waiting for a move the
 * person's role may make, how long it has waited in working days, flagged past the limit, and
 * the switch of the weekly e-mail digest.
 */
export const MyQueue = () => {
  const { put } = useFetchClient();
  const { tr, pick, number } = useT();
  const { data, setData, failed } = useMyQueue();

  const switchDigest = async (enabled: boolean) => {
    if (!data) return;
    await put('/kerjasama/my-queue/digest', { enabled });
    setData({ ...data, digest: { enabled } });
  };

  return (
    <Section title={tr('queue.title', 'Tugas saya', 'My queue')} testId="my-queue">
      {failed ? <Typography textColor="neutral600">{tr('queue.unavailable', 'Tugas tidak dapat dimuat', 'The queue could not be loaded')}</Typography> : null}
      {!data && !failed ? <Loader small /> : null}
      {data ? (
        <Flex direction="column" alignItems="stretch" gap={3}>
          {data.items.length === 0 ? (
            <Typography textColor="neutral600" data-testid="my-queue-empty">{tr('queue.empty', 'Tidak ada yang menunggu tindakan Anda', 'Nothing is waiting for you')}</Typography>
          ) : (
            <Table colCount={5} rowCount={data.items.length + 1}>
              <Thead><Tr>
                <Th><Typography variant="sigma">{tr('queue.record', 'Rekaman', 'Record')}</Typography></Th>
                <Th><Typography variant="sigma">{tr('queue.type', 'Jenis', 'Type')}</Typography></Th>
                <Th><Typography variant="sigma">{tr('queue.state', 'Status', 'State')}</Typography></Th>
                <Th><Typography variant="sigma">{tr('queue.moves', 'Tindakan', 'Action')}</Typography></Th>
                <Th><Typography variant="sigma">{tr('queue.waited', 'Menunggu', 'Waiting')}</Typography></Th>
              </Tr></Thead>
              <Tbody>
                {data.items.map((item) => (
                  <Tr key={`${item.uid}:${item.documentId}`} data-testid="my-queue-row" data-document-id={item.documentId}>
                    <Td><Link tag={RouterLink} to={queueItemLink(item)}>{item.title}</Link></Td>
                    <Td><Typography>{pick(item.typeLabels)}</Typography></Td>
                    <Td><Typography>{pick(item.stateLabels)}{item.daysLeft !== undefined ? ` · ${tr('queue.daysLeft', '{days} hari lagi', '{days} days left', { days: number(item.daysLeft) })}` : ''}</Typography></Td>
                    <Td><Typography>{item.moves.map((move) => pick(move.labels)).join(', ')}</Typography></Td>
                    <Td>
                      <Flex gap={2}>
                        <Typography>{tr('queue.workingDays', '{days} hari kerja', '{days} working days', { days: number(item.waitedWorkingDays) })}</Typography>
                        {item.overdue ? <Badge backgroundColor="danger100" textColor="danger700" data-testid="my-queue-overdue">{tr('queue.overdue', 'Terlambat', 'Overdue')}</Badge> : null}
                      </Flex>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
          <Typography variant="pi" textColor="neutral600">
            {tr('queue.limit', 'Ditandai bila menunggu lebih dari {days} hari kerja (tanpa akhir pekan, libur nasional dan cuti bersama)', 'Flagged after more than {days} working days (weekends, public holidays and joint leave excluded)', { days: number(data.staleAfterWorkingDays) })}
          </Typography>
          <Checkbox checked={data.digest.enabled} onCheckedChange={(checked) => void switchDigest(checked === true)} data-testid="my-queue-digest">
            {tr('queue.digest', 'Kirimi saya ringkasan mingguan lewat surel', 'Send me a weekly e-mail digest')}
          </Checkbox>
        </Flex>
      ) : null}
    </Section>
  );
};
